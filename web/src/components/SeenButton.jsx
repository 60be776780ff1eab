import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { usePersonal } from '../personal.jsx';
import { useSession } from '../session.jsx';
import ViewingDialog from './ViewingDialog.jsx';

// "Vu": records a viewing of the title in a small dialog. A visitor is sent to Connexion
// and back. Once seen, it reads "Vu ✓" and still records another viewing (a rewatch).
export default function SeenButton({ kind, item, describedBy, compact = false, onSaved }) {
  const { user, checked } = useSession();
  const personal = usePersonal();
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  // A click before the session is known is kept, and answered once it is (never lost, and a
  // signed-in user is never sent to Connexion).
  const [asked, setAsked] = useState(false);
  const seen = personal.hasSeen(kind, item.id);

  useEffect(() => {
    if (!asked || !checked) return;
    setAsked(false);
    if (!user) {
      navigate('/connexion', { state: { from: location.pathname + location.search, reason: 'diary' } });
      return;
    }
    setOpen(true);
  }, [asked, checked, user, navigate, location]);

  return (
    <>
      <button
        type="button"
        className={`toggle seen-button${seen ? ' kept' : ''}${compact ? ' compact' : ''}`}
        data-testid="seen-button"
        data-seen={seen ? 'true' : 'false'}
        aria-describedby={describedBy}
        aria-haspopup="dialog"
        aria-busy={checked ? undefined : 'true'}
        title={seen ? 'Vous avez vu ce titre : noter un autre visionnage' : undefined}
        onClick={() => setAsked(true)}
      >
        <span className="toggle-mark" aria-hidden="true">
          {seen ? '✓' : '+'}
        </span>
        Vu
      </button>
      {open && (
        <ViewingDialog
          kind={kind}
          item={item}
          onClose={() => setOpen(false)}
          onSaved={(entry) => {
            setOpen(false);
            personal.markSeen(kind, item.id);
            personal.diaryChanged();
            onSaved?.(entry);
          }}
        />
      )}
    </>
  );
}
