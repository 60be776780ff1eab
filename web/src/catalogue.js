// The twenty rows of the home page: one catalogue route each.
const GENRES = [
  ['action', 'Action'],
  ['adventure', 'Aventure'],
  ['animation', 'Animation'],
  ['comedy', 'Comédie'],
  ['crime', 'Policier'],
  ['documentary', 'Documentaire'],
  ['drama', 'Drame'],
  ['family', 'Familial'],
  ['fantasy', 'Fantastique'],
  ['history', 'Histoire'],
  ['horror', 'Horreur'],
  ['music', 'Musique'],
  ['mystery', 'Mystère'],
  ['romance', 'Romance'],
  ['sciencefiction', 'Science-fiction'],
  ['thriller', 'Thriller'],
  ['war', 'Guerre'],
  ['western', 'Western'],
];

export const ROWS = [
  { route: '/api/trending-movies', title: 'Films tendance' },
  { route: '/api/trending-tv', title: 'Séries tendance' },
  ...GENRES.map(([slug, title]) => ({ route: `/api/discover-${slug}-movies`, title })),
];

export const POSTER_BASE = 'https://image.tmdb.org/t/p/w342';
