import { usePersonal } from '../personal.jsx';

// "Masquer les titres vus": hides what my diary holds from the lists of the page; the
// choice is remembered in this browser. Only for a signed-in user.
export default function HideSeenToggle() {
  const { signedIn, hideSeen, setHideSeen } = usePersonal();
  if (!signedIn) return null;
  return (
    <label className="check-line hide-seen" data-testid="hide-seen">
      <input type="checkbox" checked={hideSeen} onChange={(event) => setHideSeen(event.target.checked)} />
      Masquer les titres vus
    </label>
  );
}
