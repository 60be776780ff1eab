import { useState } from 'react';
import { POSTER_BASE } from '../catalogue.js';

// A poster, or a placeholder with the title when there is no image (or no network).
export default function PosterCard({ item }) {
  const title = item.title || item.name || 'Sans titre';
  const [failed, setFailed] = useState(false);
  const year = (item.release_date || item.first_air_date || '').slice(0, 4);
  return (
    <li className="card" data-testid="poster">
      {item.poster_path && !failed ? (
        <img src={POSTER_BASE + item.poster_path} alt={title} loading="lazy" onError={() => setFailed(true)} />
      ) : (
        <div className="placeholder" role="img" aria-label={title}>
          <span>{title}</span>
        </div>
      )}
      <p className="card-title">
        {title}
        {year && <span className="year"> · {year}</span>}
      </p>
    </li>
  );
}
