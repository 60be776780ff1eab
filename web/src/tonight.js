import { useEffect, useState } from 'react';
import { api, isAbort } from './api.js';
import { apiQuery, emptyFilters } from './discover.js';
import { usePersonal } from './personal.jsx';
import { useWatchlist } from './watchlist.jsx';

// Découvrir's question for "on my services": the shared discover URL with the explicit ids.
export function myServicesQuery(kind, ids) {
  return apiQuery({ ...emptyFilters(kind), providers: ids.map(String) });
}

const pageItems = (data, kind) =>
  (Array.isArray(data?.results) ? data.results : []).filter((item) => item && Number.isInteger(item.id)).map((item) => ({ ...item, media_type: kind }));

// "Ce soir": the titles of my list streaming now on my services (GET
// /api/watchlist?available=mine), then what else streams there (discover with
// providers=<mine>, films then series), never a title twice nor one already on my list.
export function mergeTonight(fromList, discovered, onList) {
  const keys = new Set();
  const key = (item) => `${item.media_type}/${item.id}`;
  const first = [];
  for (const item of fromList) {
    if (keys.has(key(item))) continue;
    keys.add(key(item));
    first.push(item);
  }
  const then = [];
  for (const item of discovered) {
    if (keys.has(key(item)) || onList(item.media_type, item.id)) continue;
    keys.add(key(item));
    then.push(item);
  }
  return { fromList: first, discovery: then };
}

export function useTonight() {
  const personal = usePersonal();
  const watchlist = useWatchlist();
  const ids = personal.providers.ids;
  const idsKey = ids.join(',');
  const [state, setState] = useState({ status: 'loading', fromList: [], discovered: [] });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (personal.providers.status !== 'ready' || ids.length === 0) return undefined;
    const controller = new AbortController();
    setState((current) => ({ ...current, status: 'loading' }));
    Promise.all([
      api.watchlistWhere(true, controller.signal),
      api.discover('movie', myServicesQuery('movie', ids), controller.signal).catch((error) => (isAbort(error) ? Promise.reject(error) : null)),
      api.discover('tv', myServicesQuery('tv', ids), controller.signal).catch((error) => (isAbort(error) ? Promise.reject(error) : null)),
    ]).then(
      ([mine, movies, series]) => {
        if (controller.signal.aborted) return;
        setState({ status: 'ready', fromList: Array.isArray(mine) ? mine : [], discovered: [...pageItems(movies, 'movie'), ...pageItems(series, 'tv')] });
      },
      (error) => controller.signal.aborted || isAbort(error) || setState({ status: 'error', fromList: [], discovered: [] }),
    );
    return () => controller.abort();
    // The list's length: a title added or removed elsewhere changes the answer.
  }, [personal.providers.status, idsKey, attempt, watchlist.items.length]);

  const merged = mergeTonight(state.fromList, state.discovered, watchlist.has);
  const status = personal.providers.status === 'ready' ? (ids.length === 0 ? 'no-services' : state.status) : personal.providers.status === 'error' ? 'error' : 'loading';
  return {
    status,
    fromList: personal.visible(merged.fromList),
    discovery: personal.visible(merged.discovery),
    retry: () => setAttempt((count) => count + 1),
  };
}
