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
  return answerOf(await fetch(path, options));
}

// An answer's JSON body, or an ApiError carrying the contract's `error` message (or the
// status, when the body says nothing readable).
async function answerOf(response) {
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
  // My platforms and what's new for me.
  myProviders: (signal) => call('GET', '/api/me/providers', undefined, signal),
  saveMyProviders: (ids) => call('PUT', '/api/me/providers', { providers: ids }),
  watchlistWhere: (mine, signal) => call('GET', mine ? '/api/watchlist?available=mine' : '/api/watchlist', undefined, signal),
  news: (unreadOnly, signal) => call('GET', unreadOnly ? '/api/me/news?unread=1' : '/api/me/news', undefined, signal),
  readNews: (upTo) => call('POST', '/api/me/news/read', { up_to: upTo }),
  advice: (signal) => call('GET', '/api/me/advice', undefined, signal),
  newFeed: () => call('POST', '/api/me/feed', {}),
  // The diary.
  addViewing: (entry) => call('POST', '/api/diary', entry),
  changeViewing: (entryId, changes) => call('PATCH', `/api/diary/${encodeURIComponent(entryId)}`, changes),
  removeViewing: (entryId) => call('DELETE', `/api/diary/${encodeURIComponent(entryId)}`),
  journal: ({ page = 1, year = '', rating = '' } = {}, signal) => {
    const query = new URLSearchParams();
    if (page > 1) query.set('page', String(page));
    if (year) query.set('year', String(year));
    if (rating) query.set('rating', String(rating));
    const text = query.toString();
    return call('GET', `/api/diary${text ? `?${text}` : ''}`, undefined, signal);
  },
  viewingsOf: (kind, id, signal) => call('GET', `/api/diary/${kind}/${id}`, undefined, signal),
  seen: (signal) => call('GET', '/api/diary/seen', undefined, signal),
  diarySummary: (year, signal) => call('GET', `/api/diary/summary${year ? `?year=${year}` : ''}`, undefined, signal),
  reviews: (kind, id, page = 1, signal) => call('GET', `/api/reviews/${kind}/${id}${page > 1 ? `?page=${page}` : ''}`, undefined, signal),
  // An import's body is the file itself, as Letterboxd gave it.
  importLetterboxd: async (file) => {
    const type = /\.csv$/i.test(file.name ?? '') || file.type === 'text/csv' ? 'text/csv' : 'application/zip';
    // A lone CSV says which of Letterboxd's files it is (watched.csv and watchlist.csv share
    // their columns).
    const known = /^(watched|watchlist|diary|ratings|reviews)\.csv$/i.exec(file.name ?? '');
    const query = type === 'text/csv' && known ? `?file=${known[0].toLowerCase()}` : '';
    // The file itself is the body, as it is: not JSON.
    return answerOf(
      await fetch(`/api/import/letterboxd${query}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json', 'Content-Type': type },
        body: file,
      }),
    );
  },
  importJob: (jobId, signal) => call('GET', `/api/import/${encodeURIComponent(jobId)}`, undefined, signal),
  resolveImport: (jobId, row) => call('POST', `/api/import/${encodeURIComponent(jobId)}/resolve`, row),
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

export function diaryMessage(error) {
  if (error.status === 429) return 'Trop de critiques à la suite : réessayez dans une minute.';
  if (error.status === 401) return 'Votre session a expiré : reconnectez-vous';
  if (error.status === 404) return "Ce visionnage n'existe plus.";
  if (error.status === 503) return 'Catalogue indisponible, réessayez';
  if (error.status === 400) return `Visionnage refusé : ${error.message}`;
  return "Le visionnage n'a pas pu être enregistré, réessayez";
}

export function signUpMessage(error) {
  if (error.status === 409) return "ce nom d'utilisateur ou cet e-mail est déjà pris";
  if (error.status === 429) return 'trop de tentatives, réessayez plus tard';
  return error.message;
}
