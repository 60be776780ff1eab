// react-router 7 in its declarative mode (<BrowserRouter>, <Routes>): the maintained line,
// with v6's component API in one package (react-router-dom is now only a re-export), and it
// runs on Node 20 with React 18. Version 8 needs React 19 and Node 22; the data and
// framework modes bring loaders and a server build this static client does not need.
import { Suspense, lazy, useEffect } from 'react';
import { BrowserRouter, Route, Routes, useLocation, useNavigationType } from 'react-router';
import Footer from './components/Footer.jsx';
import Header from './components/Header.jsx';
import Notice from './components/Notice.jsx';
import { ImagesProvider } from './images.jsx';
import Home from './pages/Home.jsx';
import Login from './pages/Login.jsx';
import MyList from './pages/MyList.jsx';
import NotFound from './pages/NotFound.jsx';
import Profile from './pages/Profile.jsx';
import SearchResults from './pages/SearchResults.jsx';
import SignUp from './pages/SignUp.jsx';
import TitlePage from './pages/Title.jsx';
import { PersonalProvider } from './personal.jsx';
import { SessionProvider } from './session.jsx';
import { WatchlistProvider } from './watchlist.jsx';

// Pages most visits never open are split from the main bundle, loaded when first asked for.
const Discover = lazy(() => import('./pages/Discover.jsx'));
const PersonPage = lazy(() => import('./pages/Person.jsx'));
const SagaPage = lazy(() => import('./pages/Saga.jsx'));
const Tonight = lazy(() => import('./pages/Tonight.jsx'));
const News = lazy(() => import('./pages/News.jsx'));
const Journal = lazy(() => import('./pages/Journal.jsx'));

function PageLoading() {
  return (
    <main id="main" className="results-page" aria-busy="true">
      <p className="muted" role="status">
        Chargement…
      </p>
    </main>
  );
}

// A new page starts at its top; back and forward leave the browser's own scroll alone, and
// so does a change that only reorders the page it is on (state `keepScroll`).
function ScrollToTop() {
  const { pathname, search, state } = useLocation();
  const type = useNavigationType();
  const keep = Boolean(state?.keepScroll);
  useEffect(() => {
    if (type !== 'POP' && !keep) window.scrollTo(0, 0);
  }, [pathname, search, type, keep]);
  return null;
}

// The whole site inside whatever router holds it (the browser's, or a test's memory).
export function Site() {
  return (
    <SessionProvider>
      <ImagesProvider>
        <WatchlistProvider>
          <PersonalProvider>
            <ScrollToTop />
            <a href="#main" className="skip-link">
              Aller au contenu
            </a>
            <Header />
            <Notice />
            <Suspense fallback={<PageLoading />}>
              <Routes>
                <Route path="/" element={<Home />} />
                <Route path="/recherche" element={<SearchResults />} />
                <Route path="/film/:id" element={<TitlePage kind="movie" />} />
                <Route path="/serie/:id" element={<TitlePage kind="tv" />} />
                <Route path="/ma-liste" element={<MyList />} />
                <Route path="/connexion" element={<Login />} />
                <Route path="/inscription" element={<SignUp />} />
                <Route path="/profil" element={<Profile />} />
                <Route path="/decouvrir" element={<Discover />} />
                <Route path="/personne/:id" element={<PersonPage />} />
                <Route path="/saga/:id" element={<SagaPage />} />
                <Route path="/ce-soir" element={<Tonight />} />
                <Route path="/nouveautes" element={<News />} />
                <Route path="/journal" element={<Journal />} />
                <Route path="*" element={<NotFound />} />
              </Routes>
            </Suspense>
            <Footer />
          </PersonalProvider>
        </WatchlistProvider>
      </ImagesProvider>
    </SessionProvider>
  );
}

export default function App() {
  return (
    <BrowserRouter>
      <Site />
    </BrowserRouter>
  );
}
