import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { whereLines } from './components/Where.jsx';
import { reply, stubApi } from './test/api.js';
import { NOSFERATU, PROVIDERS, discoverPage } from './test/fixtures.js';
import { renderSite } from './test/render.jsx';
import { mergeTonight, myServicesQuery } from './tonight.js';

beforeAll(async () => {
  await Promise.all([import('./pages/Tonight.jsx'), import('./pages/News.jsx'), import('./pages/Discover.jsx')]);
});

const CHECKED = '2026-12-01T18:40:00Z';
const byId = new Map(PROVIDERS.map((provider) => [provider.provider_id, provider]));
const item = (id, title, where, media_type = 'movie') => ({ media_type, id, title, poster_path: null, release_date: '1922-01-01', added_at: CHECKED, where });
const ROBIN = item(900061, 'Robin Hood', { mine: [9101], flatrate: [9101], rent: false, buy: false, checked_at: CHECKED });
const PIRATE = item(900063, 'The Black Pirate', { mine: [], flatrate: [9102], rent: true, buy: false, checked_at: CHECKED });
const ZORRO = item(900062, 'The Mark of Zorro', { mine: [], flatrate: [], rent: false, buy: false, checked_at: CHECKED });
const FRESH = item(900064, 'Nouveau venu', { mine: [], flatrate: [], rent: false, buy: false, checked_at: null });
const location = () => screen.getByTestId('location').textContent;

function signedIn(routes = {}) {
  return stubApi(
    {
      'GET /api/providers': reply(200, PROVIDERS),
      'GET /api/me/providers': reply(200, { providers: [9101, 9103] }),
      'GET /api/diary/seen': reply(200, { movie: [], tv: [] }),
      'GET /api/me/news': reply(200, { unread: 0, items: [] }),
      ...routes,
    },
    { signedIn: true },
  );
}

describe('where a title streams, for me', () => {
  it('names my services first, then the other subscriptions, rent and buy, else nowhere', () => {
    expect(whereLines({ mine: [9103], flatrate: [9102, 9103], rent: true, buy: true, checked_at: CHECKED }, byId).map((line) => line.text)).toEqual([
      'Sur vos plateformes : Plan-Séquence',
      'En abonnement : Fondu Enchaîné',
      'À louer ou à acheter',
    ]);
    expect(whereLines(ZORRO.where, byId).map((line) => line.text)).toEqual(["Nulle part pour l'instant"]);
    expect(whereLines({ mine: [], flatrate: [], rent: false, buy: true, checked_at: CHECKED }, byId).map((line) => line.text)).toEqual(['À acheter']);
    expect(whereLines(FRESH.where, byId).map((line) => line.text)).toEqual(['Disponibilité en cours de vérification']);
    expect(whereLines({ mine: [4242], flatrate: [4242], checked_at: CHECKED }, byId)[0].text).toBe('Sur vos plateformes : Service 4242');
  });
});

describe('Ma liste with my services', () => {
  it('asks a user without services which ones they have, saves them, and asks the list again', async () => {
    let saved = [];
    const api = signedIn({
      'GET /api/me/providers': reply(200, { providers: [] }),
      'PUT /api/me/providers': (call) => {
        saved = JSON.parse(call.body).providers;
        return reply(200, { providers: saved });
      },
      'GET /api/watchlist': () => reply(200, [{ ...ROBIN, where: { ...ROBIN.where, mine: saved.includes(9101) ? [9101] : [] } }]),
    });
    renderSite('/ma-liste');
    const prompt = await screen.findByTestId('services-prompt');
    fireEvent.click(await within(prompt).findByRole('checkbox', { name: 'Plan-Séquence' }));
    fireEvent.click(within(prompt).getByRole('checkbox', { name: 'Bobine' }));
    fireEvent.click(within(prompt).getByRole('button', { name: 'Enregistrer mes plateformes' }));
    await waitFor(() => expect(screen.queryByTestId('services-prompt')).toBeNull());
    const [put] = api.callsTo('PUT', '/api/me/providers');
    expect(JSON.parse(put.body)).toEqual({ providers: [9101, 9103] });
    expect(put.headers['Content-Type']).toBe('application/json');
    const where = await screen.findByText('Sur vos plateformes : Bobine');
    expect(where.closest('[data-testid=where]')).not.toBeNull();
    expect(api.callsTo('GET', '/api/watchlist').length).toBe(2);
  });

  it('says where each item streams, and filters on my services through available=mine', async () => {
    const api = signedIn({
      'GET /api/watchlist': (call) => reply(200, call.query.available === 'mine' ? [ROBIN] : [ROBIN, PIRATE, ZORRO, FRESH]),
    });
    renderSite('/ma-liste');
    const list = await screen.findByRole('list', { name: 'Ma liste' });
    const card = (name) => within(list).getByRole('link', { name: new RegExp(name) }).closest('li');
    await waitFor(() => expect(within(card('Robin Hood')).getByTestId('where').textContent).toBe('Sur vos plateformes : Bobine'));
    expect(within(card('Black Pirate')).getAllByRole('listitem').map((line) => line.textContent)).toEqual(['En abonnement : Fondu Enchaîné', 'À louer']);
    expect(within(card('Zorro')).getByTestId('where').textContent).toBe("Nulle part pour l'instant");
    expect(within(card('Nouveau venu')).getByTestId('where').textContent).toBe('Disponibilité en cours de vérification');
    expect(screen.queryByTestId('services-prompt')).toBeNull();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Disponible sur mes plateformes' }));
    const mine = await screen.findByRole('list', { name: 'Ma liste : disponible sur mes plateformes' });
    expect(within(mine).getAllByTestId('poster')).toHaveLength(1);
    expect(location()).toBe('/ma-liste?dispo=mes-plateformes');
    expect(api.calls.some((call) => call.path === '/api/watchlist' && call.query.available === 'mine')).toBe(true);
  });
});

