import { Link, NavLink } from 'react-router';
import ConnectionPanel from './ConnectionPanel.jsx';
import PersonalLinks from './PersonalLinks.jsx';
import SearchBox from './SearchBox.jsx';

export default function Header() {
  return (
    <header className="header">
      <Link to="/" className="brand">
        CineVerse
      </Link>
      <nav className="nav" aria-label="Navigation principale">
        <NavLink to="/" end>
          Accueil
        </NavLink>
        <NavLink to="/decouvrir">Découvrir</NavLink>
        <NavLink to="/ma-liste">Ma liste</NavLink>
        <PersonalLinks />
      </nav>
      <SearchBox />
      <ConnectionPanel />
    </header>
  );
}
