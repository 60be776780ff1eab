import { NavLink } from 'react-router';
import { usePersonal } from '../personal.jsx';

// The signed-in user's own pages in the main navigation, with the count of unread news.
export default function PersonalLinks() {
  const { signedIn, unread } = usePersonal();
  if (!signedIn) return null;
  return (
    <>
      <NavLink to="/ce-soir">Ce soir</NavLink>
      <NavLink to="/journal">Journal</NavLink>
      <NavLink to="/nouveautes" className="news-link">
        Nouveautés
        {unread > 0 && (
          <>
            <span className="badge" aria-hidden="true" data-testid="unread-badge">
              {unread > 99 ? '99+' : unread}
            </span>
            <span className="visually-hidden">{`, ${unread} non lue${unread > 1 ? 's' : ''}`}</span>
          </>
        )}
      </NavLink>
    </>
  );
}
