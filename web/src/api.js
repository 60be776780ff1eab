// Every call the client makes: same-origin, the session in the HttpOnly cookie only.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function call(method, path, body) {
  const options = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
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
  me: () => call('GET', '/@me'),
  userInfo: () => call('GET', '/api/userinfo'),
  register: (fields) => call('POST', '/register', fields),
  login: (username, password) => call('POST', '/login', { username, password }),
  logout: () => call('POST', '/logout', {}),
  modify: (changes) => call('PATCH', '/modify', changes),
  catalogue: (route) => call('GET', route),
};

// The messages shown for the server's answers, in French.
export function loginMessage(error) {
  if (error.status === 429) return 'trop de tentatives, réessayez plus tard';
  if (error.message === 'Incorrect Login') return "Nom d'utilisateur inconnu";
  if (error.message === 'Incorrect Password') return 'Mot de passe incorrect';
  return `Connexion impossible : ${error.message}`;
}

export function signUpMessage(error) {
  if (error.status === 409) return "ce nom d'utilisateur ou cet e-mail est déjà pris";
  if (error.status === 429) return 'trop de tentatives, réessayez plus tard';
  return error.message;
}