describe('Ce soir', () => {
  it('puts my list first, then discovery on my services, never a title twice nor one of my list', () => {
    const onList = (kind, id) => kind === 'movie' && (id === 1 || id === 2);
    const merged = mergeTonight(
      [{ media_type: 'movie', id: 1 }],
      [{ media_type: 'movie', id: 1 }, { media_type: 'movie', id: 2 }, { media_type: 'movie', id: 3 }, { media_type: 'tv', id: 1 }, { media_type: 'movie', id: 3 }],
      onList,
    );
    expect(merged.fromList.map((entry) => `${entry.media_type}/${entry.id}`)).toEqual(['movie/1']);
    expect(merged.discovery.map((entry) => `${entry.media_type}/${entry.id}`)).toEqual(['movie/3', 'tv/1']);
    expect(myServicesQuery('movie', [9103, 9101])).toBe('providers=9101,9103');
  });

  it('shows the titles of my list on my services, then the shared discover question with my ids', async () => {
    const page = discoverPage({ count: 2 });
    page.results.push({ id: ROBIN.id, title: 'Robin Hood', poster_path: null, release_date: '1922-10-18' });
    const api = signedIn({
      'GET /api/watchlist': (call) => reply(200, call.query.available === 'mine' ? [ROBIN] : [ROBIN, PIRATE]),
      'GET /api/discover/movie': reply(200, page),
      'GET /api/discover/tv': reply(200, discoverPage({ count: 1, kind: 'tv' })),
    });
    renderSite('/ce-soir');
    const fromList = await screen.findByRole('list', { name: 'De ma liste, disponible maintenant' });
    expect(within(fromList).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['/film/900061']);
    const more = await screen.findByRole('list', { name: 'À découvrir sur mes plateformes' });
    const hrefs = within(more).getAllByRole('link').map((link) => link.getAttribute('href'));
    expect(hrefs).toEqual(['/film/900001', '/film/900002', '/serie/900001']);
    const asked = api.calls.filter((call) => call.path.startsWith('/api/discover/'));
    expect(asked.map((call) => call.query)).toEqual([{ providers: '9101,9103' }, { providers: '9101,9103' }]);
    expect(document.title).toBe('Ce soir sur mes plateformes — CineVerse');
  });
});

