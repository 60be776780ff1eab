import { Link, useNavigate } from 'react-router';
import { useSession } from '../session.jsx';

export default function ConnectionPanel() {
  const { user, checked, signOut } = useSession();
  const navigate = useNavigate();
  if (!checked) return <div className="panel" aria-busy="true" />;
  if (!user) {
    return (
      <nav className="panel" aria-label="Compte">
        <Link to="/connexion" className="button ghost">
          Connexion
        </Link>
        <Link to="/inscription" className="button">
          Inscription
        </Link>
      </nav>
    );
  }
  return (
    <nav className="panel" aria-label="Compte">
      <span className="username" data-testid="username">
        {user.username}
      </span>
      <Link to="/profil" className="button ghost">
        Profil
      </Link>
      <button
        type="button"
        className="button"
        onClick={async () => {
          await signOut();
          navigate('/');
        }}
      >
        Déconnexion
      </button>
    </nav>
  );
}
