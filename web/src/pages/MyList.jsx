import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api.js';
import PosterCard from '../components/PosterCard.jsx';
import ServicesPicker from '../components/ServicesPicker.jsx';
import Where from '../components/Where.jsx';
import { usePersonal, useProviderList } from '../personal.jsx';
import { useSession } from '../session.jsx';
import { useFetched } from '../useFetched.js';
import { useWatchlist } from '../watchlist.jsx';
import { usePageMeta } from '../pageMeta.js';

const PROMPT_DISMISSED = 'cineverse:services-prompt-dismissed';
function promptDismissed() {
  try {
    return window.localStorage.getItem(PROMPT_DISMISSED) === '1';
  } catch {
    return false;
  }
}

// The first visit of a user without services: which ones do they pay for?
function ServicesPrompt() {
  const personal = usePersonal();
  const [dismissed, setDismissed] = useState(promptDismissed);
  const [saved, setSaved] = useState(false);
  if (saved || dismissed || personal.providers.status !== 'ready' || personal.providers.ids.length > 0) return null;
  return (
    <div className="services-prompt" data-testid="services-prompt">
      <ServicesPicker
        title="Sur quelles plateformes êtes-vous abonné ?"
        intro="Choisissez vos services : chaque titre de votre liste dira s'il y est, et « Ce soir » vous proposera ce que vous pouvez regarder."
        onSaved={() => setSaved(true)}
      />
      <button
        type="button"
        className="link-button tall"
        onClick={() => {
          try {
            window.localStorage.setItem(PROMPT_DISMISSED, '1');
          } catch {
            // Kept for this page only.
          }
          setDismissed(true);
        }}
      >
        Plus tard
      </button>
    </div>
  );
}

// Only the items streaming on one of my services (GET /api/watchlist?available=mine).
function AvailableOnMine({ version }) {
  const { status, data, retry } = useFetched((signal) => api.watchlistWhere(true, signal), `mine/${version}`);
  if (status === 'loading') return <p className="muted" role="status">Chargement…</p>;
  if (status === 'error') {
    return (
      <p className="error" role="alert">
        Cette liste n'a pas pu être chargée.{' '}
        <button type="button" className="link-button" onClick={retry}>
          Réessayer
        </button>
      </p>
    );
  }
  return <Items items={Array.isArray(data) ? data : []} label="Ma liste : disponible sur mes plateformes" empty="Aucun titre de votre liste n'est sur vos plateformes pour l'instant." />;
}

function Items({ items, label, empty }) {
  const list = useWatchlist();
  const services = useProviderList();
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <ul className="grid" aria-label={label} data-testid="watchlist">
      {items.map((item) => (
        <PosterCard
          key={`${item.media_type}-${item.id}`}
          item={item}
          kind={item.media_type}
          showKind
          action={(titleId) => (
            <>
              <Where where={item.where} byId={services.byId} />
              <button
                type="button"
                className="toggle compact"
                aria-describedby={titleId}
                aria-busy={list.isPending(item.media_type, item.id) ? 'true' : undefined}
                onClick={() => list.toggle(item.media_type, item)}
              >
                Retirer de ma liste
              </button>
            </>
          )}
        />
      ))}
    </ul>
  );
}

// The server keeps the list newest first; a title added here goes on top.
export default function MyList() {
  const { user, checked } = useSession();
  const list = useWatchlist();
  const personal = usePersonal();
  const [params, setParams] = useSearchParams();
  const onlyMine = params.get('dispo') === 'mes-plateformes';
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
      {list.status === 'ready' && <ServicesPrompt />}
      {list.items.length > 0 && (
        <>
          <label className="check-line filter-mine">
            <input
              type="checkbox"
              checked={onlyMine}
              disabled={personal.providers.ids.length === 0}
              aria-describedby={personal.providers.ids.length === 0 ? 'filter-mine-hint' : undefined}
              onChange={(event) => setParams(event.target.checked ? { dispo: 'mes-plateformes' } : {}, { replace: true })}
            />
            Disponible sur mes plateformes
          </label>
          {personal.providers.ids.length === 0 && personal.providers.status === 'ready' && (
            <p id="filter-mine-hint" className="muted">
              Choisissez vos plateformes pour filtrer votre liste (<Link to="/profil">Profil</Link>).
            </p>
          )}
          {onlyMine ? (
            <AvailableOnMine version={`${personal.providers.ids.join(',')}/${list.items.length}`} />
          ) : (
            <Items items={list.items} label="Ma liste" />
          )}
        </>
      )}
    </main>
  );
}
