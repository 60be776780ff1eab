import { useEffect } from 'react';

export const SITE_NAME = 'CineVerse';
export const SITE_DESCRIPTION =
  'CineVerse : découvrez les films et les séries du moment, où les voir en France, et gardez votre liste.';

// Shortens a text (an overview, a biography) to what a search result shows.
export function summary(text, limit = 160) {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

// The page's <title> and meta description, for the tab, the history and search engines;
// `title` null (still loading) leaves the previous ones in place.
export function usePageMeta(title, description) {
  useEffect(() => {
    if (title == null) return;
    document.title = title === SITE_NAME ? title : `${title} — ${SITE_NAME}`;
    let meta = document.head.querySelector('meta[name="description"]');
    if (!meta) {
      meta = document.createElement('meta');
      meta.setAttribute('name', 'description');
      document.head.appendChild(meta);
    }
    meta.setAttribute('content', summary(description) || SITE_DESCRIPTION);
  }, [title, description]);
}
