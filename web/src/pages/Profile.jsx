import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, signUpMessage } from '../api.js';
import AccountExtras from '../components/AccountExtras.jsx';
import DeleteAccount from '../components/DeleteAccount.jsx';
import Field from '../components/Field.jsx';
import { useSession } from '../session.jsx';
import { validate } from '../validation.js';
import { usePageMeta } from '../pageMeta.js';

const EDITABLE = ['username', 'email', 'first_name', 'last_name', 'phone_number'];
const LABELS = {
  username: "Nom d'utilisateur",
  email: 'E-mail',
  first_name: 'Prénom',
  last_name: 'Nom',
  phone_number: 'Téléphone',
};

export default function Profile() {
  usePageMeta('Profil', 'Votre compte CineVerse : vos informations et votre mot de passe.');
  const { user, checked, setUser } = useSession();
  const [fields, setFields] = useState(null);
  const [passwords, setPasswords] = useState({ password: '', confirmation: '', current_password: '' });
  const [errors, setErrors] = useState({});
  const [status, setStatus] = useState({ kind: '', text: '' });

  // The session names the user; the form needs the whole account.
  const complete = Boolean(user) && 'first_name' in user;
  useEffect(() => {
    if (user && !complete) api.userInfo().then(setUser, () => {});
  }, [user, complete, setUser]);
  useEffect(() => {
    if (complete) setFields(Object.fromEntries(EDITABLE.map((name) => [name, user[name] ?? ''])));
  }, [user, complete]);

  if (!checked) return <main id="main" className="form-page" aria-busy="true" />;
  if (!user) {
    return (
      <main id="main" className="form-page">
        <h1>Profil</h1>
        <p>
          <Link to="/connexion">Connectez-vous</Link> pour voir votre profil.
        </p>
      </main>
    );
  }
  if (!fields) return null;

  const change = (name, value) => setFields((current) => ({ ...current, [name]: value }));
  const changePassword = (name, value) => setPasswords((current) => ({ ...current, [name]: value }));

  async function submit(event) {
    event.preventDefault();
    setStatus({ kind: '', text: '' });
    const changes = {};
    for (const name of EDITABLE) {
      if ((user[name] ?? '') !== fields[name]) changes[name] = fields[name];
    }
    if (passwords.password || passwords.confirmation) changes.password = passwords.password;
    const found = validate(changes);
    if (changes.password !== undefined && passwords.password !== passwords.confirmation) {
      found.confirmation = 'les deux mots de passe diffèrent';
    }
    // Changing how the account signs in, or where its mail goes, takes the present password.
    const sensitive = changes.password !== undefined || changes.email !== undefined;
    if (sensitive && !passwords.current_password) {
      found.current_password = "saisissez votre mot de passe actuel pour changer l'e-mail ou le mot de passe";
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (Object.keys(changes).length === 0) {
      setStatus({ kind: 'ok', text: 'Rien à modifier.' });
      return;
    }
    if (changes.phone_number === '') changes.phone_number = null;
    if (sensitive) changes.current_password = passwords.current_password;
    try {
      await api.modify(changes);
      setUser(await api.userInfo());
      setPasswords({ password: '', confirmation: '', current_password: '' });
      setStatus({ kind: 'ok', text: 'Profil mis à jour.' });
    } catch (error) {
      if (error.message === 'Incorrect Password') {
        setErrors({ current_password: 'mot de passe actuel incorrect' });
        return;
      }
      setStatus({ kind: 'error', text: signUpMessage(error) });
    }
  }

  return (
    <main id="main" className="form-page">
      <h1>Profil</h1>
      <form onSubmit={submit} noValidate>
        {EDITABLE.map((name) => (
          <Field key={name} name={name} label={LABELS[name]} value={fields[name]} onChange={change} error={errors[name]} />
        ))}
        <fieldset>
          <legend>Changer de mot de passe</legend>
          <Field name="password" label="Nouveau mot de passe" type="password" value={passwords.password} onChange={changePassword} error={errors.password} autoComplete="new-password" />
          <Field name="confirmation" label="Confirmez le mot de passe" type="password" value={passwords.confirmation} onChange={changePassword} error={errors.confirmation} autoComplete="new-password" />
        </fieldset>
        <Field
          name="current_password"
          label="Mot de passe actuel (pour changer l'e-mail ou le mot de passe)"
          type="password"
          value={passwords.current_password}
          onChange={changePassword}
          error={errors.current_password}
          autoComplete="current-password"
        />
        {status.text && (
          <p className={status.kind === 'ok' ? 'success' : 'error'} role={status.kind === 'ok' ? 'status' : 'alert'}>
            {status.text}
          </p>
        )}
        <button type="submit" className="button">
          Enregistrer
        </button>
      </form>
      <AccountExtras />
      <DeleteAccount />
    </main>
  );
}
