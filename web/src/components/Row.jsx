import { api } from '../api.js';
import { rowKind } from '../catalogue.js';
import { useNearViewport } from '../nearViewport.js';
import { usePersonal } from '../personal.jsx';
import { useFetched } from '../useFetched.js';
import PosterRow from './PosterRow.jsx';

// One catalogue list; its failure stays inside the row. A `deferred` row keeps its title
// and its height (styles.css, .row-body) but asks for its list only as it approaches the
// viewport, so a long page costs one screen at first. `priority`: the first row, whose
// posters are the first thing seen; the others wait to be nearly in sight (Picture.jsx).
export default function Row({ route, title, deferred = false, priority = false }) {
  const [ref, near] = useNearViewport({ immediate: !deferred });
  const id = `row-${route.replace(/[^a-z]/g, '')}`;
  return (
    <section ref={ref} className="row" aria-labelledby={id} data-testid="row" aria-busy={near ? undefined : 'true'}>
      <h2 id={id}>{title}</h2>
      <div className="row-body">
        {near && <RowContent route={route} title={title} priority={priority} />}
      </div>
    </section>
  );
}

function RowContent({ route, title, priority }) {
  const { status, data, retry } = useFetched((signal) => api.catalogue(route, signal), route);
  const { visible } = usePersonal();
  const items = visible(status === 'ready' && Array.isArray(data) ? data : [], rowKind(route));
  return (
    <>
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
      {items.length > 0 && (
        <PosterRow label={title} items={items} kind={rowKind(route)} priority={priority ? PRIORITY_POSTERS : 0} />
      )}
    </>
  );
}

// What a phone shows of the first row, and a little more: fetched first and at once; the
// rest of the row is lazy.
export const PRIORITY_POSTERS = 4;
