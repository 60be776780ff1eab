import { useEffect, useRef, useState } from 'react';

// How far ahead of the viewport a deferred part starts: a screen or so, so that it is
// ready before it shows.
export const AHEAD = '800px 0px';

// How far ahead a lazy picture is asked for: a little before it shows. Each picture costs
// the main thread (an SVG is a document of its own to parse, lay out and paint), so the
// first screen asks only for its own.
export const PICTURE_AHEAD = '200px';

// One IntersectionObserver per margin, shared by every element waiting on it: a page of a
// hundred pictures has one observer, not a hundred. An element leaves it once near, and
// the observer goes away with its last element.
const shared = new Map();

function whenNear(element, rootMargin, onNear) {
  let entry = shared.get(rootMargin);
  if (!entry) {
    const waiting = new Map();
    const observer = new IntersectionObserver(
      (reports) => {
        for (const report of reports) {
          const callback = report.isIntersecting && waiting.get(report.target);
          if (!callback) continue;
          forget(rootMargin, report.target);
          callback();
        }
      },
      { rootMargin },
    );
    entry = { observer, waiting };
    shared.set(rootMargin, entry);
  }
  entry.waiting.set(element, onNear);
  entry.observer.observe(element);
  return () => forget(rootMargin, element);
}

function forget(rootMargin, element) {
  const entry = shared.get(rootMargin);
  if (!entry || !entry.waiting.delete(element)) return;
  entry.observer.unobserve(element);
  if (entry.waiting.size === 0) {
    entry.observer.disconnect();
    shared.delete(rootMargin);
  }
}

// `[ref, near]`: `near` turns true once the element comes within `rootMargin` of the
// viewport, and stays true. `immediate` (or a browser without IntersectionObserver) means
// near from the start.
export function useNearViewport({ immediate = false, rootMargin = AHEAD } = {}) {
  const ref = useRef(null);
  const [near, setNear] = useState(immediate || typeof IntersectionObserver !== 'function');
  const now = near || immediate;
  useEffect(() => {
    if (now || !ref.current) return undefined;
    return whenNear(ref.current, rootMargin, () => setNear(true));
  }, [now, rootMargin]);
  return [ref, now];
}
