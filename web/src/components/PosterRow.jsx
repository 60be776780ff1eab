import PosterCard from './PosterCard.jsx';

// A horizontal row of cards: the only place the page scrolls sideways.
export default function PosterRow({ label, items, kind }) {
  return (
    <ul className="posters" tabIndex={0} aria-label={label}>
      {items.map((item) => (
        <PosterCard key={`${item.media_type ?? kind}-${item.id}`} item={item} kind={kind} />
      ))}
    </ul>
  );
}
