import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api.js';
import { KIND_LABEL, personPath, titleOf, titlePath } from '../catalogue.js';
import HideSeenToggle from '../components/HideSeenToggle.jsx';
import Picture from '../components/Picture.jsx';
import PosterCard, { CARD_SIZES } from '../components/PosterCard.jsx';
import { usePersonal } from '../personal.jsx';
import { useFetched } from '../useFetched.js';
import { usePageMeta } from '../pageMeta.js';

const PAGE_SIZE = 20; // TMDB's page: a full one means there may be another

export function searchMessage(error) {
  if (error.status === 400) return 'Votre recherche doit compter de 1 à 100 caractères.';
  if (error.status === 429) return 'Trop de recherches à la suite : réessayez dans un instant.';
  return 'La recherche est indisponible pour le moment.';
}

export default function SearchResults() {
  const [params] = useSearchParams();
  const query = (params.get('q') ?? '').trim();
  usePageMeta(
    query ? `« ${query} » — Recherche` : 'Recherche',
    query ? `Les films, les séries et les personnes qui répondent à « ${query} » sur CineVerse.` : 'Rechercher un film, une série ou une personne sur CineVerse.',
  );
  if (!query) {
    return (
      <main id="main" className="results-page">
        <h1>Recherche</h1>
        <p>Saisissez un titre, une série ou un nom dans le champ de recherche.</p>
      </main>
    );
  }
  return <Results key={query} query={query} />;
}

function Results({ query }) {
  const first = useFetched((signal) => api.search(query, 1, signal), query);
  const [more, setMore] = useState({ pages: [], status: 'idle' });
  const { visible } = usePersonal();

  const heading = <h1>Résultats pour « {query} »</h1>;
  if (first.status === 'loading') {
    return (
      <main id="main" className="results-page" aria-busy="true">
        {heading}
        <p className="muted" role="status">
          Recherche en cours…
        </p>
      </main>
    );
  }
  if (first.status === 'error') {
    return (
      <main id="main" className="results-page">
        {heading}
        <p className="error" role="alert">
          {searchMessage(first.error)}
        </p>
        {first.error.status !== 400 && (
          <button type="button" className="button" onClick={first.retry}>
            Réessayer
          </button>
        )}
      </main>
    );
  }

  const pages = [Array.isArray(first.data) ? first.data : [], ...more.pages];
  const items = visible(pages.flat().filter((item) => Object.hasOwn(KIND_LABEL, item.media_type ?? '')));
  const mayHaveMore = pages[pages.length - 1].length >= PAGE_SIZE;

  async function loadMore() {
    setMore((current) => ({ ...current, status: 'loading' }));
    try {
      const next = await api.search(query, pages.length + 1);
      setMore((current) => ({ pages: [...current.pages, Array.isArray(next) ? next : []], status: 'idle' }));
    } catch (error) {
      setMore((current) => ({ ...current, status: 'error', message: searchMessage(error) }));
    }
  }

  return (
    <main id="main" className="results-page">
      {heading}
      <HideSeenToggle />
      {items.length === 0 ? (
        <p>Aucun résultat pour « {query} ».</p>
      ) : (
        <ul className="grid" aria-label="Résultats" data-testid="results">
          {items.map((item) =>
            item.media_type === 'person' ? (
              <PersonCard key={`person-${item.id}`} person={item} />
            ) : (
              <PosterCard key={`${item.media_type}-${item.id}`} item={item} kind={item.media_type} showKind />
            ),
          )}
        </ul>
      )}
      {more.status === 'error' && (
        <p className="error" role="alert">
          {more.message}
        </p>
      )}
      {mayHaveMore && (
        <button type="button" className="button ghost more" onClick={loadMore} aria-busy={more.status === 'loading' ? 'true' : undefined} disabled={more.status === 'loading'}>
          Afficher plus de résultats
        </button>
      )}
    </main>
  );
}

// A person's card leads to their page, and to the titles they are known for.
function PersonCard({ person }) {
  const known = (person.known_for ?? []).filter((title) => titlePath(title.media_type ?? 'movie', title.id));
  return (
    <li className="card person-card" data-testid="person">
      <Link to={personPath(person.id)} className="card-link">
        <Picture shape="profile" path={person.profile_path} label={person.name} sizes={CARD_SIZES} />
        <span className="card-title">
          {person.name}
          <span className="kind-badge"> · {KIND_LABEL.person}</span>
        </span>
      </Link>
      {known.length > 0 && (
        <span className="known-for">
          Connu pour :{' '}
          {known.map((title, index) => (
            <span key={`${title.media_type}-${title.id}`}>
              {index > 0 && ', '}
              <Link to={titlePath(title.media_type ?? 'movie', title.id)}>{titleOf(title)}</Link>
            </span>
          ))}
        </span>
      )}
    </li>
  );
}
