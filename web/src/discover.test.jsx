import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import App from './App.jsx';
import { apiQuery, filtersToSearch, normaliseList, readFilters, switchKind } from './discover.js';
import { reply, stubApi } from './test/api.js';
import { PROVIDERS, discoverPage } from './test/fixtures.js';
import { renderSite } from './test/render.jsx';

// The page is a lazy route: its code is loaded once here, so that each test only waits
// for the API's answers.
beforeAll(async () => {
  await import('./pages/Discover.jsx');
});

// jsdom has no IntersectionObserver: this one lets a test say "the end of the list is near"
// (the sentinel under the results), or "these posters are near" (each waits for it).
let observers;
class FakeIntersectionObserver {
  constructor(callback, options) {
    this.callback = callback;
    this.options = options;
    this.targets = [];
    observers.add(this);
  }
  observe(target) {
    this.targets.push(target);
  }
  unobserve(target) {
    this.targets = this.targets.filter((observed) => observed !== target);
  }
  disconnect() {
    this.targets = [];
    observers.delete(this);
  }
}
const watching = (test) => [...observers].filter((observer) => observer.targets.some(test));
const isSentinel = (target) => target.className === 'sentinel';
const scrollToEnd = () =>
  act(async () => {
    for (const observer of watching(isSentinel)) observer.callback(observer.targets.map((target) => ({ target, isIntersecting: true })));
  });
const bringNear = (targets) =>
  act(async () => {
    for (const target of targets) for (const observer of watching((observed) => observed === target)) observer.callback([{ target, isIntersecting: true }]);
  });

beforeEach(() => {
  observers = new Set();
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
});

const location = () => screen.getByTestId('location').textContent;
// The URLs exactly as fetch got them: the order and the commas are what the caches key on.
const discoverUrls = (api) => api.fetch.mock.calls.map(([url]) => String(url)).filter((url) => url.startsWith('/api/discover/'));
const results = () => screen.findByRole('list', { name: 'Résultats' });

function stubDiscover(routes = {}, page = discoverPage({ count: 3 })) {
  return stubApi({
    'GET /api/providers': reply(200, PROVIDERS),
    'GET /api/discover/movie': reply(200, page),
    'GET /api/discover/tv': reply(200, discoverPage({ count: 2, kind: 'tv' })),
    ...routes,
  });
}

const checkbox = (name) => screen.getByRole('checkbox', { name });
const select = (name) => screen.getByRole('combobox', { name });

