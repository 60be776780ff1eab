import PosterCard from './PosterCard.jsx';

// A horizontal row of cards: the only place the page scrolls sideways. Its first `priority`
// posters are fetched eagerly, ahead of everything else; each other poster waits until the
// row is scrolled to it (Picture.jsx): a browser's own lazy loading starts far ahead (over
// a thousand pixels, sideways too), and a home page of rows would load every poster of its
// first four rows at once.
export default function PosterRow({ label, items, kind, priority = 0 }) {
  return (
    <ul className="posters" tabIndex={0} aria-label={label}>
      {items.map((item, index) => (
        <PosterCard key={`${item.media_type ?? kind}-${item.id}`} item={item} kind={kind} priority={index < priority} />
      ))}
    </ul>
  );
}
