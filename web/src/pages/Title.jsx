import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api.js';
import { KIND_LABEL, parseTitleId, personPath, sagaPath, titleOf, yearOfDate } from '../catalogue.js';
import Picture from '../components/Picture.jsx';
import PosterRow from '../components/PosterRow.jsx';
import SeenButton from '../components/SeenButton.jsx';
import { MyViewings, Reviews } from '../components/TitleDiary.jsx';
import WatchlistToggle from '../components/WatchlistToggle.jsx';
import { certification, count, initials, rating, runtime, today } from '../format.js';
import { cinemaLine, windowLines } from '../releaseFr.js';
import { usePersonal } from '../personal.jsx';
import { useFetched } from '../useFetched.js';
import NotFound from './NotFound.jsx';
import { usePageMeta } from '../pageMeta.js';

// /film/:id and /serie/:id. An id the contract would refuse never reaches the API.
export default function TitlePage({ kind }) {
  const { id } = useParams();
  const titleId = parseTitleId(id);
  if (titleId === null) return <TitleNotFound kind={kind} />;
  // A new id is a new page: nothing of the previous title's state survives.
  return <TitleDetails key={`${kind}/${titleId}`} kind={kind} id={titleId} />;
}

function TitleNotFound({ kind }) {
  return (
    <NotFound
      what={kind === 'tv' ? 'Série introuvable' : 'Film introuvable'}
      detail="Ce titre n'existe pas, ou plus, dans le catalogue."
    />
  );
}

function TitleDetails({ kind, id }) {
  const { status, data, error, retry } = useFetched((signal) => api.title(kind, id, signal), `${kind}/${id}`);

  usePageMeta(
    status === 'ready' ? titleOf(data) : null,
    status === 'ready' ? data.overview || `${titleOf(data)} : où le voir en France, la distribution et des titres semblables.` : null,
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
  if (status === 'error' && error.status === 404) return <TitleNotFound kind={kind} />;
  if (status === 'error') {
    return (
      <main id="main" className="form-page">
        <h1>{kind === 'tv' ? 'Série' : 'Film'} indisponible</h1>
        <p className="error" role="alert">
          {error.status === 503
            ? 'Le catalogue est indisponible pour le moment.'
            : "Ce titre n'a pas pu être chargé."}
        </p>
        <button type="button" className="button" onClick={retry}>
          Réessayer
        </button>
      </main>
    );
  }
  return <TitleView kind={kind} title={data} />;
}

function Facts({ kind, title }) {
  const facts = [];
  if (kind === 'movie') {
    facts.push(yearOfDate(title.release_date), runtime(title.runtime));
  } else {
    const first = yearOfDate(title.first_air_date);
    const last = yearOfDate(title.last_air_date);
    facts.push(first && last && last !== first ? `${first}–${last}` : first);
    facts.push(count(title.number_of_seasons, 'saison', 'saisons'), count(title.number_of_episodes, 'épisode', 'épisodes'));
    // The contract gives minutes or null; TMDB's own answer is an array of them.
    const episode = runtime(Array.isArray(title.episode_run_time) ? title.episode_run_time[0] : title.episode_run_time);
    if (episode) facts.push(`épisodes de ${episode}`);
  }
  const shown = facts.filter(Boolean);
  const score = rating(title.vote_average);
  const rated = certification(title.certification);
  return (
    <ul className="facts" data-testid="facts">
      {shown.map((fact) => (
        <li key={fact}>{fact}</li>
      ))}
      {rated && (
        <li>
          <span className="certification" title="Classification en France">
            {rated}
          </span>
        </li>
      )}
      {score && (
        <li>
          <span className="rating">★ {score}</span>
          {title.vote_count > 0 && <span className="muted"> ({count(title.vote_count, 'vote', 'votes')})</span>}
        </li>
      )}
    </ul>
  );
}

function People({ label, people }) {
  if (!people?.length) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        {people.map((person, index) => (
          <span key={person.id ?? index}>
            {index > 0 && ', '}
            {Number.isInteger(person.id) ? <Link to={personPath(person.id)}>{person.name}</Link> : person.name}
          </span>
        ))}
      </dd>
    </>
  );
}

