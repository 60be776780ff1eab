import { useEffect, useRef, useState } from 'react';

// How far ahead of the viewport a deferred part starts: a screen or so, so that it is
// ready before it shows.
export const AHEAD = '800px 0px';

// `[ref, near]`: `near` turns true once the element comes within `rootMargin` of the
// viewport, and stays true. `immediate` (or a browser without IntersectionObserver) means
// near from the start.
export function useNearViewport({ immediate = false, rootMargin = AHEAD } = {}) {
  const ref = useRef(null);
  const [near, setNear] = useState(immediate || typeof IntersectionObserver !== 'function');
  useEffect(() => {
    if (near || !ref.current) return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin },
    );
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, [near, rootMargin]);
  return [ref, near];
}
