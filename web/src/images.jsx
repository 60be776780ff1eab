import { createContext, useContext, useMemo } from 'react';
import { api } from './api.js';
import { useFetched } from './useFetched.js';

// Where images come from (`GET /api/config`): TMDB's image host, or the demo's own files.
// Loaded once for the whole site; until it answers, or if it fails, pictures show their
// placeholder.
const ImagesContext = createContext({ status: 'error', images: null });

export function ImagesProvider({ children }) {
  const { status, data } = useFetched((signal) => api.imageConfig(signal), 'config');
  const value = useMemo(() => ({ status, images: status === 'ready' ? (data?.images ?? null) : null }), [status, data]);
  return <ImagesContext.Provider value={value}>{children}</ImagesContext.Provider>;
}

export function useImages() {
  return useContext(ImagesContext);
}

// TMDB paths look like "/abc.jpg"; anything else is not ours to put in a URL.
const IMAGE_PATH = /^(\/[A-Za-z0-9._~-]+)+$/;

// `src` and `srcset` for one image of a kind ("poster", "backdrop", "profile", "logo").
// Only the "w<N>" sizes can be described to the browser ("original" and "h632" have no
// width it could compare); `src` is the smallest one at least `preferred` pixels wide.
export function imageSources(images, kind, path, preferred) {
  if (!images || typeof images.base_url !== 'string' || !IMAGE_PATH.test(path ?? '')) return null;
  const base = images.base_url.endsWith('/') ? images.base_url : `${images.base_url}/`;
  const sizes = Array.isArray(images[`${kind}_sizes`]) ? images[`${kind}_sizes`] : [];
  const widths = sizes
    .map((size) => /^w([0-9]+)$/.exec(size))
    .filter(Boolean)
    .map((match) => ({ size: match[0], width: Number(match[1]) }))
    .sort((a, b) => a.width - b.width);
  if (widths.length === 0) {
    return sizes.includes('original') ? { src: `${base}original${path}`, srcSet: undefined } : null;
  }
  const fallback = widths.find((entry) => entry.width >= preferred) ?? widths[widths.length - 1];
  return {
    src: `${base}${fallback.size}${path}`,
    srcSet: widths.map((entry) => `${base}${entry.size}${path} ${entry.width}w`).join(', '),
  };
}
