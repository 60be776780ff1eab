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

// Découvrir ("Discovering"): the services of France, by display priority.
export const PROVIDERS = [
  { provider_id: 9101, provider_name: 'Bobine', logo_path: '/logo-provider-9101.svg', display_priority: 1 },
  { provider_id: 9102, provider_name: 'Fondu Enchaîné', logo_path: '/logo-provider-9102.svg', display_priority: 2 },
  { provider_id: 9103, provider_name: 'Plan-Séquence', logo_path: null, display_priority: 3 },
];

// A page of GET /api/discover/{kind}: `count` movie items numbered from `first`.
export function discoverPage({ page = 1, total_pages = 1, total_results, count = 20, first = 1, kind = 'movie' } = {}) {
  const results = Array.from({ length: count }, (_, index) => {
    const id = 900000 + first + index;
    return kind === 'tv'
      ? { id, name: `Série ${first + index}`, poster_path: null, first_air_date: '2020-01-01' }
      : { id, title: `Film ${first + index}`, poster_path: `/poster-${id}.svg`, release_date: '1925-05-01', genre_ids: [18] };
  });
  return { page, total_pages, total_results: total_results ?? count, results };
}

export const MURNAU = {
  id: 9,
  name: 'F. W. Murnau',
  biography: 'Né Friedrich Wilhelm Plumpe, il étudie la philologie à Berlin.\n\nÀ Hollywood, il tourne « L’Aurore » pour la Fox.',
  birthday: '1888-12-28',
  deathday: '1931-03-11',
  place_of_birth: 'Bielefeld, Allemagne',
  profile_path: '/person-9.svg',
  known_for_department: 'Directing',
  credits: [
    { media_type: 'movie', id: 653, title: 'Nosferatu', character: null, job: 'Director', date: '1922-02-16', poster_path: '/poster-653.svg', vote_average: 7.6, popularity: 20 },
    { media_type: 'movie', id: 631, title: 'L’Aurore', character: null, job: 'Director, Screenplay', date: '1927-09-23', poster_path: null, vote_average: 8.1, popularity: 15 },
    { media_type: 'movie', id: 660, title: 'Le Dernier des hommes', character: null, job: 'Director', date: '1924-12-23', poster_path: null, vote_average: 7.9, popularity: 25 },
    { media_type: 'movie', id: 700, title: 'Tabou', character: 'Lui-même', job: 'Director, Writer, Producer', date: '1931-03-18', poster_path: null, vote_average: 7.2, popularity: 8 },
    { media_type: 'movie', id: 701, title: 'Le Fantôme', character: null, job: 'Director of Photography', date: '1922-11-10', poster_path: null, vote_average: 6.5, popularity: 2 },
    { media_type: 'tv', id: 950010, title: 'Les Maîtres du muet', character: 'Lui-même (archives)', job: null, date: null, poster_path: null, vote_average: 0, popularity: 3 },
  ],
};

export const FANTOMAS = {
  id: 990001,
  name: 'Fantômas - Saga',
  overview: 'Le génie du crime contre l’inspecteur Juve, en cinq films.',
  poster_path: '/poster-990001.svg',
  backdrop_path: '/backdrop-990001.svg',
  parts: [
    { id: 900133, title: 'Fantômas : À l’ombre de la guillotine', poster_path: '/poster-900133.svg', release_date: '1913-05-09' },
    { id: 900134, title: 'Juve contre Fantômas', poster_path: '/poster-900134.svg', release_date: '1913-09-12' },
    { id: 900135, title: 'Le Mort qui tue', poster_path: null, release_date: '1913-11-28' },
    { id: 900136, title: 'Fantômas contre Fantômas', poster_path: '/poster-900136.svg', release_date: '1914-02-13' },
    { id: 900137, title: 'Le Faux Magistrat', poster_path: '/poster-900137.svg', release_date: '1914-05-08' },
  ],
};
