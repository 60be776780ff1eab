import { useEffect, useId, useState } from 'react';
import { initials } from '../format.js';
import { usePersonal, useProviderList } from '../personal.jsx';
import { useWatchlist } from '../watchlist.jsx';
import Picture from './Picture.jsx';

const SHOWN = 12; // the most watched services first; the rest on demand

export function servicesMessage(error) {
  if (error.status === 401) return 'Votre session a expiré : reconnectez-vous';
  if (error.status === 503) return 'La liste des services est indisponible, réessayez';
  if (error.status === 429) return 'Trop de demandes à la suite : réessayez dans un instant.';
  return `Vos plateformes n'ont pas pu être enregistrées (${error.message})`;
}

// "Mes plateformes": the region's services with their logos, the user's own ticked, saved
// with PUT /api/me/providers. `onSaved(ids)` after a save (the watchlist prompt closes).
export default function ServicesPicker({ title = 'Mes plateformes', intro, onSaved, headingLevel = 2 }) {
  const personal = usePersonal();
  const watchlist = useWatchlist();
  const services = useProviderList();
  const [chosen, setChosen] = useState(() => new Set(personal.providers.ids));
  const [everyone, setEveryone] = useState(false);
  const [status, setStatus] = useState({ kind: '', text: '' });
  const [busy, setBusy] = useState(false);
  const headingId = useId();
  const Heading = `h${headingLevel}`;

  // The saved set, once it has arrived.
  useEffect(() => {
    setChosen(new Set(personal.providers.ids));
  }, [personal.providers.status, personal.providers.ids.join(',')]);

  const list = services.list;
  const shown = everyone ? list : list.filter((provider, index) => index < SHOWN || chosen.has(provider.provider_id));

  function toggle(id) {
    setStatus({ kind: '', text: '' });
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  async function save(event) {
    event.preventDefault();
    setBusy(true);
    setStatus({ kind: '', text: '' });
    try {
      const ids = await personal.saveProviders([...chosen].sort((a, b) => a - b));
      // Each item's "where" names my services: the list is asked again.
      watchlist.reload();
      setStatus({ kind: 'ok', text: ids.length === 0 ? 'Aucune plateforme enregistrée.' : `${ids.length} plateforme${ids.length > 1 ? 's' : ''} enregistrée${ids.length > 1 ? 's' : ''}.` });
      onSaved?.(ids);
    } catch (error) {
      setStatus({ kind: 'error', text: servicesMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="services-picker" aria-labelledby={headingId} data-testid="services-picker">
      <Heading id={headingId}>{title}</Heading>
      {intro && <p className="muted">{intro}</p>}
      {services.status === 'loading' && (
        <p className="muted" role="status">
          Chargement des services…
        </p>
      )}
      {services.status === 'error' && (
        <p className="error" role="alert">
          Les services sont indisponibles pour le moment.{' '}
          <button type="button" className="link-button" onClick={services.retry}>
            Réessayer
          </button>
        </p>
      )}
      {services.status === 'ready' && (
        <form onSubmit={save}>
          <fieldset className="services-grid">
            <legend className="visually-hidden">Les services auxquels je suis abonné</legend>
            {shown.map((provider) => (
              <label key={provider.provider_id} className="service-choice">
                <input type="checkbox" checked={chosen.has(provider.provider_id)} onChange={() => toggle(provider.provider_id)} />
                <Picture shape="logo" path={provider.logo_path} label={initials(provider.provider_name)} sizes="40px" className="service-choice-logo" />
                <span>{provider.provider_name}</span>
              </label>
            ))}
          </fieldset>
          {list.length > shown.length && (
            <button type="button" className="link-button more-services" onClick={() => setEveryone(true)}>
              Afficher tous les services ({list.length})
            </button>
          )}
          {status.text && (
            <p className={status.kind === 'ok' ? 'success' : 'error'} role={status.kind === 'ok' ? 'status' : 'alert'}>
              {status.text}
            </p>
          )}
          <button type="submit" className="button tall" disabled={busy} aria-busy={busy ? 'true' : undefined}>
            Enregistrer mes plateformes
          </button>
        </form>
      )}
    </section>
  );
}
