import { Link, useLocation } from 'react-router';
import { api, loginMessage } from '../api.js';
import { useAccountForm } from '../accountForm.js';
import Field from '../components/Field.jsx';
import { usePageMeta } from '../pageMeta.js';

function check(fields) {
  if (!fields.username || !fields.password) {
    return { message: "Saisissez votre nom d'utilisateur et votre mot de passe" };
  }
  return {};
}

export default function Login() {
  usePageMeta('Connexion', 'Connectez-vous à CineVerse pour retrouver votre liste.');
  const { fields, message, busy, change, submit } = useAccountForm(
    { username: '', password: '' },
    { check, send: (f) => api.login(f.username, f.password), failure: loginMessage },
  );
  const { state } = useLocation();

  return (
    <main id="main" className="form-page">
      <h1>Connexion</h1>
      {state?.reason === 'watchlist' && <p className="muted">Connectez-vous pour garder des titres dans votre liste.</p>}
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
      <p className="muted">
        Pas encore de compte ?{' '}
        <Link to="/inscription" state={state}>
          Créez-en un
        </Link>
      </p>
    </main>
  );
}
