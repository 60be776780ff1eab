import { useEffect, useState } from 'react';

// Whether a CSS media query matches now, following its changes. Read synchronously on the
// first render, so that a phone never renders the desktop layout first. Without matchMedia
// (jsdom), nothing matches.
export function useMediaQuery(query) {
  const matches = () => typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
  const [value, setValue] = useState(matches);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return undefined;
    const list = window.matchMedia(query);
    const onChange = () => setValue(list.matches);
    onChange();
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return value;
}
