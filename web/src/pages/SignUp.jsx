import { useState } from 'react';
import { api, signUpMessage } from '../api.js';
import Field from '../components/Field.jsx';
import { useRouter } from '../router.jsx';
import { useSession } from '../session.jsx';
import { validate } from '../validation.js';

const EMPTY = { username: '', password: '', email: '', first_name: '', last_name: '', phone_number: '' };

export default function SignUp() {
  const [fields, setFields] = useState(EMPTY);
  const [errors, setErrors] = useState({});
  const [serverError, setServerError] = useState('');
  const [busy, setBusy] = useState(false);
  const { refresh } = useSession();
  const { navigate } = useRouter();
  const change = (name, value) => setFields((current) => ({ ...current, [name]: value }));

  async function submit(event) {
    event.preventDefault();
    setServerError('');
    const found = validate(fields);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await api.register({ ...fields, phone_number: fields.phone_number || null });
      await refresh();
      navigate('/');
    } catch (error) {
      setServerError(signUpMessage(error));
    } finally {
      setBusy(false);
    }
  }

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
