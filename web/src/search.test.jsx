import { act, fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SUGGEST_PAUSE_MS } from './components/SearchBox.jsx';
import { deferred, reply, stubApi } from './test/api.js';
import { SEARCH_NOSF } from './test/fixtures.js';
import { renderSite } from './test/render.jsx';

// The pause runs on a fake clock. Testing Library's findBy and waitFor wait on that same
// setTimeout, so answers are awaited with settle() instead: a few turns of the event loop
// (setImmediate keeps real time) inside act, then plain getBy queries.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

const settle = () =>
  act(async () => {
    for (let turn = 0; turn < 10; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  });
const found = async (...query) => {
  await settle();
  return screen.getByRole(...query);
};

const box = () => screen.getByRole('combobox', { name: 'Rechercher un film, une série ou une personne' });
const type = (text) => fireEvent.change(box(), { target: { value: text } });
const wait = (ms) => act(() => vi.advanceTimersByTime(ms));
const location = () => screen.getByTestId('location').textContent;
const searches = (api) => api.callsTo('GET', '/api/search-multi');

async function withSuggestions() {
  const api = stubApi({ 'GET /api/search-multi': reply(200, SEARCH_NOSF) });
  renderSite('/');
  type('nosf');
  wait(SUGGEST_PAUSE_MS);
  await found('option', { name: 'Nosferatu, 1922, Film' });
  return api;
}

describe('search box', () => {
  it('asks once, after a pause in typing, for what was typed last', async () => {
    const api = stubApi({ 'GET /api/search-multi': reply(200, SEARCH_NOSF) });
    renderSite('/');
    for (const text of ['n', 'no', 'nos', 'nosf']) {
      type(text);
      wait(100);
    }
    expect(searches(api)).toHaveLength(0);
    wait(SUGGEST_PAUSE_MS - 101);
    expect(searches(api)).toHaveLength(0);
    wait(1);
    expect(searches(api).map((call) => call.query)).toEqual([{ query: 'nosf', page: '1' }]);
    const list = await found('listbox', { name: 'Suggestions' });
    expect(within(list).getAllByRole('option').map((option) => option.getAttribute('aria-label'))).toEqual([
      'Nosferatu, 1922, Film',
      'Nosferatu, la série, 2022, Série',
      'Max Schreck, Personne',
    ]);
    expect(box().getAttribute('aria-expanded')).toBe('true');
    expect(box().getAttribute('aria-controls')).toBe(list.id);
  });

  it('aborts the request of a query that is no longer typed', async () => {
    const pending = [];
    stubApi({
      'GET /api/search-multi': (call) => {
        const later = deferred();
        pending.push({ call, ...later });
        return later.promise;
      },
    });
    renderSite('/');
    type('nos');
    wait(SUGGEST_PAUSE_MS);
    expect(pending.map((request) => request.call.query.query)).toEqual(['nos']);
    expect(pending[0].call.signal.aborted).toBe(false);

    type('nosf');
    expect(pending[0].call.signal.aborted).toBe(true);
    wait(SUGGEST_PAUSE_MS);
    expect(pending.map((request) => request.call.query.query)).toEqual(['nos', 'nosf']);

    pending[1].answer(reply(200, SEARCH_NOSF));
    pending[0].answer(reply(200, [{ id: 7, media_type: 'movie', title: 'Nostalgie de la lumière' }]));
    await found('option', { name: 'Nosferatu, 1922, Film' });
    expect(screen.queryByRole('option', { name: /Nostalgie/ })).toBeNull();
    expect(pending[1].call.signal.aborted).toBe(false);
  });

  it('does not suggest for one character or past the 100-character limit', () => {
    const api = stubApi();
    renderSite('/');
    type('n');
    wait(SUGGEST_PAUSE_MS * 2);
    type('x'.repeat(101));
    wait(SUGGEST_PAUSE_MS * 2);
    expect(searches(api)).toHaveLength(0);
    expect(box().getAttribute('aria-expanded')).toBe('false');
  });

  it('says when nothing matches, or when suggestions cannot be had', async () => {
    let fail = false;
    stubApi({ 'GET /api/search-multi': () => (fail ? reply(500, { error: 'Internal server error' }) : reply(200, [])) });
    renderSite('/');
    type('zzz');
    wait(SUGGEST_PAUSE_MS);
    await settle();
    const note = box().closest('form').querySelector('[aria-live=polite]');
    expect(note.textContent).toBe('Aucune suggestion');
    expect(box().getAttribute('aria-expanded')).toBe('false');
    fail = true;
    type('zzzz');
    wait(SUGGEST_PAUSE_MS);
    await settle();
    expect(note.textContent).toBe('Suggestions indisponibles');
  });

  it('moves through the suggestions with the arrow keys and closes them with Escape', async () => {
    await withSuggestions();
    const active = () => box().getAttribute('aria-activedescendant');
    const selected = () => screen.getAllByRole('option').filter((option) => option.getAttribute('aria-selected') === 'true');

    expect(active()).toBeNull();
    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    expect(active()).toBe('suggestion-0');
    expect(selected().map((option) => option.id)).toEqual(['suggestion-0']);
    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    expect(active()).toBe('suggestion-2');
    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    expect(active()).toBe('suggestion-0');
    fireEvent.keyDown(box(), { key: 'ArrowUp' });
    expect(active()).toBe('suggestion-2');

    fireEvent.keyDown(box(), { key: 'Escape' });
    expect(box().getAttribute('aria-expanded')).toBe('false');
    expect(active()).toBeNull();
    expect(screen.getByRole('listbox', { hidden: true }).hidden).toBe(true);
    expect(location()).toBe('/');

    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    expect(box().getAttribute('aria-expanded')).toBe('true');
    expect(active()).toBe('suggestion-0');
  });

  it('opens the chosen suggestion with Enter', async () => {
    await withSuggestions();
    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(location()).toBe('/film/653');
    expect(box().getAttribute('aria-expanded')).toBe('false');
  });

  it('opens a series suggestion with a click, and a person one on their page', async () => {
    await withSuggestions();
    fireEvent.click(screen.getByRole('option', { name: /^Nosferatu, la série/ }));
    expect(location()).toBe('/serie/950002');

    type('schreck');
    wait(SUGGEST_PAUSE_MS);
    await found('option', { name: /Max Schreck/ });
    fireEvent.keyDown(box(), { key: 'ArrowUp' });
    fireEvent.keyDown(box(), { key: 'Enter' });
    // The person page is a lazy route: the navigation commits once its code has loaded.
    await vi.waitFor(() => expect(location()).toBe('/personne/1'));
  });

  it('submits to the results page on Enter when no suggestion is chosen', async () => {
    const api = await withSuggestions();
    fireEvent.submit(box().closest('form'));
    expect(location()).toBe('/recherche?q=nosf');
    await found('heading', { level: 1, name: 'Résultats pour « nosf »' });
    expect(searches(api).at(-1).query).toEqual({ query: 'nosf', page: '1' });
  });
});

describe('results page', () => {
  it('shows posters, titles, years and kinds, and people lead to their page and their titles', async () => {
    stubApi({ 'GET /api/search-multi': reply(200, SEARCH_NOSF) });
    renderSite('/recherche?q=nosf');
    const results = await found('list', { name: 'Résultats' });
    const film = within(results).getByRole('link', { name: /^Nosferatu\s*·\s*1922\s*·\s*Film$/ });
    expect(film.getAttribute('href')).toBe('/film/653');
    expect(film.querySelector('img').getAttribute('src')).toBe('/demo-images/w342/poster-653.svg');
    expect(within(results).getByRole('link', { name: /^Nosferatu, la série\s*·\s*2022\s*·\s*Série$/ }).getAttribute('href')).toBe('/serie/950002');
    const person = within(results).getByTestId('person');
    expect(person.textContent).toContain('Max Schreck · Personne');
    expect(within(person).getByRole('link', { name: 'Nosferatu' }).getAttribute('href')).toBe('/film/653');
    const page = within(person).getByRole('link', { name: /^Max Schreck\s*·\s*Personne$/ });
    expect(page.getAttribute('href')).toBe('/personne/1');
    expect(page.querySelector('img').getAttribute('src')).toBe('/demo-images/w185/person-1.svg');
  });

  it('says so in French when the query is refused as too long', async () => {
    stubApi({ 'GET /api/search-multi': reply(400, { error: 'query must be 1 to 100 characters' }) });
    renderSite(`/recherche?q=${'x'.repeat(101)}`);
    expect((await found('alert')).textContent).toBe('Votre recherche doit compter de 1 à 100 caractères.');
    expect(screen.queryByRole('button', { name: 'Réessayer' })).toBeNull();
  });

  it('offers to try again when the search fails', async () => {
    let fail = true;
    stubApi({ 'GET /api/search-multi': () => (fail ? reply(500, { error: 'Internal server error' }) : reply(200, SEARCH_NOSF)) });
    renderSite('/recherche?q=nosf');
    expect((await found('alert')).textContent).toBe('La recherche est indisponible pour le moment.');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    await found('list', { name: 'Résultats' });
  });

  it('loads the next page when the first one is full', async () => {
    const full = Array.from({ length: 20 }, (_, index) => ({ id: index + 1, media_type: 'movie', title: `Film ${index + 1}` }));
    const api = stubApi({
      'GET /api/search-multi': (call) => reply(200, call.query.page === '1' ? full : [{ id: 99, media_type: 'movie', title: 'Dernier film' }]),
    });
    renderSite('/recherche?q=film');
    await found('link', { name: /Film 20/ });
    fireEvent.click(screen.getByRole('button', { name: 'Afficher plus de résultats' }));
    await found('link', { name: /Dernier film/ });
    expect(searches(api).map((call) => call.query.page)).toEqual(['1', '2']);
    expect(screen.queryByRole('button', { name: 'Afficher plus de résultats' })).toBeNull();
  });
});
