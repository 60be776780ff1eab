import { useState } from 'react';
import { api, loginMessage } from '../api.js';
import Field from '../components/Field.jsx';
import { useRouter } from '../router.jsx';
import { useSession } from '../session.jsx';

export default function Login() {
  const [fields, setFields] = useState({ username: '', password: '' });
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const { refresh } = useSession();
  const { navigate } = useRouter();
  const change = (name, value) => setFields((current) => ({ ...current, [name]: value }));

  async function submit(event) {
    event.preventDefault();
    setMessage('');
    if (!fields.username || !fields.password) {
      setMessage("Saisissez votre nom d'utilisateur et votre mot de passe");
      return;
    }
    setBusy(true);
    try {
      await api.login(fields.username, fields.password);
      await refresh();
      navigate('/');
    } catch (error) {
      setMessage(loginMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="form-page">
      <h1>Connexion</h1>
      <form onSubmit={submit} noValidate>
        <Field name="username" label="Nom d'utilisateur" value={fields.username} onChange={change} autoComplete="username" />
        <Field name="password" label="Mot de passe" type="password" value={fields.password} onChange={change} autoComplete="current-password" />
        {message && (
          <p className="error" role="alert">
            {message}
          </p>
        )}
        <button type="submit" className="button" disabled={busy}>
          Se connecter
        </button>
      </form>
    </main>
  );
}
