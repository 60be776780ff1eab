import { vi } from 'vitest';

// The API as the client sees it through fetch: answers by "METHOD /path", in the
// contract's shapes, and a record of every call (method, path, query, headers, body).

export const IMAGE_CONFIG = {
  images: {
    base_url: '/demo-images/',
    poster_sizes: ['w92', 'w154', 'w185', 'w342', 'w500', 'w780', 'original'],
    backdrop_sizes: ['w300', 'w780', 'w1280', 'original'],
    profile_sizes: ['w45', 'w185', 'h632', 'original'],
    logo_sizes: ['w45', 'w92', 'w154', 'w185', 'w300', 'w500', 'original'],
  },
};

export const USER = { id: '5b0c6f0e-8a43-4c59-9d4b-0d6f1c1b2a77', username: 'ada', email: 'ada@example.org', first_name: 'Ada', last_name: 'Lovelace', phone_number: null, isconnected: true };

// What GET /api/session names of the user.
export const sessionUser = () => ({ id: USER.id, username: USER.username, email: USER.email });

export function reply(status, body) {
  return { status, body };
}

// A reply the test gives later with `answer(reply)`; aborting the request
// rejects it as fetch would.
export function deferred() {
  let settle;
  const promise = new Promise((resolve) => {
    settle = resolve;
  });
  return { promise, answer: (value) => settle(value) };
}

function abortError() {
  return new DOMException('The operation was aborted.', 'AbortError');
}

// `routes`: { 'GET /api/movie/653': reply | (call) => reply | Promise<reply> }. Unlisted
// catalogue and image calls have harmless defaults; anything else is a 404, as the service
// answers unknown paths.
export function stubApi(routes = {}, { signedIn = false } = {}) {
  const defaults = {
    'GET /api/config': reply(200, IMAGE_CONFIG),
    'GET /api/session': reply(200, { user: signedIn ? sessionUser() : null }),
    'GET /api/userinfo': signedIn ? reply(200, USER) : reply(401, { error: 'User not authenticated' }),
    'GET /api/watchlist': signedIn ? reply(200, []) : reply(401, { error: 'User not authenticated' }),
  };
  const calls = [];
  const fetch = vi.fn((input, options = {}) => {
    const url = new URL(String(input), 'https://cineverse.test');
    const method = options.method ?? 'GET';
    const call = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: options.headers ?? {},
      body: options.body,
      signal: options.signal,
    };
    calls.push(call);
    const key = `${method} ${url.pathname}`;
    let route = routes[key] ?? defaults[key];
    if (route === undefined && method === 'GET' && /^\/api\/((trending|discover)-|(now-playing|upcoming)$)/.test(url.pathname)) route = reply(200, []);
    if (route === undefined) route = reply(404, { error: 'Not found' });
    const answer = Promise.resolve(typeof route === 'function' ? route(call) : route);
    return new Promise((resolve, reject) => {
      if (options.signal?.aborted) return reject(abortError());
      options.signal?.addEventListener('abort', () => reject(abortError()));
      answer.then(({ status, body }) =>
        resolve(new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })),
      );
    });
  });
  vi.stubGlobal('fetch', fetch);
  return { fetch, calls, callsTo: (method, path) => calls.filter((call) => call.method === method && call.path === path) };
}
