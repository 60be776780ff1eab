import { useState } from 'react';
import PosterCard from './PosterCard.jsx';

// How many cards the widest first screen shows side by side, and one more. Past them, a
// row's posters wait until it is scrolled: a browser's own lazy loading starts far ahead
// (over a thousand pixels, sideways too), and a home page of rows would load every poster
// of its first four rows at once.
export const firstCards = () => Math.ceil((typeof window === 'undefined' ? 1280 : window.innerWidth) / 100) + 1;

// A horizontal row of cards: the only place the page scrolls sideways. Its first `priority`
// posters are fetched eagerly, ahead of everything else; with `pictures` false (a row not
// yet in sight) every poster waits.
export default function PosterRow({ label, items, kind, priority = 0, pictures = true }) {
  const [shown, setShown] = useState(firstCards);
  const reveal = shown < items.length ? () => setShown(items.length) : undefined;
  return (
    <ul className="posters" tabIndex={0} aria-label={label} onScroll={reveal} onFocus={reveal}>
      {items.map((item, index) => (
        <PosterCard
          key={`${item.media_type ?? kind}-${item.id}`}
          item={item}
          kind={kind}
          priority={index < priority}
          hold={!pictures || index >= shown}
        />
      ))}
    </ul>
  );
}
