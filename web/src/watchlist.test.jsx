import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { deferred, reply, stubApi, sessionUser, USER } from './test/api.js';
import { NOSFERATU } from './test/fixtures.js';
import { renderSite } from './test/render.jsx';

const KEPT_METROPOLIS = { media_type: 'movie', id: 655, title: 'Metropolis', poster_path: null, release_date: '1927-01-10', added_at: '2026-12-01T18:40:00Z' };
const KEPT_NOSFERATU = { media_type: 'movie', id: 653, title: 'Nosferatu', poster_path: '/poster-653.svg', release_date: '1922-02-16', added_at: '2026-12-02T09:00:00Z' };

const pageToggle = () => within(screen.getByRole('main').querySelector('.title-facts')).getByTestId('watchlist-toggle');
const location = () => screen.getByTestId('location').textContent;

async function openFilmSignedIn(routes = {}) {
  const api = stubApi({ 'GET /api/movie/653': reply(200, NOSFERATU), ...routes }, { signedIn: true });
  renderSite('/film/653');
  await screen.findByRole('heading', { level: 1, name: 'Nosferatu' });
  await waitFor(() => expect(pageToggle().getAttribute('aria-busy')).toBeNull());
  return api;
}

describe('watchlist toggle', () => {
  it("adds at once, then sends a bodyless PUT, and keeps the server's item", async () => {
    const put = deferred();
    const api = await openFilmSignedIn({ 'PUT /api/watchlist/movie/653': () => put.promise });
    expect(pageToggle().textContent).toBe('+Ajouter à ma liste');

    fireEvent.click(pageToggle());
    expect(pageToggle().textContent).toBe('✓Dans ma liste');
    const [call] = api.callsTo('PUT', '/api/watchlist/movie/653');
    expect(call.body).toBeUndefined();
    expect(call.headers['Content-Type']).toBeUndefined();

    put.answer(reply(200, KEPT_NOSFERATU));
    await waitFor(() => expect(pageToggle().getAttribute('aria-busy')).toBeNull());
    expect(pageToggle().textContent).toBe('✓Dans ma liste');
  });

  it('puts the list back and says why when the list is full (409)', async () => {
    const put = deferred();
    await openFilmSignedIn({ 'PUT /api/watchlist/movie/653': () => put.promise });
    fireEvent.click(pageToggle());
    expect(pageToggle().textContent).toBe('✓Dans ma liste');
    put.answer(reply(409, { error: 'Watchlist is full' }));
    const alert = await screen.findByRole('alert');
    expect(alert.firstChild.textContent).toBe('Votre liste est pleine');
    expect(pageToggle().textContent).toBe('+Ajouter à ma liste');
  });

  it('puts a removed title back when the catalogue is unavailable (503)', async () => {
    const api = await openFilmSignedIn({
      'GET /api/watchlist': reply(200, [KEPT_NOSFERATU, KEPT_METROPOLIS]),
      'DELETE /api/watchlist/movie/653': reply(503, { error: 'Catalogue unavailable' }),
    });
    expect(pageToggle().textContent).toBe('✓Dans ma liste');
    fireEvent.click(pageToggle());
    expect(pageToggle().textContent).toBe('+Ajouter à ma liste');
    expect((await screen.findByRole('alert')).firstChild.textContent).toBe('Catalogue indisponible, réessayez');
    expect(pageToggle().textContent).toBe('✓Dans ma liste');
    const [call] = api.callsTo('DELETE', '/api/watchlist/movie/653');
    expect(call.body).toBeUndefined();
    expect(call.headers['Content-Type']).toBeUndefined();
  });

  it('is one state for the page and every card showing the same title', async () => {
    await openFilmSignedIn({
      'PUT /api/watchlist/movie/655': reply(200, { ...KEPT_METROPOLIS, added_at: '2026-12-03T10:00:00Z' }),
    });
    const card = within(screen.getByTestId('similar')).getByRole('link', { name: /Metropolis/ }).closest('li');
    fireEvent.click(within(card).getByTestId('watchlist-toggle'));
    expect(within(card).getByTestId('watchlist-toggle').textContent).toBe('✓Dans ma liste');
    fireEvent.click(screen.getByRole('link', { name: 'Ma liste' }));
    const list = await screen.findByRole('list', { name: 'Ma liste' });
    expect(within(list).getByRole('link', { name: /Metropolis/ }).getAttribute('href')).toBe('/film/655');
  });

  it('sends a visitor to Connexion, and back to the film once logged in', async () => {
    let signedIn = false;
    const api = stubApi({
      'GET /api/movie/653': reply(200, NOSFERATU),
      'GET /api/session': () => reply(200, { user: signedIn ? sessionUser() : null }),
      'GET /api/userinfo': () => (signedIn ? reply(200, USER) : reply(401, { error: 'User not authenticated' })),
      'POST /login': () => {
        signedIn = true;
        return reply(200, { id: USER.id, username: USER.username, isconnected: true });
      },
      'GET /api/watchlist': reply(200, []),
    });
    renderSite('/film/653');
    await screen.findByRole('heading', { level: 1, name: 'Nosferatu' });
    await screen.findByRole('link', { name: 'Connexion' });
    fireEvent.click(pageToggle());
    await screen.findByRole('heading', { level: 1, name: 'Connexion' });
    expect(location()).toBe('/connexion');
    expect(api.callsTo('PUT', '/api/watchlist/movie/653')).toHaveLength(0);
    expect(screen.getByText('Connectez-vous pour garder des titres dans votre liste.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText("Nom d'utilisateur"), { target: { value: 'ada' } });
    fireEvent.change(screen.getByLabelText('Mot de passe'), { target: { value: 'un mot de passe solide' } });
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    await screen.findByRole('heading', { level: 1, name: 'Nosferatu' });
    expect(location()).toBe('/film/653');
    await waitFor(() => expect(api.callsTo('GET', '/api/watchlist')).toHaveLength(1));
  });
});

describe('Ma liste', () => {
  it('lists the titles newest first and removes one', async () => {
    const api = stubApi(
      {
        'GET /api/watchlist': reply(200, [KEPT_NOSFERATU, KEPT_METROPOLIS]),
        'DELETE /api/watchlist/movie/653': reply(200, { removed: true }),
      },
      { signedIn: true },
    );
    renderSite('/ma-liste');
    const list = await screen.findByRole('list', { name: 'Ma liste' });
    expect(within(list).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['/film/653', '/film/655']);
    fireEvent.click(within(list).getAllByRole('button', { name: 'Retirer de ma liste' })[0]);
    expect(within(list).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['/film/655']);
    await waitFor(() => expect(api.callsTo('DELETE', '/api/watchlist/movie/653')).toHaveLength(1));
  });

  it('says the list is empty', async () => {
    stubApi({}, { signedIn: true });
    renderSite('/ma-liste');
    await screen.findByText(/Votre liste est vide/);
  });

  it('offers to try again when the list cannot be loaded', async () => {
    let fail = true;
    stubApi({ 'GET /api/watchlist': () => (fail ? reply(500, { error: 'Internal server error' }) : reply(200, [KEPT_METROPOLIS])) }, { signedIn: true });
    renderSite('/ma-liste');
    expect((await screen.findByRole('alert')).textContent).toBe("Votre liste n'a pas pu être chargée.");
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    await screen.findByRole('list', { name: 'Ma liste' });
  });

  it('asks a visitor to log in', async () => {
    const api = stubApi();
    renderSite('/ma-liste');
    const link = await screen.findByRole('link', { name: 'Connectez-vous' });
    expect(link.getAttribute('href')).toBe('/connexion');
    expect(api.callsTo('GET', '/api/watchlist')).toHaveLength(0);
  });
});
