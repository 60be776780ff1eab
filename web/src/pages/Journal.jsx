import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api.js';
import { titleOf, titlePath, KIND_LABEL } from '../catalogue.js';
import ImportLetterboxd from '../components/ImportLetterboxd.jsx';
import MonthChart from '../components/MonthChart.jsx';
import Picture from '../components/Picture.jsx';
import { HALF_STARS, byMonth, frenchRating, monthName, ratingLabel, stars } from '../diary.js';
import { GENRES } from '../discover.js';
import { longDate } from '../format.js';
import { usePersonal } from '../personal.jsx';
import { useSession } from '../session.jsx';
import { useFetched } from '../useFetched.js';
import { usePageMeta } from '../pageMeta.js';

const PAGE_SIZE = 50; // the API's page of entries

// A genre id of a film or a series, in French.
const genreOf = (id) => [...GENRES.movie, ...GENRES.tv].find(([genre]) => genre === id)?.[1] ?? `Genre ${id}`;

// /journal?annee=2026&note=4: my viewings by month, the year's figures and chart on top.
export default function Journal() {
  const { user, checked } = useSession();
  usePageMeta('Mon journal', 'Vos visionnages mois par mois, vos notes et vos critiques sur CineVerse.');
  if (!checked) return <main id="main" className="results-page" aria-busy="true" />;
  if (!user) {
    return (
      <main id="main" className="results-page">
        <h1>Mon journal</h1>
        <p>
          <Link to="/connexion" state={{ from: '/journal' }}>
            Connectez-vous
          </Link>{' '}
          pour tenir le journal de ce que vous voyez.
        </p>
      </main>
    );
  }
  return <JournalView />;
}

