import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, deleteAccountMessage } from '../api.js';
import { useSession } from '../session.jsx';
import Field from './Field.jsx';

// Leaving for good: the password, then a second, explicit confirmation, then
// DELETE /api/account. The server ends every session and clears the cookie; the client
// forgets the user and goes home.
export default function DeleteAccount() {
  const { setUser } = useSession();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [step, setStep] = useState('ask'); // ask → confirm → (gone)
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const headingId = useId();

  function ask(event) {
    event.preventDefault();
    if (!password) {
      setMessage('Saisissez votre mot de passe pour supprimer votre compte');
      return;
    }
    setMessage('');
    setStep('confirm');
  }

  async function confirm() {
    setBusy(true);
    setMessage('');
    try {
      await api.deleteAccount(password);
      setUser(null);
      navigate('/', { replace: true });
    } catch (error) {
      setMessage(deleteAccountMessage(error));
      setStep('ask');
      setBusy(false);
    }
  }

  return (
    <section className="danger-zone" aria-labelledby={headingId}>
      <h2 id={headingId}>Supprimer mon compte</h2>
      <p className="muted">Votre compte, vos sessions, votre liste, vos plateformes et votre journal (notes et critiques comprises) seront effacés définitivement.</p>
      <form onSubmit={ask} noValidate>
        <Field
          name="delete_password"
          label="Votre mot de passe actuel"
          type="password"
          value={password}
          onChange={(_, value) => {
            setPassword(value);
            setStep('ask');
          }}
          autoComplete="current-password"
        />
        {message && (
          <p className="error" role="alert">
            {message}
          </p>
        )}
        {step === 'ask' ? (
          <button type="submit" className="button danger">
            Supprimer mon compte
          </button>
        ) : (
          <div className="confirm" role="group" aria-label="Confirmation">
            <p>Êtes-vous sûr ? Cette action est définitive.</p>
            <button type="button" className="button danger" onClick={confirm} disabled={busy}>
              Oui, supprimer définitivement
            </button>
            <button type="button" className="button ghost" onClick={() => setStep('ask')} disabled={busy}>
              Annuler
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
