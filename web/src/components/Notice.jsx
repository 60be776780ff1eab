import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { useWatchlist } from '../watchlist.jsx';

// Why a watchlist change was put back; it belongs to the page it happened on. An alert
// is announced when it is inserted, so it exists only while there is something to say.
export default function Notice() {
  const { notice, dismissNotice } = useWatchlist();
  const { pathname } = useLocation();
  // On the next page only; the function itself changes with every watchlist change.
  useEffect(() => {
    dismissNotice();
  }, [pathname]);
  if (!notice) return null;
  return (
    <p className="notice" role="alert">
      <span>{notice}</span>
      <button type="button" className="link-button" onClick={dismissNotice}>
        Fermer
      </button>
    </p>
  );
}
