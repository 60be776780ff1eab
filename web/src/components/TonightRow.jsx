import { Link } from 'react-router';
import { usePersonal } from '../personal.jsx';
import { useTonight } from '../tonight.js';
import PosterRow from './PosterRow.jsx';

// The home page's row for a signed-in user: what "Ce soir" shows, the list's titles first.
export default function TonightRow() {
  const { signedIn } = usePersonal();
  if (!signedIn) return null;
  return <TonightItems />;
}

function TonightItems() {
  const tonight = useTonight();
  if (tonight.status === 'no-services' || tonight.status === 'error') return null;
  const items = [...tonight.fromList, ...tonight.discovery].slice(0, 20);
  return (
    <section className="row" aria-labelledby="row-tonight" data-testid="tonight-row">
      <h2 id="row-tonight">
        Ce soir sur mes plateformes <Link to="/ce-soir" className="row-more">Tout voir</Link>
      </h2>
      {tonight.status === 'loading' && <p className="muted">Chargement…</p>}
      {tonight.status === 'ready' && items.length === 0 && <p className="muted">Rien sur vos plateformes pour l'instant.</p>}
      {items.length > 0 && <PosterRow label="Ce soir sur mes plateformes" items={items} kind="movie" />}
    </section>
  );
}
