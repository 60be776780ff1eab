import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useSession } from './session.jsx';

// Where a form that opens a session goes next: back to the page that sent the visitor
// here (a watchlist toggle, Ma liste), else home. Only the client's own paths.
export function returnPath(state) {
  const from = state?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

// The state and submit handler shared by the forms that open a session (Connexion,
// Inscription): check the fields, send them, refresh the session and go back, or show
// why not. `check(fields)` returns { errors, message } (either may be absent);
// `send(fields)` calls the API; `failure(error)` turns an API error into a message.
export function useAccountForm(initial, { check, send, failure }) {
  const [fields, setFields] = useState(initial);
  const [errors, setErrors] = useState({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const { refresh } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const change = (name, value) => setFields((current) => ({ ...current, [name]: value }));

  async function submit(event) {
    event.preventDefault();
    const problems = check(fields);
    setErrors(problems.errors ?? {});
    setMessage(problems.message ?? '');
    if (problems.message || Object.keys(problems.errors ?? {}).length > 0) return;
    setBusy(true);
    try {
      await send(fields);
      await refresh();
      navigate(returnPath(location.state), { replace: true });
    } catch (error) {
      setMessage(failure(error));
    } finally {
      setBusy(false);
    }
  }

  return { fields, errors, message, busy, change, submit };
}
