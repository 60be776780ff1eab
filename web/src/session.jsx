import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { api } from './api.js';

// Who is signed in, from the server (GET /api/session, which answers `{"user": null}` to a
// visitor rather than an error the browser would log): a reload keeps it, and nothing is
// stored in the browser but the HttpOnly cookie. `user` is {id, username, email}; the
// profile page adds the rest of the account when it needs it.
const SessionContext = createContext(null);

export function SessionProvider({ children, initialUser, skipInitialCheck = false }) {
  const [user, setUser] = useState(initialUser ?? null);
  const [checked, setChecked] = useState(skipInitialCheck);

  const refresh = useCallback(async () => {
    try {
      const answer = await api.session();
      setUser(answer?.user ?? null);
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
