import { api, signUpMessage } from '../api.js';
import { useAccountForm } from '../accountForm.js';
import Field from '../components/Field.jsx';
import { validate } from '../validation.js';
import { usePageMeta } from '../pageMeta.js';

const EMPTY = { username: '', password: '', email: '', first_name: '', last_name: '', phone_number: '' };

export default function SignUp() {
  usePageMeta('Inscription', 'Créez votre compte CineVerse pour garder vos films et vos séries.');
  const {
    fields,
    errors,
    message: serverError,
    busy,
    change,
    submit,
  } = useAccountForm(EMPTY, {
    check: (f) => ({ errors: validate(f) }),
    send: (f) => api.register({ ...f, phone_number: f.phone_number || null }),
    failure: signUpMessage,
  });

  return (
    <main id="main" className="form-page">
      <h1>Inscription</h1>
      <form onSubmit={submit} noValidate aria-describedby={serverError ? 'signup-error' : undefined}>
        <Field name="username" label="Nom d'utilisateur" value={fields.username} onChange={change} error={errors.username} autoComplete="username" />
        <Field name="email" label="E-mail" type="email" value={fields.email} onChange={change} error={errors.email} autoComplete="email" />
        <Field name="password" label="Mot de passe" type="password" value={fields.password} onChange={change} error={errors.password} autoComplete="new-password" />
        <Field name="first_name" label="Prénom" value={fields.first_name} onChange={change} error={errors.first_name} autoComplete="given-name" />
        <Field name="last_name" label="Nom" value={fields.last_name} onChange={change} error={errors.last_name} autoComplete="family-name" />
        <Field name="phone_number" label="Téléphone (facultatif)" type="tel" value={fields.phone_number} onChange={change} error={errors.phone_number} autoComplete="tel" />
        {serverError && (
          <p id="signup-error" className="error" role="alert">
            {serverError}
          </p>
        )}
        <button type="submit" className="button" disabled={busy}>
          Créer mon compte
        </button>
      </form>
    </main>
  );
}
