import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { api } from './api.js';

// Who is signed in, from the server (/@me then /api/userinfo): a reload keeps it, and
// nothing is stored in the browser but the HttpOnly cookie.
const SessionContext = createContext(null);

export function SessionProvider({ children, initialUser, skipInitialCheck = false }) {
  const [user, setUser] = useState(initialUser ?? null);
  const [checked, setChecked] = useState(skipInitialCheck);

  const refresh = useCallback(async () => {
    try {
      await api.me();
      setUser(await api.userInfo());
    } catch {
      setUser(null);
    } finally {
      setChecked(true);
    }
  }, []);

  useEffect(() => {
    if (!skipInitialCheck) refresh();
  }, [refresh, skipInitialCheck]);

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setUser(null);
    }
  }, []);

  return (
    <SessionContext.Provider value={{ user, checked, refresh, signOut, setUser }}>{children}</SessionContext.Provider>
  );
}

export function useSession() {
  return useContext(SessionContext);
}
