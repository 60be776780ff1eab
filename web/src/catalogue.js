import routeTable from './generated/routes.json';

// The home rows are the routes the service marks with a `home_row` title, in table order.
export function homeRows(table) {
  return table.routes
    .filter((route) => route.method === 'GET' && route.home_row != null)
    .map((route) => ({ route: route.path, title: route.home_row }));
}

export const HOME_ROWS = homeRows(routeTable);

// Discover items carry no media_type: a row's route says what it lists.
export function rowKind(route) {
  return /-tv$/.test(route) ? 'tv' : 'movie';
}

export const KIND_LABEL = { movie: 'Film', tv: 'Série', person: 'Personne' };

// The client's own paths for a title; `null` for anything that has no page here.
export function titlePath(kind, id) {
  if (kind === 'movie') return `/film/${id}`;
  if (kind === 'tv') return `/serie/${id}`;
  return null;
}

// A person's page and a saga's.
export const personPath = (id) => `/personne/${id}`;
export const sagaPath = (id) => `/saga/${id}`;

// A TMDB id as the contract accepts it: a positive integer below 2³¹.
export function parseTitleId(text) {
  if (!/^[1-9][0-9]{0,9}$/.test(text ?? '')) return null;
  const id = Number(text);
  return id < 2 ** 31 ? id : null;
}

export const titleOf = (item) => item.title || item.name || 'Sans titre';
export const yearOfDate = (date) => (date ?? '').slice(0, 4);
export const yearOf = (item) => yearOfDate(item.release_date || item.first_air_date);
