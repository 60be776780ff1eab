import Header from './components/Header.jsx';
import Home from './pages/Home.jsx';
import Login from './pages/Login.jsx';
import Profile from './pages/Profile.jsx';
import SignUp from './pages/SignUp.jsx';
import { Link, Router, useRouter } from './router.jsx';
import { SessionProvider } from './session.jsx';

const PAGES = { '/': Home, '/connexion': Login, '/inscription': SignUp, '/profil': Profile };

function NotFound() {
  return (
    <main id="main" className="form-page">
      <h1>Page introuvable</h1>
      <p>
        <Link to="/">Retour à l'accueil</Link>
      </p>
    </main>
  );
}

function CurrentPage() {
  const { path } = useRouter();
  const Page = PAGES[path] ?? NotFound;
  return <Page />;
}

export default function App() {
  return (
    <Router>
      <SessionProvider>
        <a href="#main" className="skip-link">
          Aller au contenu
        </a>
        <Header />
        <CurrentPage />
      </SessionProvider>
    </Router>
  );
}
