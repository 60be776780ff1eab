// Every call the client makes: same-origin, the session in the HttpOnly cookie only.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// A body is sent as JSON; without one (PUT/DELETE of the watchlist) no Content-Type goes
// out, as the contract asks. `signal` lets a caller drop an answer it no longer wants.
async function call(method, path, body, signal) {
  const options = { method, credentials: 'same-origin', headers: { Accept: 'application/json' }, signal };
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (!response.ok) throw new ApiError(response.status, data && data.error ? data.error : `HTTP ${response.status}`);
  return data;
}

export const api = {
  session: () => call('GET', '/api/session'),
  userInfo: () => call('GET', '/api/userinfo'),
  register: (fields) => call('POST', '/register', fields),
  login: (username, password) => call('POST', '/login', { username, password }),
  logout: () => call('POST', '/logout', {}),
  modify: (changes) => call('PATCH', '/modify', changes),
  catalogue: (route, signal) => call('GET', route, undefined, signal),
  search: (query, page = 1, signal) =>
    call('GET', `/api/search-multi?${new URLSearchParams({ query, page: String(page) })}`, undefined, signal),
  title: (kind, id, signal) => call('GET', `/api/${kind}/${id}`, undefined, signal),
  imageConfig: (signal) => call('GET', '/api/config', undefined, signal),
  // `query` is built by discover.js: canonical, so that one question is one URL.
  discover: (kind, query, signal) => call('GET', `/api/discover/${kind}${query ? `?${query}` : ''}`, undefined, signal),
  providers: (signal) => call('GET', '/api/providers', undefined, signal),
  person: (id, signal) => call('GET', `/api/person/${id}`, undefined, signal),
  collection: (id, signal) => call('GET', `/api/collection/${id}`, undefined, signal),
  watchlist: (signal) => call('GET', '/api/watchlist', undefined, signal),
  keep: (kind, id) => call('PUT', `/api/watchlist/${kind}/${id}`),
  forget: (kind, id) => call('DELETE', `/api/watchlist/${kind}/${id}`),
  deleteAccount: (password) => call('DELETE', '/api/account', { password }),
};

export const isAbort = (error) => error?.name === 'AbortError';

// The messages shown for the server's answers, in French.
export function loginMessage(error) {
  if (error.status === 429) return 'trop de tentatives, réessayez plus tard';
  if (error.message === 'Incorrect Login') return "Nom d'utilisateur inconnu";
  if (error.message === 'Incorrect Password') return 'Mot de passe incorrect';
  return `Connexion impossible : ${error.message}`;
}

export function watchlistMessage(error) {
  if (error.status === 409) return 'Votre liste est pleine';
  if (error.status === 503) return 'Catalogue indisponible, réessayez';
  if (error.status === 401) return 'Votre session a expiré : reconnectez-vous';
  return "Votre liste n'a pas pu être modifiée, réessayez";
}

export function deleteAccountMessage(error) {
  if (error.message === 'Incorrect Password') return 'Mot de passe incorrect';
  if (error.status === 429) return 'trop de tentatives, réessayez plus tard';
  if (error.status === 401) return 'Votre session a expiré : reconnectez-vous';
  return `Suppression impossible : ${error.message}`;
}

export function signUpMessage(error) {
  if (error.status === 409) return "ce nom d'utilisateur ou cet e-mail est déjà pris";
  if (error.status === 429) return 'trop de tentatives, réessayez plus tard';
  return error.message;
}