describe('Découvrir: filters in the URL, the question to the API', () => {
  it('reads every filter from the URL and asks with the contract’s names, in its order, ids sorted', async () => {
    const api = stubDiscover();
    renderSite(
      '/decouvrir?providers=9102,9101&genres=35,18&genres_mode=any&year_from=1920&year_to=1929&rating_min=7&votes_min=100' +
        '&runtime_max=99&original_language=de&certification_max=12&monetization=rent,flatrate&sort=rating',
    );
    await results();
    expect(discoverUrls(api)).toEqual([
      '/api/discover/movie?genres=18,35&genres_mode=any&year_from=1920&year_to=1929&rating_min=7&votes_min=100' +
        '&runtime_max=99&original_language=de&certification_max=12&providers=9101,9102&monetization=flatrate,rent&sort=rating',
    ]);

    expect(checkbox('Drame').checked).toBe(true);
    expect(checkbox('Comédie').checked).toBe(true);
    expect(checkbox('Action').checked).toBe(false);
    expect(screen.getByRole('radio', { name: 'L’un de ces genres' }).checked).toBe(true);
    expect(screen.getByRole('button', { name: 'Années 1920' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Années 1930' }).getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByLabelText('Année de début').value).toBe('1920');
    expect(screen.getByLabelText('Année de fin').value).toBe('1929');
    expect(select('Note minimale').value).toBe('7');
    expect(select('Nombre de votes minimum').value).toBe('100');
    expect(select('Durée').value).toBe('under-100');
    expect(select('Langue originale').value).toBe('de');
    expect(select('Langue originale').selectedOptions[0].textContent).toBe('Allemand');
    expect(select('Classification (âge)').value).toBe('12');
    expect(select('Trier par').value).toBe('rating');
    expect(await screen.findByRole('checkbox', { name: 'Bobine' })).toBeTruthy();
    expect(checkbox('Bobine').checked).toBe(true);
    expect(checkbox('Fondu Enchaîné').checked).toBe(true);
    expect(checkbox('Plan-Séquence').checked).toBe(false);
    expect(checkbox('Abonnement').checked).toBe(true);
    expect(checkbox('Location').checked).toBe(true);
    expect(checkbox('Achat').checked).toBe(false);

    const active = within(screen.getByRole('list', { name: 'Filtres actifs' }));
    expect(active.getAllByRole('button', { name: /^Retirer le filtre/ }).map((button) => button.getAttribute('aria-label'))).toEqual([
      'Retirer le filtre Genres : Drame ou Comédie',
      'Retirer le filtre Période : Années 1920',
      'Retirer le filtre Note minimale : 7 et plus',
      'Retirer le filtre Votes : Au moins 100',
      'Retirer le filtre Durée : Moins de 100 min',
      'Retirer le filtre Langue originale : Allemand',
      'Retirer le filtre Classification : Jusqu’à -12 ans',
      'Retirer le filtre Services : Bobine, Fondu Enchaîné',
      'Retirer le filtre Offres : Abonnement, Location',
    ]);
    await waitFor(() => expect(document.title).toBe('Films : Drame ou Comédie, Années 1920, 7 et plus… — Découvrir — CineVerse'));
  });

  it('asks one URL for two spellings of one question, and none of the defaults', async () => {
    const api = stubDiscover();
    const view = renderSite('/decouvrir?genres=35,%2018,35,018&sort=popularity&genres_mode=all&unknown=1');
    await results();
    view.unmount();
    renderSite('/decouvrir');
    await results();
    expect(discoverUrls(api)).toEqual(['/api/discover/movie?genres=18,35', '/api/discover/movie']);
    await waitFor(() => expect(document.title).toBe('Films — Découvrir — CineVerse'));
  });

  it('writes each change to the URL, ids sorted, and asks again', async () => {
    const api = stubDiscover();
    renderSite('/decouvrir');
    await results();
    fireEvent.click(checkbox('Drame'));
    expect(location()).toBe('/decouvrir?genres=18');
    fireEvent.click(checkbox('Comédie'));
    expect(location()).toBe('/decouvrir?genres=18,35');
    fireEvent.click(screen.getByRole('radio', { name: 'L’un de ces genres' }));
    expect(location()).toBe('/decouvrir?genres=18,35&genres_mode=any');
    fireEvent.click(screen.getByRole('button', { name: 'Années 1920' }));
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Fondu Enchaîné' }));
    fireEvent.click(checkbox('Bobine'));
    fireEvent.click(checkbox('Location'));
    fireEvent.click(checkbox('Abonnement'));
    fireEvent.change(select('Trier par'), { target: { value: 'title' } });
    fireEvent.change(select('Durée'), { target: { value: 'over-120' } });
    fireEvent.change(select('Classification (âge)'), { target: { value: 'U' } });
    const expected = 'genres=18,35&genres_mode=any&year_from=1920&year_to=1929&runtime_min=121&certification_max=U&providers=9101,9102&monetization=flatrate,rent&sort=title';
    expect(location()).toBe(`/decouvrir?${expected}`);
    await results();
    await waitFor(() => expect(discoverUrls(api).at(-1)).toBe(`/api/discover/movie?${expected}`));

    // Unticking the second genre drops the mode, which means nothing with one genre.
    fireEvent.click(checkbox('Comédie'));
    expect(location()).toBe(`/decouvrir?${expected.replace('18,35&genres_mode=any', '18')}`);
    fireEvent.click(screen.getByRole('button', { name: 'Années 1920' }));
    expect(location()).not.toContain('year_');
    fireEvent.click(screen.getByRole('button', { name: 'Effacer les filtres' }));
    expect(location()).toBe('/decouvrir?sort=title');
  });

  it('removes one filter from its chip', async () => {
    stubDiscover();
    renderSite('/decouvrir?genres=18&providers=9101');
    await results();
    fireEvent.click(await screen.findByRole('button', { name: 'Retirer le filtre Services : Bobine' }));
    expect(location()).toBe('/decouvrir?genres=18');
  });

  it('applies typed years on Enter, in order, and refuses a year out of range', async () => {
    stubDiscover();
    renderSite('/decouvrir');
    await results();
    const from = screen.getByLabelText('Année de début');
    fireEvent.change(from, { target: { value: '1935' } });
    expect(location()).toBe('/decouvrir');
    fireEvent.keyDown(from, { key: 'Enter' });
    expect(location()).toBe('/decouvrir?year_from=1935');
    const to = screen.getByLabelText('Année de fin');
    fireEvent.change(to, { target: { value: '1925' } });
    fireEvent.blur(to);
    expect(location()).toBe('/decouvrir?year_from=1925&year_to=1935');

    fireEvent.change(from, { target: { value: '1700' } });
    fireEvent.keyDown(from, { key: 'Enter' });
    expect(location()).toBe('/decouvrir?year_from=1925&year_to=1935');
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(from.getAttribute('aria-describedby')).textContent).toBe('Une année de 1870 à 2100');
  });

  it('switches to series: their genres, no age rating, the series route', async () => {
    const api = stubDiscover();
    renderSite('/decouvrir?genres=28,18&certification_max=12&sort=release');
    await results();
    fireEvent.click(screen.getByRole('radio', { name: 'Séries' }));
    expect(location()).toBe('/decouvrir?type=tv&genres=18&sort=release');
    const list = await results();
    expect(discoverUrls(api).at(-1)).toBe('/api/discover/tv?genres=18&sort=release');
    expect(within(list).getAllByRole('link')[0].getAttribute('href')).toBe('/serie/900001');
    expect(screen.queryByRole('combobox', { name: 'Classification (âge)' })).toBeNull();
    expect(checkbox('Feuilleton').checked).toBe(false);
    expect(screen.queryByRole('checkbox', { name: 'Action' })).toBeNull();
    expect(screen.getByText('2 séries')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Films' }));
    expect(location()).toBe('/decouvrir?genres=18&sort=release');
  });

  it('shows the services of France with their logos, in their order', async () => {
    const many = Array.from({ length: 15 }, (_, index) => ({ provider_id: 100 + index, provider_name: `Service ${index + 1}`, logo_path: `/logo-${index}.svg`, display_priority: index }));
    stubDiscover({ 'GET /api/providers': reply(200, [...PROVIDERS, ...many]) });
    renderSite('/decouvrir?providers=114');
    const services = (await screen.findByRole('group', { name: 'Services de streaming' }));
    const bobine = (await within(services).findByRole('checkbox', { name: 'Bobine' })).closest('label');
    // A logo, like any lazy picture, waits to come near the screen (the panel may be a closed sheet).
    expect(bobine.querySelector('img')).toBeNull();
    await bringNear([within(bobine).getByTestId('placeholder')]);
    expect(bobine.querySelector('img').getAttribute('src')).toBe('/demo-images/w92/logo-provider-9101.svg');
    expect(bobine.querySelector('img').getAttribute('alt')).toBe('');
    // No logo: initials in a placeholder of the same size.
    const plan = within(services).getByRole('checkbox', { name: 'Plan-Séquence' }).closest('label');
    expect(within(plan).getByTestId('placeholder').textContent).toBe('PS');
    // Twelve first, and any chosen one beyond them; the rest on demand.
    const names = () => within(services).getAllByRole('checkbox').map((box) => box.closest('label').textContent);
    expect(names()).toHaveLength(13);
    expect(names().slice(0, 3)).toEqual(['Bobine', 'Fondu Enchaîné', 'PSPlan-Séquence']);
    expect(names().at(-1)).toBe('Service 15');
    fireEvent.click(within(services).getByRole('button', { name: 'Afficher tous les services (18)' }));
    expect(names()).toHaveLength(18);
  });
});

describe('Découvrir: back, forward and reload', () => {
  function openAt(path) {
    window.history.replaceState(null, '', path);
    return render(<App />);
  }

  it('steps back and forward through the filters, and a reload keeps them', async () => {
    const api = stubDiscover();
    const view = openAt('/decouvrir');
    await results();
    fireEvent.click(checkbox('Drame'));
    fireEvent.click(screen.getByRole('button', { name: 'Années 1920' }));
    expect(window.location.search).toBe('?genres=18&year_from=1920&year_to=1929');

    await act(async () => window.history.back());
    await waitFor(() => expect(window.location.search).toBe('?genres=18'));
    expect(screen.getByRole('button', { name: 'Années 1920' }).getAttribute('aria-pressed')).toBe('false');
    expect(checkbox('Drame').checked).toBe(true);
    await act(async () => window.history.back());
    await waitFor(() => expect(checkbox('Drame').checked).toBe(false));
    await act(async () => window.history.forward());
    await waitFor(() => expect(checkbox('Drame').checked).toBe(true));
    await act(async () => window.history.forward());
    await waitFor(() => expect(screen.getByRole('button', { name: 'Années 1920' }).getAttribute('aria-pressed')).toBe('true'));
    await results();
    expect(discoverUrls(api).at(-1)).toBe('/api/discover/movie?genres=18&year_from=1920&year_to=1929');

    view.unmount();
    openAt(window.location.pathname + window.location.search);
    await results();
    expect(checkbox('Drame').checked).toBe(true);
    expect(screen.getByRole('button', { name: 'Années 1920' }).getAttribute('aria-pressed')).toBe('true');
    expect(discoverUrls(api).at(-1)).toBe('/api/discover/movie?genres=18&year_from=1920&year_to=1929');
  });

  it('is in the main navigation', async () => {
    stubDiscover();
    openAt('/');
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    fireEvent.click(within(nav).getByRole('link', { name: 'Découvrir' }));
    await screen.findByRole('heading', { level: 1, name: 'Découvrir' });
    expect(within(nav).getByRole('link', { name: 'Découvrir' }).getAttribute('aria-current')).toBe('page');
  });
});

describe('Découvrir: results', () => {
  it('loads the next page as the end of the list nears, and stops after the last', async () => {
    const api = stubDiscover({
      'GET /api/discover/movie': (call) =>
        reply(200, call.query.page === '2' ? discoverPage({ page: 2, total_pages: 2, total_results: 25, count: 5, first: 21 }) : discoverPage({ total_pages: 2, total_results: 25 })),
    });
    renderSite('/decouvrir?genres=18');
    const list = await results();
    expect(within(list).getAllByTestId('poster')).toHaveLength(20);
    expect(screen.getByText('25 films')).toBeTruthy();
    const sentinelObservers = watching(isSentinel);
    expect(sentinelObservers).toHaveLength(1);
    expect(sentinelObservers[0].targets).toHaveLength(1);
    // The posters wait to come near the screen, each in its box, and ask for nothing till then.
    expect(list.querySelectorAll('img')).toHaveLength(0);
    const boxes = [...list.querySelectorAll('.picture-poster.waiting')];
    expect(boxes).toHaveLength(20);
    await bringNear(boxes.slice(0, 6));
    expect(list.querySelectorAll('img')).toHaveLength(6);
    expect(list.querySelectorAll('.picture-poster.waiting')).toHaveLength(14);

    await scrollToEnd();
    await waitFor(() => expect(within(list).getAllByTestId('poster')).toHaveLength(25));
    expect(discoverUrls(api)).toEqual(['/api/discover/movie?genres=18', '/api/discover/movie?genres=18&page=2']);
    expect(within(list).getAllByRole('link').at(-1).getAttribute('href')).toBe('/film/900025');
    expect(watching(isSentinel)).toHaveLength(0);
    await scrollToEnd();
    expect(discoverUrls(api)).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Afficher plus de films' })).toBeNull();
  });

  it('offers a button for the next page too, and says when it fails', async () => {
    let fail = true;
    const api = stubDiscover({
      'GET /api/discover/movie': (call) =>
        call.query.page === '2'
          ? fail
            ? reply(503, { error: 'Catalogue unavailable' })
            : reply(200, discoverPage({ page: 2, total_pages: 3, total_results: 60, first: 21 }))
          : reply(200, discoverPage({ total_pages: 3, total_results: 60 })),
    });
    renderSite('/decouvrir');
    const list = await results();
    fireEvent.click(screen.getByRole('button', { name: 'Afficher plus de films' }));
    expect((await screen.findByRole('alert')).textContent).toBe('La suite n’a pas pu être chargée.');
    // A failed page is not asked again by itself.
    expect(watching(isSentinel)).toHaveLength(0);
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    await waitFor(() => expect(within(list).getAllByTestId('poster')).toHaveLength(40));
    expect(discoverUrls(api).map((url) => new URL(url, 'https://x.test').searchParams.get('page'))).toEqual([null, '2', '2']);
  });

  it('names the most restrictive filter when nothing matches, and removes it in one click', async () => {
    const totals = { 'genres,year_from,year_to': 12, 'genres,providers': 3, 'year_from,year_to,providers': 0 };
    const api = stubDiscover({
      'GET /api/discover/movie': (call) => {
        const asked = Object.keys(call.query).join(',');
        const total = totals[asked] ?? 0;
        return reply(200, discoverPage({ count: Math.min(total, 20), total_results: total }));
      },
    });
    renderSite('/decouvrir?genres=18&year_from=1920&year_to=1929&providers=9101');
    const empty = await screen.findByTestId('discover-empty');
    expect(within(empty).getByText('Aucun film ne correspond à ces filtres.')).toBeTruthy();
    const named = await within(empty).findByTestId('restrictive-filter');
    await waitFor(() => expect(named.textContent).toBe('Le filtre le plus restrictif est « Services : Bobine » : sans lui, 12 films correspondent.'));
    expect(discoverUrls(api).slice(1).sort()).toEqual([
      '/api/discover/movie?genres=18&providers=9101',
      '/api/discover/movie?genres=18&year_from=1920&year_to=1929',
      '/api/discover/movie?year_from=1920&year_to=1929&providers=9101',
    ]);
    fireEvent.click(within(empty).getByRole('button', { name: 'Retirer le filtre « Services »' }));
    expect(location()).toBe('/decouvrir?genres=18&year_from=1920&year_to=1929');
    expect(within(await results()).getAllByTestId('poster')).toHaveLength(12);
  });

  it('with one filter, names it without asking anything more', async () => {
    const api = stubDiscover({ 'GET /api/discover/movie': reply(200, discoverPage({ count: 0, total_results: 0 })) });
    renderSite('/decouvrir?monetization=free');
    const empty = await screen.findByTestId('discover-empty');
    expect(within(empty).getByText('Aucun film ne correspond à ce filtre.')).toBeTruthy();
    expect(within(empty).getByText('Essayez sans le filtre « Offres : Gratuit ».')).toBeTruthy();
    fireEvent.click(within(empty).getByRole('button', { name: 'Retirer le filtre « Offres »' }));
    expect(location()).toBe('/decouvrir');
    expect(discoverUrls(api)).toEqual(['/api/discover/movie?monetization=free', '/api/discover/movie']);
  });

  it('says in French which filter the API refused, and removes it', async () => {
    stubDiscover({
      'GET /api/discover/movie': (call) => (call.query.runtime_max ? reply(400, { error: 'Invalid parameter: runtime_max' }) : reply(200, discoverPage({ count: 1 }))),
    });
    renderSite('/decouvrir?runtime_max=beaucoup&genres=18');
    expect((await screen.findByRole('alert')).textContent).toBe('Le filtre « Durée » n’est pas valable : changez-le ou retirez-le.');
    expect(select('Durée').selectedOptions[0].textContent).toBe('De 0 à beaucoup min');
    fireEvent.click(screen.getByRole('button', { name: 'Retirer le filtre « Durée »' }));
    expect(location()).toBe('/decouvrir?genres=18');
    await results();
  });

  it('offers to try again when the catalogue is unavailable', async () => {
    let down = true;
    stubDiscover({ 'GET /api/discover/movie': () => (down ? reply(503, { error: 'Catalogue unavailable' }) : reply(200, discoverPage({ count: 2 }))) });
    renderSite('/decouvrir');
    expect((await screen.findByRole('alert')).textContent).toBe('Les films sont indisponibles pour le moment.');
    down = false;
    fireEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(within(await results()).getAllByTestId('poster')).toHaveLength(2);
  });
});

describe('Découvrir on a phone', () => {
  beforeEach(() => {
    vi.stubGlobal('matchMedia', (query) => ({ matches: query === '(max-width: 760px)', media: query, addEventListener() {}, removeEventListener() {} }));
  });

  it('folds the panel into a sheet: "Filtres (n)" opens it, focus stays inside, Escape closes it', async () => {
    stubDiscover();
    renderSite('/decouvrir?genres=18');
    await results();
    expect(screen.queryByRole('region', { name: 'Filtres' })).toBeNull();
    expect(screen.queryByRole('checkbox', { name: 'Drame' })).toBeNull();
    const open = screen.getByRole('button', { name: 'Filtres (1)' });
    expect(open.getAttribute('aria-expanded')).toBe('false');
    open.focus();
    fireEvent.click(open);

    const sheet = screen.getByRole('dialog', { name: 'Filtres' });
    expect(sheet.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(within(sheet).getByRole('button', { name: 'Fermer' }));
    expect(document.body.classList.contains('sheet-open')).toBe(true);

    // Tab from the last control comes back to the first, Shift+Tab from the first goes to the last.
    const last = within(sheet).getByRole('button', { name: 'Voir les films' });
    last.focus();
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(document.activeElement).toBe(within(sheet).getByRole('button', { name: 'Fermer' }));
    fireEvent.keyDown(document.activeElement, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);

    fireEvent.click(within(sheet).getByRole('checkbox', { name: 'Comédie' }));
    fireEvent.click(await within(sheet).findByRole('checkbox', { name: 'Bobine' }));
    expect(location()).toBe('/decouvrir?genres=18,35&providers=9101');
    expect(screen.getByRole('dialog', { name: 'Filtres' })).toBe(sheet);

    fireEvent.keyDown(within(sheet).getByRole('checkbox', { name: 'Bobine' }), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    const reopened = screen.getByRole('button', { name: 'Filtres (2)' });
    expect(document.activeElement).toBe(reopened);
    expect(document.body.classList.contains('sheet-open')).toBe(false);

    fireEvent.click(reopened);
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Filtres' })).getByRole('button', { name: 'Voir les films' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps the panel beside the results on a wide screen', async () => {
    vi.stubGlobal('matchMedia', (query) => ({ matches: false, media: query, addEventListener() {}, removeEventListener() {} }));
    stubDiscover();
    renderSite('/decouvrir');
    await results();
    expect(screen.getByRole('region', { name: 'Filtres' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Filtres \(/ })).toBeNull();
  });
});

describe('discover.js', () => {
  it('normalises lists: numbers once, ascending, as numbers write them', () => {
    expect(normaliseList('35, 18,35,018,,')).toEqual(['18', '35']);
    expect(normaliseList('rent,flatrate,rent')).toEqual(['flatrate', 'rent']);
    expect(normaliseList('x,9,10')).toEqual(['9', '10', 'x']);
    expect(normaliseList(null)).toEqual([]);
  });

  it('writes the same filters back as the canonical URL, and the API query from them', () => {
    const filters = readFilters(new URLSearchParams('sort=title&type=tv&providers=9,8&genres=18&year_to=1999&year_from=1990&page=3'));
    expect(filtersToSearch(filters)).toBe('type=tv&genres=18&year_from=1990&year_to=1999&providers=8,9&sort=title');
    expect(apiQuery(filters)).toBe('genres=18&year_from=1990&year_to=1999&providers=8,9&sort=title');
    expect(apiQuery(filters, 2)).toBe('genres=18&year_from=1990&year_to=1999&providers=8,9&sort=title&page=2');
    expect(apiQuery(readFilters(new URLSearchParams({ original_language: 'a&b' })))).toBe('original_language=a%26b');
  });

  it('keeps, on a change of kind, what the other kind understands', () => {
    const movie = readFilters(new URLSearchParams('genres=28,35,37&genres_mode=any&certification_max=U'));
    const tv = switchKind(movie, 'tv');
    expect(filtersToSearch(tv)).toBe('type=tv&genres=35,37&genres_mode=any');
    expect(filtersToSearch(switchKind(readFilters(new URLSearchParams('genres=28,35&genres_mode=any')), 'tv'))).toBe('type=tv&genres=35');
  });
});
