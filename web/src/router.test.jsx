import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import App from './App.jsx';
import { HOME_ROWS, homeRows, parseTitleId, rowKind } from './catalogue.js';
import routeTable from './generated/routes.json';
import { reply, stubApi } from './test/api.js';
import { BRIGADES, NOSFERATU, SEARCH_NOSF } from './test/fixtures.js';
import { renderSite } from './test/render.jsx';

// The real browser router over jsdom's history: what a reload or a shared link does.
function openAt(path) {
  window.history.replaceState(null, '', path);
  return render(<App />);
}

const heading = (name) => screen.findByRole('heading', { level: 1, name });

describe('routes', () => {
  it('opens a film from its address', async () => {
    const api = stubApi({ 'GET /api/movie/653': reply(200, NOSFERATU) });
    openAt('/film/653');
    await heading('Nosferatu');
    expect(api.callsTo('GET', '/api/movie/653')).toHaveLength(1);
    // The title is set by an effect after the page renders, possibly after the heading.
    await waitFor(() => expect(document.title).toBe('Nosferatu — CineVerse'));
  });

  it('opens a series from its address', async () => {
    stubApi({ 'GET /api/tv/950000': reply(200, BRIGADES) });
    openAt('/serie/950000');
    await heading('Les Brigades du Rail');
  });

  it('opens the results of a search from its address', async () => {
    const api = stubApi({ 'GET /api/search-multi': reply(200, SEARCH_NOSF) });
    openAt('/recherche?q=nosf');
    await heading('Résultats pour « nosf »');
    expect(api.callsTo('GET', '/api/search-multi')[0].query).toEqual({ query: 'nosf', page: '1' });
    expect(screen.getByRole('combobox', { name: /Rechercher/ }).value).toBe('nosf');
  });

  it('opens Ma liste, Connexion, Inscription and Profil from their addresses', async () => {
    stubApi();
    for (const [path, name] of [
      ['/ma-liste', 'Ma liste'],
      ['/connexion', 'Connexion'],
      ['/inscription', 'Inscription'],
      ['/profil', 'Profil'],
    ]) {
      const view = openAt(path);
      await heading(name);
      view.unmount();
    }
  });

  it.each(['/nulle-part', '/film', '/film/653/extra', '/films/653'])('shows the introuvable page for %s', async (path) => {
    stubApi();
    openAt(path);
    await heading('Page introuvable');
    expect(screen.getByRole('link', { name: "Retour à l'accueil" }).getAttribute('href')).toBe('/');
  });

  it.each([
    ['/film/abc', 'Film introuvable'],
    ['/film/0', 'Film introuvable'],
    ['/film/0653', 'Film introuvable'],
    ['/film/2147483648', 'Film introuvable'],
    ['/film/1e3', 'Film introuvable'],
    ['/serie/-1', 'Série introuvable'],
  ])('never asks the API for a malformed id: %s', async (path, name) => {
    const api = stubApi();
    openAt(path);
    await heading(name);
    expect(api.calls.filter((call) => /^\/api\/(movie|tv)\//.test(call.path))).toEqual([]);
  });

  it('shows the introuvable page when the service does not know the id', async () => {
    stubApi({ 'GET /api/movie/999999999': reply(404, { error: 'Not found' }) });
    openAt('/film/999999999');
    await heading('Film introuvable');
  });

  it('goes back and forward through the browser history', async () => {
    stubApi({
      'GET /api/trending-movies': reply(200, [{ id: 653, title: 'Nosferatu', poster_path: null, media_type: 'movie' }]),
      'GET /api/movie/653': reply(200, NOSFERATU),
      'GET /api/movie/654': reply(200, { ...NOSFERATU, id: 654, title: 'Le Cabinet du docteur Caligari', similar: [] }),
    });
    openAt('/');
    const row = await screen.findByRole('list', { name: 'Films tendance' });
    fireEvent.click(within(row).getByRole('link', { name: /Nosferatu/ }));
    await heading('Nosferatu');
    expect(window.location.pathname).toBe('/film/653');
    fireEvent.click(within(screen.getByTestId('similar')).getByRole('link', { name: /Caligari/ }));
    await heading('Le Cabinet du docteur Caligari');

    await act(async () => window.history.back());
    await heading('Nosferatu');
    await act(async () => window.history.back());
    await screen.findByRole('list', { name: 'Films tendance' });
    expect(window.location.pathname).toBe('/');
    await act(async () => window.history.forward());
    await heading('Nosferatu');
  });

  it('keeps the skip link, the TMDB notice and its logo on every page', async () => {
    stubApi();
    openAt('/nulle-part');
    await heading('Page introuvable');
    expect(screen.getByRole('link', { name: 'Aller au contenu' }).getAttribute('href')).toBe('#main');
    const footer = screen.getByRole('contentinfo');
    expect(within(footer).getByText('This product uses the TMDB API but is not endorsed or certified by TMDB.')).toBeTruthy();
    expect(within(footer).getByRole('img', { name: 'TMDB' }).getAttribute('src')).toBe('/tmdb-logo.svg');
  });
});

describe('home rows', () => {
  it('are the route table rows with a home_row title, in table order', () => {
    const expected = routeTable.routes.filter((route) => route.home_row).map((route) => ({ route: route.path, title: route.home_row }));
    expect(HOME_ROWS).toEqual(expected);
    expect(HOME_ROWS.length).toBeGreaterThan(0);
  });

  it('follow whatever table they are given', () => {
    const table = {
      routes: [
        { method: 'POST', path: '/login', home_row: null },
        { method: 'GET', path: '/api/trending-tv', home_row: 'Séries tendance' },
        { method: 'GET', path: '/api/userinfo', home_row: null },
        { method: 'GET', path: '/api/discover-western-movies', home_row: 'Western' },
      ],
    };
    expect(homeRows(table)).toEqual([
      { route: '/api/trending-tv', title: 'Séries tendance' },
      { route: '/api/discover-western-movies', title: 'Western' },
    ]);
    expect(rowKind('/api/trending-tv')).toBe('tv');
    expect(rowKind('/api/discover-western-movies')).toBe('movie');
  });

  it('are rendered one section each, and a series row links to series pages', async () => {
    stubApi({ 'GET /api/trending-tv': reply(200, [{ id: 950000, name: 'Les Brigades du Rail', poster_path: null }]) });
    renderSite('/');
    expect(screen.getAllByTestId('row').map((row) => row.querySelector('h2').textContent)).toEqual(HOME_ROWS.map((row) => row.title));
    const tv = await screen.findByRole('list', { name: 'Séries tendance' });
    expect(within(tv).getByRole('link', { name: /Les Brigades du Rail/ }).getAttribute('href')).toBe('/serie/950000');
  });
});

describe('title ids', () => {
  it('accept what the contract accepts', () => {
    expect(parseTitleId('653')).toBe(653);
    expect(parseTitleId('2147483647')).toBe(2147483647);
    for (const bad of ['', '0', '-1', '01', '2147483648', '99999999999', '1.5', 'abc', ' 1', undefined]) {
      expect(parseTitleId(bad), String(bad)).toBeNull();
    }
  });
});

describe('loading and errors', () => {
  it('a film page says it is loading, then shows the film', async () => {
    let release;
    stubApi({ 'GET /api/movie/653': () => new Promise((resolve) => (release = () => resolve(reply(200, NOSFERATU)))) });
    renderSite('/film/653');
    expect((await screen.findByText('Chargement…')).closest('main').getAttribute('aria-busy')).toBe('true');
    await waitFor(() => expect(release).toBeTypeOf('function'));
    release();
    await heading('Nosferatu');
  });
});
