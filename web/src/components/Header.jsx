import { Link } from '../router.jsx';
import ConnectionPanel from './ConnectionPanel.jsx';

export default function Header() {
  return (
    <header className="header">
      <Link to="/" className="brand">
        CineVerse
      </Link>
      <nav className="nav" aria-label="Navigation principale">
        <Link to="/">Accueil</Link>
      </nav>
      <ConnectionPanel />
    </header>
  );
}