function Networks({ networks }) {
  if (!networks?.length) return null;
  return (
    <>
      <dt>Diffusion</dt>
      <dd>
        <ul className="logos">
          {networks.map((network) => (
            <li key={network.id} className="logo-item">
              <Picture shape="logo" path={network.logo_path} label={initials(network.name)} sizes="48px" className="logo-mark" />
              <span>{network.name}</span>
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}

function TitleView({ kind, title }) {
  const name = titleOf(title);
  const original = title.original_title || title.original_name;
  return (
    <main id="main" className="title-page">
      <div className="hero">
        <Picture shape="backdrop" path={title.backdrop_path} sizes="100vw" className="backdrop" priority />
      </div>
      <div className="title-head">
        <Picture
          shape="poster"
          path={title.poster_path}
          label={name}
          alt={`Affiche : ${name}`}
          sizes="(max-width: 640px) 40vw, 16rem"
          className="title-poster"
          eager
        />
        <div className="title-facts">
          <p className="kind-label">{KIND_LABEL[kind]}</p>
          <h1>{name}</h1>
          {original && original !== name && (
            <p className="muted original">
              Titre original : <span lang={title.original_language || undefined}>{original}</span>
            </p>
          )}
          <Facts kind={kind} title={title} />
          {title.genres?.length > 0 && (
            <ul className="genres" aria-label="Genres">
              {title.genres.map((genre) => (
                <li key={genre.id}>{genre.name}</li>
              ))}
            </ul>
          )}
          {title.tagline && <p className="tagline">{title.tagline}</p>}
          <div className="title-actions">
            <WatchlistToggle kind={kind} item={title} />
            <SeenButton kind={kind} item={title} />
          </div>
          <h2>Synopsis</h2>
          <p className="overview">{title.overview || "Pas de synopsis pour l'instant."}</p>
          <dl className="credits">
            {kind === 'movie' ? (
              <People label="Réalisation" people={title.directors} />
            ) : (
              <>
                <People label="Création" people={title.creators} />
                <Networks networks={title.networks} />
              </>
            )}
          </dl>
        </div>
      </div>
      <MyViewings kind={kind} title={title} />
      {kind === 'movie' && <SagaBand saga={title.collection} />}
      <Trailer trailer={title.trailer} backdropPath={title.backdrop_path} name={name} />
      <Cast cast={title.cast} />
      {kind === 'movie' && <ReleaseFr release={title.release_fr} />}
      <Providers providers={title.providers} />
      <Reviews kind={kind} title={title} />
      <section className="row" aria-labelledby="similar-heading" data-testid="similar">
        <h2 id="similar-heading">Titres similaires</h2>
        {title.similar?.length > 0 ? (
          <PosterRow label="Titres similaires" items={title.similar} kind={kind} />
        ) : (
          <p className="muted">Pas de titre similaire pour l'instant.</p>
        )}
      </section>
      {Array.isArray(title.recommendations) && (
        <section className="row" aria-labelledby="recommendations-heading" data-testid="recommendations">
          <h2 id="recommendations-heading">Recommandations</h2>
          {title.recommendations.length > 0 ? (
            <PosterRow label="Recommandations" items={title.recommendations} kind={kind} />
          ) : (
            <p className="muted">Pas de recommandation pour l'instant.</p>
          )}
        </section>
      )}
    </main>
  );
}

// YouTube keys are short [A-Za-z0-9_-] strings; anything else is not put in a URL.
const VIDEO_KEY = /^[A-Za-z0-9_-]{1,64}$/;

// The trailer costs nothing until asked for: a thumbnail first, and only a click loads
// YouTube's privacy-enhanced player (the one frame the site's CSP allows). Other sites
// are linked to, never embedded.
function Trailer({ trailer, backdropPath, name }) {
  const [playing, setPlaying] = useState(false);
  if (!trailer || !VIDEO_KEY.test(trailer.key ?? '')) return null;
  const label = trailer.name || `Bande-annonce : ${name}`;
  let body;
  if (trailer.site === 'YouTube') {
    body = playing ? (
      <div className="trailer-frame">
        <iframe
          src={`https://www.youtube-nocookie.com/embed/${trailer.key}?autoplay=1`}
          title={label}
          allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
          allowFullScreen
          referrerPolicy="strict-origin-when-cross-origin"
        />
      </div>
    ) : (
      <button type="button" className="trailer-thumb" onClick={() => setPlaying(true)} aria-label={`Lire la bande-annonce : ${label}`}>
        <Picture shape="backdrop" path={backdropPath} sizes="(max-width: 40rem) 100vw, 40rem" />
        <span className="play" aria-hidden="true" />
      </button>
    );
  } else if (trailer.site === 'Vimeo' && /^[0-9]+$/.test(trailer.key)) {
    body = (
      <p>
        <a href={`https://vimeo.com/${trailer.key}`} target="_blank" rel="noopener noreferrer">
          Voir la bande-annonce sur Vimeo
        </a>
      </p>
    );
  } else {
    return null;
  }
  return (
    <section className="trailer" aria-labelledby="trailer-heading">
      <h2 id="trailer-heading">Bande-annonce</h2>
      {body}
    </section>
  );
}

function Cast({ cast }) {
  if (!cast?.length) return null;
  return (
    <section className="row" aria-labelledby="cast-heading">
      <h2 id="cast-heading">Distribution</h2>
      <ul className="posters cast" tabIndex={0} aria-label="Distribution">
        {cast.map((person) => (
          <li key={person.id} className="person" data-testid="cast">
            <Link to={personPath(person.id)} className="person-link">
              <Picture shape="profile" path={person.profile_path} label={person.name} sizes="96px" />
              <span className="person-name">{person.name}</span>
            </Link>
            {person.character && <span className="muted person-role">{person.character}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

// "Fantômas - Saga" reads "Fantômas" after "Fait partie de la saga".
const sagaName = (name) => (name ?? '').replace(/\s*[-–—:]\s*(saga|collection)$/i, '').trim() || name;

function SagaBand({ saga }) {
  if (!saga || !Number.isInteger(saga.id)) return null;
  return (
    <p className="saga-band" data-testid="saga-band">
      <Link to={sagaPath(saga.id)}>
        Fait partie de la saga <strong>{sagaName(saga.name)}</strong>
      </Link>
    </p>
  );
}

// The French cinema date and the chronology's earliest dates (releaseFr.js).
function ReleaseFr({ release }) {
  const now = today();
  const line = cinemaLine(release, now);
  if (!line) return null;
  const windows = windowLines(release, now);
  return (
    <section className="release-fr" aria-labelledby="release-heading" data-testid="release-fr">
      <h2 id="release-heading">Sortie en France</h2>
      <p className="cinema">{line}</p>
      {windows.length > 0 && (
        <>
          <h3>Au plus tôt, selon la chronologie des médias</h3>
          <ul className="windows">
            {windows.map((window) => (
              <li key={window.channel}>{window.text}</li>
            ))}
          </ul>
          <p className="muted note">
            Ce sont les dates les plus proches que la réglementation permet : chaque service décide s'il propose le film, et quand.
          </p>
        </>
      )}
    </section>
  );
}

const OFFERS = [
  ['flatrate', 'Abonnement'],
  ['free', 'Gratuit'],
  ['ads', 'Avec pub'],
  ['rent', 'Location'],
  ['buy', 'Achat'],
];

// Where to watch, from JustWatch through TMDB: their terms ask for the credit.
// The user's own services come first in each kind of offer, marked "Ma plateforme".
function Providers({ providers }) {
  const personal = usePersonal();
  const mine = new Set(personal.providers.ids);
  const groups = providers ? OFFERS.filter(([key]) => providers[key]?.length > 0) : [];
  const ordered = (list) => [...list.filter((provider) => mine.has(provider.provider_id)), ...list.filter((provider) => !mine.has(provider.provider_id))];
  const streamingMine = providers
    ? [...new Map(['flatrate', 'free', 'ads'].flatMap((key) => providers[key] ?? []).filter((provider) => mine.has(provider.provider_id)).map((provider) => [provider.provider_id, provider])).values()]
    : [];
  const link = typeof providers?.link === 'string' && providers.link.startsWith('https://') ? providers.link : null;
  return (
    <section className="providers" aria-labelledby="providers-heading" data-testid="providers">
      <h2 id="providers-heading">Où regarder en France</h2>
      {streamingMine.length > 0 && (
        <p className="providers-mine" data-testid="providers-mine">
          Sur vos plateformes : {streamingMine.map((provider) => provider.provider_name).join(', ')}
        </p>
      )}
      {groups.length === 0 ? (
        <p className="muted">Aucune offre connue en France pour ce titre.</p>
      ) : (
        <>
          <div className="offers">
            {groups.map(([key, label]) => (
              <div key={key} className="offer">
                <h3>{label}</h3>
                <ul className="logos">
                  {ordered(providers[key]).map((provider) => (
                    <li key={provider.provider_id} className={`logo-item${mine.has(provider.provider_id) ? ' mine' : ''}`} data-testid="provider">
                      <Picture shape="logo" path={provider.logo_path} label={initials(provider.provider_name)} sizes="48px" className="logo-mark" />
                      <span>{provider.provider_name}</span>
                      {mine.has(provider.provider_id) && <span className="mine-label">Ma plateforme</span>}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
          <p className="credit">
            Données JustWatch
            {link && (
              <>
                {' · '}
                <a href={link} target="_blank" rel="noopener noreferrer">
                  Toutes les offres sur TMDB
                </a>
              </>
            )}
          </p>
        </>
      )}
    </section>
  );
}
