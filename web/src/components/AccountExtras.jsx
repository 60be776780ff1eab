import { Link } from 'react-router';
import { api } from '../api.js';
import { CAN_IMPORT } from '../features.js';
import { usePersonal } from '../personal.jsx';
import { useFetched } from '../useFetched.js';
import ServicesPicker from './ServicesPicker.jsx';

// The account page's own parts: my services, which subscription streams most of my list,
// and my data to take away.
export default function AccountExtras() {
  return (
    <>
      <ServicesPicker intro="Cochez les services auxquels vous êtes abonné : votre liste, « Ce soir » et Découvrir s'en servent." />
      <Advice />
      <Export />
    </>
  );
}

// GET /api/me/advice: "Bobine : 7 titres de votre liste · Plan-Séquence : 4 …".
export function Advice() {
  const personal = usePersonal();
  const { status, data, retry } = useFetched((signal) => api.advice(signal), `advice/${personal.providers.ids.join(',')}`);
  const rows = (status === 'ready' && Array.isArray(data) ? data : []).filter((row) => row?.provider && Number.isInteger(row.titles) && row.titles > 0);
  return (
    <section className="advice" aria-labelledby="advice-heading" data-testid="advice">
      <h2 id="advice-heading">Quel abonnement ce mois-ci ?</h2>
      {status === 'loading' && <p className="muted">Chargement…</p>}
      {status === 'error' && (
        <p className="muted">
          Indisponible pour le moment.{' '}
          <button type="button" className="link-button" onClick={retry}>
            Réessayer
          </button>
        </p>
      )}
      {status === 'ready' && rows.length === 0 && <p className="muted">Aucun service par abonnement ne propose de titre de votre liste pour l'instant.</p>}
      {rows.length > 0 && (
        <>
          <p className="muted">Les services par abonnement qui proposent le plus de titres de votre liste en ce moment :</p>
          <ol className="advice-list">
            {rows.slice(0, 8).map((row) => (
              <li key={row.provider.provider_id}>
                <strong>{row.provider.provider_name}</strong> : {row.titles} titre{row.titles > 1 ? 's' : ''} de votre liste
                {personal.providers.ids.includes(row.provider.provider_id) && <span className="muted"> (déjà le vôtre)</span>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

// The data export: Letterboxd's CSV (viewings, or the watchlist) and everything as JSON.
function Export() {
  return (
    <section className="export" aria-labelledby="export-heading" data-testid="export">
      <h2 id="export-heading">Mes données</h2>
      <p className="muted">Emportez votre journal où vous voulez : Letterboxd lit le fichier CSV ; le JSON contient tout ce que CineVerse garde de vous.</p>
      <ul className="export-links">
        <li>
          <a className="button ghost tall" href="/api/export/letterboxd.csv" download="cineverse-journal-letterboxd.csv">
            Journal pour Letterboxd (CSV)
          </a>
        </li>
        <li>
          <a className="button ghost tall" href="/api/export/letterboxd.csv?list=watchlist" download="cineverse-liste-letterboxd.csv">
            Ma liste pour Letterboxd (CSV)
          </a>
        </li>
        <li>
          <a className="button ghost tall" href="/api/export" download="cineverse-mes-donnees.json">
            Toutes mes données (JSON)
          </a>
        </li>
      </ul>
      {CAN_IMPORT && (
        <p>
          <Link to="/journal">Importer depuis Letterboxd dans mon journal</Link>
        </p>
      )}
    </section>
  );
}