describe('Nouveautés', () => {
  const NEWS = [
    { id: 12, kind: 'arrived', media_type: 'tv', title_id: 950006, title: 'Expedition Aurora', poster_path: null, provider: PROVIDERS[0], at: '2026-12-03T10:00:00Z' },
    { id: 11, kind: 'in_cinemas', media_type: 'movie', title_id: 900127, title: 'Le Violon de Minuit', poster_path: null, provider: null, at: '2026-12-02T10:00:00Z' },
    { id: 10, kind: 'left', media_type: 'movie', title_id: 900061, title: 'Robin Hood', poster_path: null, provider: PROVIDERS[1], at: '2026-12-01T10:00:00Z' },
  ];

  it('counts the unread ones in the header, lists the news, and marks them read', async () => {
    let unread = 2;
    const api = signedIn({
      'GET /api/me/news': (call) => reply(200, { unread, items: call.query.unread === '1' ? NEWS.slice(0, unread) : NEWS }),
      'POST /api/me/news/read': () => {
        unread = 0;
        return reply(200, { unread: 0 });
      },
    });
    renderSite('/');
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect((await within(nav).findByTestId('unread-badge')).textContent).toBe('2');
    expect(within(nav).getByRole('link', { name: 'Nouveautés, 2 non lues' })).toBeTruthy();
    fireEvent.click(within(nav).getByRole('link', { name: /^Nouveautés/ }));

    const list = await screen.findByRole('list', { name: 'Nouveautés' });
    const items = within(list).getAllByTestId('news-item');
    expect(items.map((entry) => entry.querySelector('.news-what').textContent)).toEqual(['Disponible sur Bobine', 'Au cinéma en France', "N'est plus sur Fondu Enchaîné"]);
    expect(within(items[0]).getByRole('link', { name: 'Expedition Aurora' }).getAttribute('href')).toBe('/serie/950006');
    expect(within(items[0]).getByRole('img', { name: 'Logo Bobine' })).toBeTruthy();
    await waitFor(() => expect(items[0].className).toContain('unread'));
    expect(items[2].className).not.toContain('unread');

    fireEvent.click(screen.getByRole('button', { name: 'Tout marquer comme lu (2)' }));
    await waitFor(() => expect(within(nav).queryByTestId('unread-badge')).toBeNull());
    expect(JSON.parse(api.callsTo('POST', '/api/me/news/read')[0].body)).toEqual({ up_to: 12 });
    await waitFor(() => expect(screen.getAllByTestId('news-item').every((entry) => !entry.className.includes('unread'))).toBe(true));
    expect(document.title).toBe('Nouveautés — CineVerse');
  });

  it('gives a private feed address to copy', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    signedIn({ 'POST /api/me/feed': reply(200, { url: '/feeds/abc123.atom' }) });
    renderSite('/nouveautes');
    fireEvent.click(await screen.findByRole('button', { name: 'Créer mon lien de flux' }));
    const field = await screen.findByLabelText('Adresse de mon flux');
    expect(field.value).toBe(`${window.location.origin}/feeds/abc123.atom`);
    fireEvent.click(screen.getByRole('button', { name: 'Copier' }));
    await screen.findByText('Adresse copiée.');
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/feeds/abc123.atom`);
  });
});

describe('my services elsewhere', () => {
  it('Découvrir: one click fills the services filter with my ids', async () => {
    const api = signedIn({ 'GET /api/discover/movie': reply(200, discoverPage({ count: 2 })) });
    renderSite('/decouvrir');
    const button = await screen.findByRole('button', { name: 'Sur mes plateformes' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(button);
    await waitFor(() => expect(location()).toBe('/decouvrir?providers=9101,9103'));
    await waitFor(() => expect(api.calls.some((call) => call.path === '/api/discover/movie' && call.query.providers === '9101,9103')).toBe(true));
    expect(screen.getByRole('button', { name: 'Sur mes plateformes' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('the film page puts my services first and says so', async () => {
    const film = { ...NOSFERATU, providers: { ...NOSFERATU.providers, flatrate: [PROVIDERS[1], { provider_id: 9103, provider_name: 'Plan-Séquence', logo_path: null }] } };
    signedIn({ 'GET /api/movie/653': reply(200, film), 'GET /api/reviews/movie/653': reply(200, { average: null, ratings: 0, reviews: [] }), 'GET /api/diary/movie/653': reply(200, []) });
    renderSite('/film/653');
    expect((await screen.findByTestId('providers-mine')).textContent).toBe('Sur vos plateformes : Plan-Séquence');
    const providers = within(screen.getByTestId('providers')).getAllByTestId('provider');
    expect(providers[0].textContent).toBe('PSPlan-SéquenceMa plateforme');
    expect(providers[1].className).not.toContain('mine');
  });

  it('the account page picks services, shows the advice and the export links', async () => {
    signedIn({
      'GET /api/me/advice': reply(200, [
        { provider: PROVIDERS[0], titles: 7 },
        { provider: PROVIDERS[1], titles: 4 },
        { provider: PROVIDERS[2], titles: 0 },
      ]),
    });
    renderSite('/profil');
    const picker = await screen.findByTestId('services-picker');
    await waitFor(() => expect(within(picker).getByRole('checkbox', { name: 'Bobine' }).checked).toBe(true));
    expect(within(picker).getByRole('checkbox', { name: 'Fondu Enchaîné' }).checked).toBe(false);
    const advice = screen.getByTestId('advice');
    await waitFor(() => expect(within(advice).getAllByRole('listitem').map((line) => line.textContent)).toEqual(['Bobine : 7 titres de votre liste (déjà le vôtre)', 'Fondu Enchaîné : 4 titres de votre liste']));
    const exports = screen.getByTestId('export');
    expect(within(exports).getByRole('link', { name: 'Journal pour Letterboxd (CSV)' }).getAttribute('href')).toBe('/api/export/letterboxd.csv');
    expect(within(exports).getByRole('link', { name: 'Toutes mes données (JSON)' }).getAttribute('href')).toBe('/api/export');
  });
});
