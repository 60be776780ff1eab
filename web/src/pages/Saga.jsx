import { useParams } from 'react-router';
import { api } from '../api.js';
import { parseTitleId, yearOf } from '../catalogue.js';
import Picture from '../components/Picture.jsx';
import PosterCard from '../components/PosterCard.jsx';
import { count } from '../format.js';
import { useFetched } from '../useFetched.js';
import NotFound from './NotFound.jsx';
import { usePageMeta } from '../pageMeta.js';

// /saga/:id — a TMDB collection: its films in the order the API gives (release dates).
export default function SagaPage() {
  const { id } = useParams();
  const sagaId = parseTitleId(id);
  if (sagaId === null) return <SagaNotFound />;
  return <SagaDetails key={sagaId} id={sagaId} />;
}

function SagaNotFound() {
  return <NotFound what="Saga introuvable" detail="Cette saga n'existe pas, ou plus, dans le catalogue." />;
}

function SagaDetails({ id }) {
  const { status, data, error, retry } = useFetched((signal) => api.collection(id, signal), `collection/${id}`);
  usePageMeta(
    status === 'ready' ? data.name || 'Saga' : null,
    status === 'ready' ? data.overview || `${data.name || 'Une saga'} : tous ses films sur CineVerse.` : null,
  );

  if (status === 'loading') {
    return (
      <main id="main" className="title-page" aria-busy="true">
        <p className="muted loading" role="status">
          Chargement…
        </p>
      </main>
    );
  }
  if (status === 'error' && error.status === 404) return <SagaNotFound />;
  if (status === 'error') {
    return (
      <main id="main" className="form-page">
        <h1>Saga indisponible</h1>
        <p className="error" role="alert">
          {error.status === 503 ? 'Le catalogue est indisponible pour le moment.' : "Cette saga n'a pas pu être chargée."}
        </p>
        <button type="button" className="button" onClick={retry}>
          Réessayer
        </button>
      </main>
    );
  }
  return <SagaView saga={data} />;
}

function SagaView({ saga }) {
  const name = saga.name || 'Saga';
  const parts = (Array.isArray(saga.parts) ? saga.parts : []).filter((part) => part && Number.isInteger(part.id));
  const years = parts.map(yearOf).filter(Boolean);
  const span = years.length === 0 ? '' : years[0] === years[years.length - 1] ? years[0] : `${years[0]}–${years[years.length - 1]}`;
  return (
    <main id="main" className="title-page saga-page">
      <div className="hero">
        <Picture shape="backdrop" path={saga.backdrop_path} sizes="100vw" className="backdrop" priority />
      </div>
      <div className="title-head">
        <Picture shape="poster" path={saga.poster_path} label={name} alt={`Affiche : ${name}`} sizes="(max-width: 640px) 40vw, 16rem" className="title-poster" eager />
        <div className="title-facts">
          <p className="kind-label">Saga</p>
          <h1>{name}</h1>
          <ul className="facts" data-testid="facts">
            {parts.length > 0 && <li>{count(parts.length, 'film', 'films')}</li>}
            {span && <li>{span}</li>}
          </ul>
          <h2>Présentation</h2>
          <p className="overview">{saga.overview || "Pas de présentation pour l'instant."}</p>
        </div>
      </div>
      <section className="row saga-parts" aria-labelledby="parts-heading">
        <h2 id="parts-heading">Les films de la saga</h2>
        {parts.length > 0 ? (
          <ol className="grid" aria-label="Les films de la saga" data-testid="saga-parts">
            {parts.map((part) => (
              <PosterCard key={part.id} item={part} kind="movie" />
            ))}
          </ol>
        ) : (
          <p className="muted">Aucun film pour l'instant.</p>
        )}
      </section>
    </main>
  );
}
