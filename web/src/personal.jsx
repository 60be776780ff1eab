import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { api, isAbort } from './api.js';
import { useSession } from './session.jsx';
import './personal.css';

// What the site knows of the signed-in user beyond their list: their services
// (GET /api/me/providers), what they have seen (GET /api/diary/seen), how many news they
// have not read (GET /api/me/news?unread=1, asked again on each new page), and whether
// they hide what they have seen (a choice kept in this browser only).
const HIDE_SEEN_KEY = 'cineverse:hide-seen';

const PersonalContext = createContext({
  signedIn: false,
  providers: { status: 'idle', ids: [] },
  saveProviders: async () => {},
  seen: { movie: new Set(), tv: new Set() },
  hasSeen: () => false,
  markSeen: () => {},
  reloadSeen: () => {},
  diaryVersion: 0,
  diaryChanged: () => {},
  hideSeen: false,
  setHideSeen: () => {},
  visible: (items) => items,
  unread: 0,
  setUnread: () => {},
});

function readHideSeen() {
  try {
    return window.localStorage.getItem(HIDE_SEEN_KEY) === '1';
  } catch {
    return false;
  }
}

function writeHideSeen(hide) {
  try {
    if (hide) window.localStorage.setItem(HIDE_SEEN_KEY, '1');
    else window.localStorage.removeItem(HIDE_SEEN_KEY);
  } catch {
    // A browser that keeps nothing keeps the choice for this page only.
  }
}

const EMPTY_SEEN = { movie: new Set(), tv: new Set() };
const idsOf = (list) => new Set((Array.isArray(list) ? list : []).filter(Number.isInteger));

export function PersonalProvider({ children }) {
  const { user } = useSession();
  const userId = user?.id ?? null;
  const { pathname } = useLocation();
  const [providers, setProviders] = useState({ status: 'idle', ids: [] });
  const [seen, setSeen] = useState(EMPTY_SEEN);
  const [seenAttempt, setSeenAttempt] = useState(0);
  const [diaryVersion, setDiaryVersion] = useState(0);
  const [unread, setUnread] = useState(0);
  const [hideSeen, setHideSeenState] = useState(readHideSeen);
  const userRef = useRef(userId);
  userRef.current = userId;

  useEffect(() => {
    if (!userId) {
      setProviders({ status: 'idle', ids: [] });
      return undefined;
    }
    const controller = new AbortController();
    setProviders({ status: 'loading', ids: [] });
    api.myProviders(controller.signal).then(
      (data) => controller.signal.aborted || setProviders({ status: 'ready', ids: [...idsOf(data?.providers)] }),
      (error) => isAbort(error) || controller.signal.aborted || setProviders({ status: 'error', ids: [] }),
    );
    return () => controller.abort();
  }, [userId]);

  useEffect(() => {
    if (!userId) {
      setSeen(EMPTY_SEEN);
      return undefined;
    }
    const controller = new AbortController();
    api.seen(controller.signal).then(
      (data) => controller.signal.aborted || setSeen({ movie: idsOf(data?.movie), tv: idsOf(data?.tv) }),
      () => {},
    );
    return () => controller.abort();
  }, [userId, seenAttempt]);

  // The header's count: asked again on each page, so that news the job found meanwhile shows.
  useEffect(() => {
    if (!userId) {
      setUnread(0);
      return undefined;
    }
    const controller = new AbortController();
    api.news(true, controller.signal).then(
      (data) => controller.signal.aborted || setUnread(Number.isInteger(data?.unread) ? data.unread : 0),
      () => {},
    );
    return () => controller.abort();
  }, [userId, pathname]);

  const saveProviders = useCallback(async (ids) => {
    const saved = await api.saveMyProviders(ids);
    const next = [...idsOf(saved?.providers ?? ids)];
    if (userRef.current) setProviders({ status: 'ready', ids: next });
    return next;
  }, []);

  const markSeen = useCallback((kind, id) => {
    setSeen((current) => {
      if (current[kind]?.has(id)) return current;
      const next = { ...current, [kind]: new Set(current[kind]) };
      next[kind].add(id);
      return next;
    });
  }, []);

  const setHideSeen = useCallback((hide) => {
    writeHideSeen(hide);
    setHideSeenState(hide);
  }, []);

  const value = useMemo(() => {
    const signedIn = Boolean(userId);
    const hasSeen = (kind, id) => signedIn && Boolean(seen[kind]?.has(id));
    const hiding = signedIn && hideSeen;
    return {
      signedIn,
      providers,
      saveProviders,
      seen,
      hasSeen,
      markSeen,
      reloadSeen: () => setSeenAttempt((count) => count + 1),
      diaryVersion,
      diaryChanged: () => {
        setDiaryVersion((count) => count + 1);
        setSeenAttempt((count) => count + 1);
      },
      hideSeen: hiding,
      setHideSeen,
      // The items a list shows: all of them, or those not seen when the user hides them.
      visible: (items, kind) =>
        hiding ? items.filter((item) => !hasSeen(item.media_type === 'tv' || item.media_type === 'movie' ? item.media_type : kind, item.id)) : items,
      unread,
      setUnread,
    };
  }, [userId, providers, saveProviders, seen, markSeen, diaryVersion, hideSeen, setHideSeen, unread]);

  return <PersonalContext.Provider value={value}>{children}</PersonalContext.Provider>;
}

export function usePersonal() {
  return useContext(PersonalContext);
}

// The region's services (GET /api/providers), asked once a visit: the picker, the watchlist,
// the news and the film pages name and draw them from it.
let providerList = null;
export function loadProviderList() {
  if (!providerList) {
    providerList = api.providers().then(
      (data) => (Array.isArray(data) ? data.filter((provider) => provider && Number.isInteger(provider.provider_id)) : []),
      (error) => {
        providerList = null;
        throw error;
      },
    );
  }
  return providerList;
}

// For tests: forget the list between two renders of the site.
export function forgetProviderList() {
  providerList = null;
}

export function useProviderList() {
  const [state, setState] = useState({ status: 'loading', list: [] });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setState((current) => ({ ...current, status: 'loading' }));
    loadProviderList().then(
      (list) => live && setState({ status: 'ready', list }),
      () => live && setState({ status: 'error', list: [] }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  const byId = useMemo(() => new Map(state.list.map((provider) => [provider.provider_id, provider])), [state.list]);
  return { ...state, byId, retry: () => setAttempt((count) => count + 1) };
}
