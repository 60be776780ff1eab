import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api, isAbort, watchlistMessage } from './api.js';
import { titleOf } from './catalogue.js';
import { useSession } from './session.jsx';

// The signed-in user's list, shared by every toggle and by Ma liste: loaded once after
// login (GET /api/watchlist), then changed optimistically and put back as it was when the
// server refuses.
const WatchlistContext = createContext(null);

const keyOf = (kind, id) => `${kind}/${id}`;
const newestFirst = (a, b) => Date.parse(b.added_at) - Date.parse(a.added_at);

export function WatchlistProvider({ children }) {
  const { user } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [list, setList] = useState({ status: 'idle', items: [] });
  const [pending, setPending] = useState(() => new Set());
  const [notice, setNotice] = useState('');
  const [attempt, setAttempt] = useState(0);
  // The toggle reads the list as it is now, not as it was when its closure was made.
  const itemsRef = useRef(list.items);
  itemsRef.current = list.items;
  const pendingRef = useRef(pending);
  const userId = user?.id ?? null;

  useEffect(() => {
    pendingRef.current = new Set();
    setPending(pendingRef.current);
    if (!userId) {
      setList({ status: 'idle', items: [] });
      return undefined;
    }
    const controller = new AbortController();
    setList({ status: 'loading', items: [] });
    api.watchlist(controller.signal).then(
      (items) => controller.signal.aborted || setList({ status: 'ready', items: Array.isArray(items) ? items : [] }),
      (error) => isAbort(error) || controller.signal.aborted || setList({ status: 'error', items: [] }),
    );
    return () => controller.abort();
  }, [userId, attempt]);

  const setItems = (change) => setList((current) => ({ ...current, items: change(current.items) }));
  // The ref changes at once, so a second click in the same tick is already refused.
  const mark = (key, busy) => {
    const next = new Set(pendingRef.current);
    if (busy) next.add(key);
    else next.delete(key);
    pendingRef.current = next;
    setPending(next);
  };

  const here = location.pathname + location.search;
  const toggle = useCallback(
    async (kind, item) => {
      if (!userId) {
        navigate('/connexion', { state: { from: here, reason: 'watchlist' } });
        return;
      }
      const key = keyOf(kind, item.id);
      if (pendingRef.current.has(key)) return;
      mark(key, true);
      setNotice('');
      const kept = itemsRef.current.find((entry) => keyOf(entry.media_type, entry.id) === key);
      try {
        if (kept) {
          setItems((items) => items.filter((entry) => entry !== kept));
          try {
            await api.forget(kind, item.id);
          } catch (error) {
            setItems((items) => [...items, kept].sort(newestFirst));
            setNotice(watchlistMessage(error));
          }
        } else {
          // What the server will answer, shown at once; its own copy replaces it.
          const draft = {
            media_type: kind,
            id: item.id,
            title: titleOf(item),
            poster_path: item.poster_path ?? null,
            release_date: item.release_date || item.first_air_date || null,
            added_at: new Date().toISOString(),
          };
          setItems((items) => [draft, ...items]);
          try {
            const saved = await api.keep(kind, item.id);
            setItems((items) => items.map((entry) => (entry === draft ? { ...draft, ...saved } : entry)));
          } catch (error) {
            setItems((items) => items.filter((entry) => entry !== draft));
            setNotice(watchlistMessage(error));
          }
        }
      } finally {
        mark(key, false);
      }
    },
    [userId, navigate, here],
  );

  const value = useMemo(() => {
    const keys = new Set(list.items.map((entry) => keyOf(entry.media_type, entry.id)));
    return {
      status: list.status,
      items: list.items,
      has: (kind, id) => keys.has(keyOf(kind, id)),
      isPending: (kind, id) => pending.has(keyOf(kind, id)),
      toggle,
      reload: () => setAttempt((count) => count + 1),
      notice,
      dismissNotice: () => setNotice(''),
    };
  }, [list, pending, toggle, notice]);

  return <WatchlistContext.Provider value={value}>{children}</WatchlistContext.Provider>;
}

export function useWatchlist() {
  return useContext(WatchlistContext);
}
