import { useState } from 'react';
import { useRouter } from './router.jsx';
import { useSession } from './session.jsx';

// The state and submit handler shared by the forms that open a session (Connexion,
// Inscription): check the fields, send them, refresh the session and go home, or show
// why not. `check(fields)` returns { errors, message } (either may be absent);
// `send(fields)` calls the API; `failure(error)` turns an API error into a message.
export function useAccountForm(initial, { check, send, failure }) {
  const [fields, setFields] = useState(initial);
  const [errors, setErrors] = useState({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const { refresh } = useSession();
  const { navigate } = useRouter();
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
      navigate('/');
    } catch (error) {
      setMessage(failure(error));
    } finally {
      setBusy(false);
    }
  }

  return { fields, errors, message, busy, change, submit };
}
