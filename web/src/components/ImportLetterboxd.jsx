import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../api.js';
import { titleOf, yearOf } from '../catalogue.js';
import { CAN_IMPORT, CAN_RESOLVE_IMPORT } from '../features.js';

const POLL_MS = 1000;

export function importMessage(error) {
  if (error.status === 400) return "Ce fichier n'est pas un export Letterboxd (le ZIP « Export your data », ou un de ses CSV).";
  if (error.status === 409) return 'Un import est déjà en cours : attendez qu’il se termine.';
  if (error.status === 413) return 'Ce fichier est trop gros : 10 Mo au plus.';
  if (error.status === 415) return 'Choisissez un fichier ZIP ou CSV.';
  if (error.status === 429) return 'Trop de demandes à la suite : réessayez dans un instant.';
  if (error.status === 401) return 'Votre session a expiré : reconnectez-vous';
  return "L'import n'a pas pu démarrer, réessayez.";
}

// "Importer depuis Letterboxd": the ZIP its "Export your data" gives, or one of its CSV
// files, sent as it is (POST /api/import/letterboxd); then a progress bar that follows the
// job (GET /api/import/{job_id}) to its end, and the rows no title matched, each of which
// can be matched by hand from search where the service allows it. Hidden when the service
// this client was built with has no import route.
export default function ImportLetterboxd({ onImported, available = CAN_IMPORT, canResolve = CAN_RESOLVE_IMPORT, pollMs = POLL_MS }) {
  const [file, setFile] = useState(null);
  const [job, setJob] = useState(null); // { id, state, done, total, matched, unmatched }
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const headingId = useId();
  const done = useRef(onImported);
  done.current = onImported;

  useEffect(() => {
    if (!job || job.state === 'done' || job.state === 'failed') return undefined;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.importJob(job.id, controller.signal).then(
        (data) => {
          if (controller.signal.aborted) return;
          setJob({ id: job.id, ...normalise(data) });
          if (data?.state === 'done') done.current?.();
        },
        () => controller.signal.aborted || setJob((current) => ({ ...current, polls: (current.polls ?? 0) + 1 })),
      );
    }, pollMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [job, pollMs]);

  if (!available) return null;

  async function start(event) {
    event.preventDefault();
    if (!file) {
      setError('Choisissez le fichier exporté de Letterboxd.');
      return;
    }
    setBusy(true);
    setError('');
    try {
      const answer = await api.importLetterboxd(file);
      setJob({ id: answer.job_id, state: 'queued', done: 0, total: 0, matched: 0, unmatched: [] });
    } catch (failure) {
      setError(importMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  const running = job && (job.state === 'queued' || job.state === 'running');
  return (
    <section className="import" aria-labelledby={headingId} data-testid="import">
      <h2 id={headingId}>Importer depuis Letterboxd</h2>
      <p className="muted">
        Sur Letterboxd, « Settings › Import &amp; Export › Export your data » vous donne un ZIP : déposez-le ici (ou un de ses fichiers CSV). Vos visionnages, notes, critiques et
        votre watchlist rejoignent votre journal et votre liste ; importer deux fois n'ajoute rien.
      </p>
      <form onSubmit={start} className="import-form">
        <div className="field">
          <label htmlFor="import-file">Fichier exporté (ZIP ou CSV)</label>
          <input id="import-file" type="file" accept=".zip,.csv,application/zip,text/csv" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        </div>
        <button type="submit" className="button tall" disabled={busy || running} aria-busy={busy ? 'true' : undefined}>
          Importer
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {job && (
        <Progress
          job={job}
          canResolve={canResolve}
          onResolved={(row, item, status) => {
            // The service answers the import's status without the row; it stays listed here,
            // said matched, until the next import.
            setJob((current) => ({ ...current, ...(status ? normalise(status) : {}), unmatched: current.unmatched, resolved: [...(current.resolved ?? []), { row, item }] }));
            done.current?.();
          }}
        />
      )}
    </section>
  );
}

function normalise(data) {
  const number = (value) => (Number.isInteger(value) && value >= 0 ? value : 0);
  return {
    state: ['queued', 'running', 'done', 'failed'].includes(data?.state) ? data.state : 'running',
    done: number(data?.done),
    total: number(data?.total),
    matched: number(data?.matched),
    unmatched: Array.isArray(data?.unmatched) ? data.unmatched.filter((row) => row && typeof row.name === 'string') : [],
    resolved: [],
  };
}

const STATES = { queued: 'En attente…', running: 'Import en cours…', done: 'Import terminé.', failed: "L'import a échoué." };

const rowKey = (row) => (Number.isInteger(row.position) ? `#${row.position}` : `${row.name}/${row.year}`);

function Progress({ job, canResolve, onResolved }) {
  const labelId = useId();
  const total = Math.max(job.total, job.done, 1);
  return (
    <div className="import-progress" data-testid="import-progress" data-state={job.state}>
      <p id={labelId} role="status">
        {STATES[job.state]} {job.total > 0 && `${job.done} / ${job.total} lignes lues, ${job.matched} titre${job.matched > 1 ? 's' : ''} reconnu${job.matched > 1 ? 's' : ''}.`}
      </p>
      <progress aria-labelledby={labelId} max={total} value={job.state === 'done' ? total : job.done} />
      {job.state === 'done' && job.unmatched.length > 0 && (
        <div className="unmatched" data-testid="unmatched">
          <h3>Lignes non reconnues ({job.unmatched.length})</h3>
          <ul>
            {job.unmatched.map((row, index) => (
              <Unmatched
                key={`${rowKey(row)}-${index}`}
                jobId={job.id}
                row={row}
                canResolve={canResolve}
                resolved={(job.resolved ?? []).find((entry) => rowKey(entry.row) === rowKey(row))?.item ?? null}
                onResolved={onResolved}
              />
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

// One row no title matched: its name and year, and (where the service resolves rows) a
// search to pick the right title.
function Unmatched({ jobId, row, canResolve, resolved, onResolved }) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState(row.name);
  const [results, setResults] = useState({ status: 'idle', items: [] });
  const [error, setError] = useState('');
  const inputId = useId();
  const label = `${row.name}${row.year ? ` (${row.year})` : ''}`;

  async function search(event) {
    event.preventDefault();
    if (!query.trim()) return;
    setResults({ status: 'loading', items: [] });
    try {
      const items = await api.search(query.trim());
      setResults({ status: 'ready', items: (Array.isArray(items) ? items : []).filter((item) => item.media_type === 'movie' || item.media_type === 'tv').slice(0, 8) });
    } catch {
      setResults({ status: 'error', items: [] });
    }
  }

  async function pick(item) {
    setError('');
    try {
      // The row by its position in the import where the service gives it, else by its name.
      const which = Number.isInteger(row.position) ? { position: row.position } : { name: row.name, year: row.year ?? null };
      const status = await api.resolveImport(jobId, { ...which, media_type: item.media_type, id: item.id });
      onResolved(row, item, status && typeof status === 'object' && 'state' in status ? status : null);
    } catch (failure) {
      setError(failure.status === 409 ? 'Cette ligne est déjà reconnue.' : "Ce titre n'a pas pu être retenu, réessayez.");
    }
  }

  return (
    <li className="unmatched-row" data-testid="unmatched-row">
      <span>{label}</span>
      {resolved && <span className="success"> → {titleOf(resolved)} ajouté</span>}
      {canResolve && !resolved && !open && (
        <button type="button" className="button ghost tall" onClick={() => setOpen(true)}>
          Trouver le bon titre
        </button>
      )}
      {canResolve && !resolved && open && (
        <div className="resolve">
          <form onSubmit={search} className="resolve-search">
            <label htmlFor={inputId}>Rechercher le titre de « {label} »</label>
            <input id={inputId} type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
            <button type="submit" className="button tall">
              Rechercher
            </button>
          </form>
          {results.status === 'loading' && <p className="muted">Recherche…</p>}
          {results.status === 'error' && <p className="error">La recherche est indisponible pour le moment.</p>}
          {results.status === 'ready' && results.items.length === 0 && <p className="muted">Aucun résultat.</p>}
          {results.items.length > 0 && (
            <ul className="resolve-results" aria-label={`Titres possibles pour « ${label} »`}>
              {results.items.map((item) => (
                <li key={`${item.media_type}-${item.id}`}>
                  <button type="button" className="button ghost tall" onClick={() => pick(item)}>
                    Choisir {titleOf(item)}
                    {yearOf(item) ? ` (${yearOf(item)})` : ''}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </li>
  );
}