function JournalView() {
  const personal = usePersonal();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = /^[0-9]{4}$/.test(params.get('annee') ?? '') ? params.get('annee') : '';
  const rating = HALF_STARS.map(String).includes(params.get('note') ?? '') ? params.get('note') : '';
  const figuresYear = year || String(thisYear);
  const summary = useFetched((signal) => api.diarySummary(figuresYear, signal), `${figuresYear}/${personal.diaryVersion}`);

  const set = (name, value) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  const years = Array.isArray(summary.data?.years) ? summary.data.years : [];
  const yearOptions = [...new Set([...years.map(String), ...(year ? [year] : [])])].sort().reverse();

  return (
    <main id="main" className="results-page journal-page">
      <h1>Mon journal</h1>
      <Figures summary={summary} year={figuresYear} />
      <div className="journal-filters" role="group" aria-label="Filtrer le journal">
        <div className="filter-field">
          <label htmlFor="journal-year">Année</label>
          <select id="journal-year" value={year} onChange={(event) => set('annee', event.target.value)}>
            <option value="">Toutes les années</option>
            {yearOptions.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor="journal-rating">Note</label>
          <select id="journal-rating" value={rating} onChange={(event) => set('note', event.target.value)}>
            <option value="">Toutes les notes</option>
            {HALF_STARS.map((value) => (
              <option key={value} value={String(value)}>
                {stars(value)} ({frenchRating(value)}/5)
              </option>
            ))}
          </select>
        </div>
      </div>
      <Entries key={`${year}/${rating}/${personal.diaryVersion}`} year={year} rating={rating} />
      <ImportLetterboxd onImported={personal.diaryChanged} />
    </main>
  );
}

function Figures({ summary, year }) {
  if (summary.status === 'loading') return <p className="muted">Chargement des chiffres…</p>;
  if (summary.status === 'error') return <p className="muted">Les chiffres sont indisponibles pour le moment.</p>;
  const data = summary.data ?? {};
  const genres = Array.isArray(data.genres) ? data.genres : [];
  const average = data.average_rating == null ? null : Number(data.average_rating);
  return (
    <section className="journal-figures" aria-labelledby="figures-heading" data-testid="journal-figures">
      <h2 id="figures-heading">En {year}</h2>
      <dl className="figures">
        <div>
          <dt>Films vus</dt>
          <dd data-testid="films-seen">{Number.isInteger(data.films) ? data.films : 0}</dd>
        </div>
        <div>
          <dt>Séries vues</dt>
          <dd>{Number.isInteger(data.series) ? data.series : 0}</dd>
        </div>
        <div>
          <dt>Note moyenne</dt>
          <dd>
            {Number.isFinite(average) ? (
              <>
                <span aria-hidden="true">{frenchRating(average)}/5</span>
                <span className="visually-hidden">{ratingLabel(average)}</span>
              </>
            ) : (
              '—'
            )}
          </dd>
        </div>
        <div>
          <dt>Genres les plus vus</dt>
          <dd>{genres.length > 0 ? genres.map((genre) => `${genreOf(genre.id)} (${genre.viewings})`).join(', ') : '—'}</dd>
        </div>
      </dl>
      {Number(data.viewings) > 0 && <MonthChart year={year} byMonth={data.by_month} />}
    </section>
  );
}

// The entries, 50 at a time, under the month of their viewing.
function Entries({ year, rating }) {
  const [pages, setPages] = useState({ status: 'loading', entries: [], page: 1, more: false });
  const load = (page, signal) =>
    api.journal({ page, year, rating }, signal).then((data) => {
      const list = Array.isArray(data) ? data : [];
      setPages((current) => ({ status: 'ready', entries: page === 1 ? list : [...current.entries, ...list], page, more: list.length >= PAGE_SIZE }));
    });

  useEffect(() => {
    const controller = new AbortController();
    load(1, controller.signal).catch(() => controller.signal.aborted || setPages({ status: 'error', entries: [], page: 1, more: false }));
    return () => controller.abort();
  }, []);

  if (pages.status === 'loading') {
    return (
      <p className="muted" role="status">
        Chargement du journal…
      </p>
    );
  }
  if (pages.status === 'error') {
    return (
      <p className="error" role="alert">
        Le journal n'a pas pu être chargé.
      </p>
    );
  }
  if (pages.entries.length === 0) {
    return <p>{year || rating ? 'Aucun visionnage ne correspond à ces filtres.' : 'Votre journal est vide : cliquez sur « Vu » sous une affiche ou sur la page d’un film.'}</p>;
  }
  return (
    <div className="journal-months" data-testid="journal">
      {byMonth(pages.entries).map((group) => (
        <section key={group.month} aria-labelledby={`month-${group.month}`} className="journal-month">
          <h2 id={`month-${group.month}`}>{monthName(group.month)}</h2>
          <ul className="journal-list">
            {group.entries.map((entry) => {
              const path = titlePath(entry.media_type, entry.id);
              return (
                <li key={entry.entry_id} className="journal-entry" data-testid="journal-entry">
                  <Picture shape="poster" path={entry.poster_path} label={titleOf(entry)} sizes="56px" className="journal-poster" />
                  <div>
                    <p className="journal-title">
                      {path ? <Link to={path}>{titleOf(entry)}</Link> : titleOf(entry)}
                      <span className="muted"> · {KIND_LABEL[entry.media_type] ?? ''}</span>
                    </p>
                    <p className="journal-meta">
                      {longDate(entry.watched_on)}
                      {entry.rewatch && <span className="muted"> · revu</span>}
                      {entry.rating ? (
                        <>
                          {' · '}
                          <span className="rating" aria-hidden="true">
                            {stars(entry.rating)}
                          </span>
                          <span className="visually-hidden">{ratingLabel(entry.rating)}</span>
                        </>
                      ) : null}
                    </p>
                    {entry.review && <p className="review-text journal-review">{entry.review}</p>}
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      {pages.more && (
        <button type="button" className="button ghost tall" onClick={() => load(pages.page + 1).catch(() => {})}>
          Afficher plus de visionnages
        </button>
      )}
    </div>
  );
}
