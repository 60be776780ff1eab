import { useId } from 'react';
import { Link } from 'react-router';
import { KIND_LABEL, titleOf, titlePath, yearOf } from '../catalogue.js';
import Picture from './Picture.jsx';
import SeenButton from './SeenButton.jsx';
import WatchlistToggle from './WatchlistToggle.jsx';

// Cards are 8.5rem wide, 7rem on a phone (styles.css).
export const CARD_SIZES = '(max-width: 480px) 112px, 136px';

// A title's poster and name, a link to its page, with the watchlist toggle and "Vu" under
// it (or `action(titleId)` in their place). The item's own media_type wins over the row's `kind`.
export default function PosterCard({ item, kind, showKind = false, action, priority = false }) {
  const mediaKind = item.media_type === 'movie' || item.media_type === 'tv' ? item.media_type : kind;
  const title = titleOf(item);
  const year = yearOf(item);
  const titleId = useId();
  return (
    <li className="card" data-testid="poster">
      <Link to={titlePath(mediaKind, item.id)} className="card-link">
        <Picture shape="poster" path={item.poster_path} label={title} sizes={CARD_SIZES} priority={priority} />
        <span className="card-title" id={titleId}>
          {title}
          {year && <span className="year"> · {year}</span>}
          {showKind && <span className="kind-badge"> · {KIND_LABEL[mediaKind]}</span>}
        </span>
      </Link>
      {action ? (
        action(titleId)
      ) : (
        <>
          <WatchlistToggle kind={mediaKind} item={item} describedBy={titleId} compact />
          <SeenButton kind={mediaKind} item={item} describedBy={titleId} compact />
        </>
      )}
    </li>
  );
}
