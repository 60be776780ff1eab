import { normaliseList } from '../discover.js';
import { usePersonal } from '../personal.jsx';

// Découvrir's one click "Sur mes plateformes": the services filter takes my ids, and the
// question stays the shared one (discover with explicit providers), cached for everyone.
export default function MyServicesButton({ filters, onChange }) {
  const { signedIn, providers } = usePersonal();
  if (!signedIn || providers.status !== 'ready' || providers.ids.length === 0) return null;
  const mine = normaliseList(providers.ids.join(','));
  const active = normaliseList(filters.providers.join(',')).join(',') === mine.join(',');
  return (
    <button
      type="button"
      className="chip my-services"
      aria-pressed={active ? 'true' : 'false'}
      onClick={() => onChange({ ...filters, providers: active ? [] : mine })}
    >
      Sur mes plateformes
    </button>
  );
}
