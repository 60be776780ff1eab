// Answers in the contract's shapes ("Finding and opening a film"), for the demo's films.

export const NOSFERATU = {
  id: 653,
  media_type: 'movie',
  title: 'Nosferatu',
  original_title: 'Nosferatu, eine Symphonie des Grauens',
  original_language: 'de',
  overview: 'Un agent immobilier se rend dans les Carpates chez le comte Orlok.',
  tagline: "L'ombre qui vient de l'Est",
  release_date: '1922-02-16',
  runtime: 94,
  genres: [
    { id: 27, name: 'Horreur' },
    { id: 14, name: 'Fantastique' },
  ],
  poster_path: '/poster-653.svg',
  backdrop_path: '/backdrop-653.svg',
  vote_average: 7.6,
  vote_count: 1900,
  certification: '12',
  directors: [{ id: 9, name: 'F. W. Murnau' }],
  cast: [
    { id: 1, name: 'Max Schreck', character: 'Comte Orlok', profile_path: '/person-1.svg' },
    { id: 2, name: 'Gustav von Wangenheim', character: 'Hutter', profile_path: null },
    { id: 3, name: 'Greta Schröder', character: 'Ellen', profile_path: '/person-3.svg' },
  ],
  trailer: { site: 'YouTube', key: 'dQ_w4-9WgXc', name: 'Nosferatu — bande-annonce' },
  providers: {
    link: 'https://www.themoviedb.org/movie/653/watch?locale=FR',
    flatrate: [{ provider_id: 8, provider_name: 'Ciné Club Plus', logo_path: '/provider-8.svg' }],
    rent: [{ provider_id: 10, provider_name: 'Vidéo Location', logo_path: null }],
  },
  similar: [
    { id: 654, title: 'Le Cabinet du docteur Caligari', poster_path: '/poster-654.svg', release_date: '1920-02-26' },
    { id: 655, title: 'Metropolis', poster_path: null, release_date: '1927-01-10' },
  ],
};

export const BRIGADES = {
  id: 950000,
  media_type: 'tv',
  name: 'Les Brigades du Rail',
  original_name: 'Les Brigades du Rail',
  overview: 'Cheminots et inspecteurs dans la France de 1925.',
  tagline: '',
  first_air_date: '2019-01-15',
  last_air_date: '2021-03-02',
  number_of_seasons: 3,
  number_of_episodes: 24,
  episode_run_time: 52,
  genres: [{ id: 18, name: 'Drame' }],
  poster_path: '/poster-950000.svg',
  backdrop_path: null,
  vote_average: 7,
  vote_count: 40,
  certification: null,
  creators: [{ id: 70, name: 'Jeanne Fer' }],
  networks: [{ id: 80, name: 'Canal Vapeur', logo_path: '/network-80.svg' }],
  cast: [{ id: 71, name: 'Louis Rail', character: 'Inspecteur Vallat', profile_path: null }],
  trailer: null,
  providers: null,
  similar: [{ id: 950001, name: 'La Ligne de Minuit', poster_path: '/poster-950001.svg', first_air_date: '2020-05-01' }],
};

export const SEARCH_NOSF = [
  { id: 653, media_type: 'movie', title: 'Nosferatu', poster_path: '/poster-653.svg', release_date: '1922-02-16' },
  { id: 950002, media_type: 'tv', name: 'Nosferatu, la série', poster_path: null, first_air_date: '2022-10-01' },
  {
    id: 1,
    media_type: 'person',
    name: 'Max Schreck',
    profile_path: '/person-1.svg',
    known_for_department: 'Acting',
    known_for: [{ id: 653, media_type: 'movie', title: 'Nosferatu' }],
  },
];
