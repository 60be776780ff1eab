import { Link } from 'react-router';
import PosterCard from '../components/PosterCard.jsx';
import { useSession } from '../session.jsx';
import { useWatchlist } from '../watchlist.jsx';
import { usePageMeta } from '../pageMeta.js';

// The server keeps the list newest first; a title added here goes on top.
export default function MyList() {
  const { user, checked } = useSession();
  const list = useWatchlist();
  usePageMeta('Ma liste', 'Les films et les séries que vous gardez pour plus tard sur CineVerse.');

  if (!checked) return <main id="main" className="results-page" aria-busy="true" />;
  if (!user) {
    return (
      <main id="main" className="results-page">
        <h1>Ma liste</h1>
        <p>
          <Link to="/connexion" state={{ from: '/ma-liste' }}>
            Connectez-vous
          </Link>{' '}
          pour retrouver les films et les séries que vous gardez.
        </p>
      </main>
    );
  }
  return (
    <main id="main" className="results-page" aria-busy={list.status === 'loading' ? 'true' : undefined}>
      <h1>Ma liste</h1>
      {list.status === 'loading' && (
        <p className="muted" role="status">
          Chargement…
        </p>
      )}
      {list.status === 'error' && (
        <>
          <p className="error" role="alert">
            Votre liste n'a pas pu être chargée.
          </p>
          <button type="button" className="button" onClick={list.reload}>
            Réessayer
          </button>
        </>
      )}
      {list.status === 'ready' && list.items.length === 0 && (
        <p>Votre liste est vide : ajoutez-y des films et des séries depuis leur page ou leur affiche.</p>
      )}
      {list.items.length > 0 && (
        <ul className="grid" aria-label="Ma liste" data-testid="watchlist">
          {list.items.map((item) => (
            <PosterCard
              key={`${item.media_type}-${item.id}`}
              item={item}
              kind={item.media_type}
              showKind
              action={(titleId) => (
                <button
                  type="button"
                  className="toggle compact"
                  aria-describedby={titleId}
                  aria-busy={list.isPending(item.media_type, item.id) ? 'true' : undefined}
                  onClick={() => list.toggle(item.media_type, item)}
                >
                  Retirer de ma liste
                </button>
              )}
            />
          ))}
        </ul>
      )}
    </main>
  );
}
