import { api } from '../api.js';
import { rowKind } from '../catalogue.js';
import { usePersonal } from '../personal.jsx';
import { useFetched } from '../useFetched.js';
import PosterRow from './PosterRow.jsx';

// One catalogue list; its failure stays inside the row.
export default function Row({ route, title }) {
  const { status, data, retry } = useFetched((signal) => api.catalogue(route, signal), route);
  const { visible } = usePersonal();
  const items = visible(status === 'ready' && Array.isArray(data) ? data : [], rowKind(route));
  const id = `row-${route.replace(/[^a-z]/g, '')}`;
  return (
    <section className="row" aria-labelledby={id} data-testid="row">
      <h2 id={id}>{title}</h2>
      {status === 'loading' && <p className="muted">Chargement…</p>}
      {status === 'error' && (
        <p className="muted">
          Cette liste est indisponible pour le moment.{' '}
          <button type="button" className="link-button" onClick={retry}>
            Réessayer
          </button>
        </p>
      )}
      {status === 'ready' && items.length === 0 && <p className="muted">Aucun titre pour l'instant.</p>}
      {items.length > 0 && <PosterRow label={title} items={items} kind={rowKind(route)} />}
    </section>
  );
}
