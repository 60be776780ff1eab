import { useEffect, useState } from 'react';
import { api } from '../api.js';
import PosterCard from './PosterCard.jsx';

// One catalogue list; its failure stays inside the row.
export default function Row({ route, title }) {
  const [state, setState] = useState({ status: 'loading', items: [] });
  useEffect(() => {
    let live = true;
    api
      .catalogue(route)
      .then((items) => live && setState({ status: 'ready', items: Array.isArray(items) ? items : [] }))
      .catch(() => live && setState({ status: 'error', items: [] }));
    return () => {
      live = false;
    };
  }, [route]);
  const id = `row-${route.replace(/[^a-z]/g, '')}`;
  return (
    <section className="row" aria-labelledby={id} data-testid="row">
      <h2 id={id}>{title}</h2>
      {state.status === 'loading' && <p className="muted">Chargement…</p>}
      {state.status === 'error' && <p className="muted">Cette liste est indisponible pour le moment.</p>}
      {state.status === 'ready' && state.items.length === 0 && <p className="muted">Aucun titre pour l'instant.</p>}
      {state.items.length > 0 && (
        <ul className="posters" tabIndex={0} aria-label={title}>
          {state.items.map((item) => (
            <PosterCard key={item.id} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}
