import { useSession } from '../session.jsx';
import { useWatchlist } from '../watchlist.jsx';

// "Ajouter à ma liste" / "Dans ma liste". Shown to visitors too: theirs sends them to
// /connexion and back. Busy (not disabled) while a change is in flight, so keyboard focus
// stays on it.
export default function WatchlistToggle({ kind, item, describedBy, compact = false }) {
  const { user, checked } = useSession();
  const list = useWatchlist();
  const inList = Boolean(user) && list.has(kind, item.id);
  // Until the session is known, a click could send a signed-in user to Connexion.
  const busy = !checked || (Boolean(user) && (list.status === 'loading' || list.isPending(kind, item.id)));
  return (
    <button
      type="button"
      className={`toggle${inList ? ' kept' : ''}${compact ? ' compact' : ''}`}
      data-testid="watchlist-toggle"
      aria-describedby={describedBy}
      aria-busy={busy ? 'true' : undefined}
      title={inList ? 'Retirer de ma liste' : undefined}
      onClick={() => busy || list.toggle(kind, item)}
    >
      <span className="toggle-mark" aria-hidden="true">
        {inList ? '✓' : '+'}
      </span>
      {inList ? 'Dans ma liste' : 'Ajouter à ma liste'}
    </button>
  );
}
