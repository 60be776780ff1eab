import { Link } from 'react-router';
import { usePageMeta } from '../pageMeta.js';

// Every path the client does not know, and every film or series that does not exist.
export default function NotFound({ what = 'Page introuvable', detail = "Cette adresse ne mène à aucune page de CineVerse." }) {
  usePageMeta(what, detail);
  return (
    <main id="main" className="form-page not-found" data-testid="not-found">
      <h1>{what}</h1>
      <p>{detail}</p>
      <p>
        <Link to="/">Retour à l'accueil</Link>
      </p>
    </main>
  );
}
