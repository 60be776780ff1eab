import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import ImportLetterboxd from './components/ImportLetterboxd.jsx';
import MonthChart from './components/MonthChart.jsx';
import { byMonth, stars, viewingLine } from './diary.js';
import { hasRoute } from './features.js';
import { today } from './format.js';
import { deferred, reply, stubApi, USER } from './test/api.js';
import { NOSFERATU, discoverPage } from './test/fixtures.js';
import { renderSite } from './test/render.jsx';

beforeAll(async () => {
  await Promise.all([import('./pages/Journal.jsx'), import('./pages/Discover.jsx')]);
});

const NOW = today();
const entry = (changes = {}) => ({
  entry_id: '0b6f3a52-1d1c-4c55-8f1e-6a2b9d1e0001',
  media_type: 'movie',
  id: 653,
  title: 'Nosferatu',
  poster_path: '/poster-653.svg',
  release_date: '1922-02-16',
  genre_ids: [27, 14],
  watched_on: NOW,
  rating: 3.5,
  review: null,
  rewatch: false,
  public: true,
  created_at: `${NOW}T20:00:00Z`,
  updated_at: `${NOW}T20:00:00Z`,
  ...changes,
});

function signedIn(routes = {}) {
  return stubApi(
    {
      'GET /api/me/providers': reply(200, { providers: [] }),
      'GET /api/diary/seen': reply(200, { movie: [], tv: [] }),
      'GET /api/me/news': reply(200, { unread: 0, items: [] }),
      'GET /api/movie/653': reply(200, NOSFERATU),
      'GET /api/reviews/movie/653': reply(200, { average: null, ratings: 0, reviews: [] }),
      ...routes,
    },
    { signedIn: true },
  );
}

describe('the diary’s words', () => {
  it('writes ratings in half stars and viewings as French sentences', () => {
    expect(stars(3.5)).toBe('★★★½');
    expect(stars(0.5)).toBe('½');
    expect(stars(null)).toBe('');
    expect(viewingLine({ watched_on: '2026-12-01', rating: 4, rewatch: false })).toBe('Vu le 1er décembre 2026, ★★★★');
    expect(viewingLine({ watched_on: '2026-11-20', rating: null, rewatch: true })).toBe('Revu le 20 novembre 2026');
    expect(byMonth([entry({ watched_on: '2026-12-03' }), entry({ watched_on: '2026-12-01' }), entry({ watched_on: '2026-10-09' })]).map((group) => [group.month, group.entries.length])).toEqual([
      ['2026-12', 2],
      ['2026-10', 1],
    ]);
  });

  it('reads what the service can do from its route table', () => {
    const table = { routes: [{ method: 'POST', path: '/api/import/letterboxd' }, { method: 'POST', path: '/api/import/{job_id}/resolve' }] };
    expect(hasRoute(table, 'POST', /^\/api\/import\/letterboxd$/)).toBe(true);
    expect(hasRoute(table, 'POST', /^\/api\/import\/\{[a-z_]+(:[^}]*)?\}\/resolve$/)).toBe(true);
    expect(hasRoute({ routes: [] }, 'POST', /^\/api\/import\/letterboxd$/)).toBe(false);
  });
});

describe('Vu, on a film page', () => {
  it('records a viewing of today with a rating and a public review, then says "Vu le …, ★★★½"', async () => {
    let entries = [];
    const api = signedIn({
      'GET /api/diary/movie/653': () => reply(200, entries),
      'GET /api/diary/seen': () => reply(200, { movie: entries.map((viewing) => viewing.id), tv: [] }),
      'POST /api/diary': (call) => {
        const body = JSON.parse(call.body);
        entries = [entry({ ...body, media_type: undefined, id: 653 })];
        return reply(200, entries[0]);
      },
    });
    renderSite('/film/653');
    await screen.findByRole('heading', { level: 1, name: 'Nosferatu' });
    fireEvent.click(within(document.querySelector('.title-actions')).getByRole('button', { name: 'Vu' }));
    const dialog = await screen.findByRole('dialog', { name: "J'ai vu : Nosferatu" });
    const date = within(dialog).getByLabelText('Date du visionnage');
    expect(date.value).toBe(NOW);
    expect(date.getAttribute('max')).toBe(NOW);
    expect(document.activeElement).toBe(date);
    fireEvent.change(within(dialog).getByLabelText('Ma note'), { target: { value: '3.5' } });
    fireEvent.change(within(dialog).getByLabelText('Ma critique (facultative)'), { target: { value: 'Glaçant.' } });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /^Public/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(JSON.parse(api.callsTo('POST', '/api/diary')[0].body)).toEqual({ media_type: 'movie', id: 653, watched_on: NOW, rating: 3.5, review: 'Glaçant.', rewatch: false, public: true });
    const mine = await screen.findByTestId('my-viewings');
    expect(within(mine).getByTestId('my-viewing').querySelector('.viewing-line [aria-hidden]').textContent).toMatch(/^Vu le .*, ★★★½$/);
    expect(document.querySelector('.title-actions [data-testid=seen-button]').getAttribute('data-seen')).toBe('true');
  });

  it('refuses a date in the future without asking the server', async () => {
    const api = signedIn({ 'GET /api/diary/movie/653': reply(200, []) });
    renderSite('/film/653');
    await screen.findByRole('heading', { level: 1, name: 'Nosferatu' });
    fireEvent.click(within(document.querySelector('.title-actions')).getByRole('button', { name: 'Vu' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Date du visionnage'), { target: { value: '2999-01-01' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('La date ne peut pas être dans le futur.');
    expect(api.callsTo('POST', '/api/diary')).toHaveLength(0);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('edits and deletes my entry', async () => {
    let entries = [entry({ review: 'Premier avis' })];
    const api = signedIn({
      'GET /api/diary/movie/653': () => reply(200, entries),
      [`PATCH /api/diary/${entries[0].entry_id}`]: (call) => {
        entries = [{ ...entries[0], ...JSON.parse(call.body) }];
        return reply(200, entries[0]);
      },
      [`DELETE /api/diary/${entries[0].entry_id}`]: () => {
        entries = [];
        return reply(200, { removed: true });
      },
    });
    renderSite('/film/653');
    const mine = await screen.findByTestId('my-viewings');
    fireEvent.click(within(mine).getByRole('button', { name: 'Modifier' }));
    const dialog = await screen.findByRole('dialog', { name: 'Modifier mon visionnage : Nosferatu' });
    expect(within(dialog).getByLabelText('Ma note').value).toBe('3.5');
    expect(within(dialog).getByLabelText('Ma critique (facultative)').value).toBe('Premier avis');
    fireEvent.change(within(dialog).getByLabelText('Ma note'), { target: { value: '4' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(screen.getByTestId('my-viewing').querySelector('.viewing-line [aria-hidden]').textContent).toMatch(/★★★★$/));
    expect(JSON.parse(api.calls.find((call) => call.method === 'PATCH').body).rating).toBe(4);

    fireEvent.click(within(screen.getByTestId('my-viewing')).getByRole('button', { name: 'Supprimer' }));
    fireEvent.click(within(screen.getByTestId('my-viewing')).getByRole('button', { name: 'Oui, supprimer' }));
    await waitFor(() => expect(screen.queryByTestId('my-viewings')).toBeNull());
    expect(api.calls.filter((call) => call.method === 'DELETE')).toHaveLength(1);
  });

  it("shows the members' average and reviews, newest first, as text, and asks for the next page", async () => {
    const reviews = Array.from({ length: 20 }, (_, index) => ({ author: `membre${index}`, rating: 4, review: index === 0 ? '<img src=x onerror=alert(1)> <b>Superbe</b>' : `Avis ${index}`, watched_on: '2026-11-01', at: '2026-11-02T10:00:00Z' }));
    const api = stubApi({
      'GET /api/movie/653': reply(200, NOSFERATU),
      'GET /api/reviews/movie/653': (call) =>
        reply(200, call.query.page === '2' ? { average: 3.75, ratings: 21, reviews: [{ author: 'ancien', rating: null, review: 'Le plus ancien', watched_on: '2020-01-01', at: '2020-01-01T10:00:00Z' }] } : { average: 3.75, ratings: 21, reviews }),
    });
    renderSite('/film/653');
    const section = await screen.findByTestId('reviews');
    await waitFor(() => expect(within(section).getByTestId('reviews-average').textContent).toBe('★★★½ 3,75/5 · 21 notes de membres CineVerse'));
    const items = within(section).getAllByTestId('review');
    expect(items).toHaveLength(20);
    expect(items[0].querySelector('.review-text').textContent).toBe('<img src=x onerror=alert(1)> <b>Superbe</b>');
    expect(section.querySelector('img, b')).toBeNull();
    expect(within(items[0]).getByText('membre0')).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: 'Critiques plus anciennes' }));
    await within(section).findByText('Le plus ancien');
    expect(api.calls.filter((call) => call.path === '/api/reviews/movie/653').map((call) => call.query.page ?? '1')).toEqual(['1', '2']);
  });

  it('sends a visitor to Connexion', async () => {
    stubApi({ 'GET /api/movie/653': reply(200, NOSFERATU), 'GET /api/reviews/movie/653': reply(200, { average: null, ratings: 0, reviews: [] }) });
    renderSite('/film/653');
    await screen.findByRole('heading', { level: 1, name: 'Nosferatu' });
    fireEvent.click(within(document.querySelector('.title-actions')).getByRole('button', { name: 'Vu' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/connexion'));
  });
});

describe('the journal', () => {
  const SUMMARY = {
    year: Number(NOW.slice(0, 4)),
    viewings: 3,
    films: 2,
    series: 0,
    average_rating: 3.75,
    by_month: [{ month: `${NOW.slice(0, 4)}-01`, viewings: 1 }, { month: `${NOW.slice(0, 4)}-03`, viewings: 2 }],
    ratings: [],
    genres: [{ id: 27, viewings: 2 }, { id: 10765, viewings: 1 }],
    years: [Number(NOW.slice(0, 4)), 2019],
  };

  it('shows the figures, the chart and my viewings by month; filters go to the URL and the API', async () => {
    const y = NOW.slice(0, 4);
    const api = signedIn({
      'GET /api/diary/summary': reply(200, SUMMARY),
      'GET /api/diary': (call) =>
        reply(200, call.query.rating === '5' ? [] : [entry({ watched_on: `${y}-03-12`, rewatch: true }), entry({ entry_id: 'b', id: 654, title: 'Caligari', watched_on: `${y}-03-01`, rating: 4 }), entry({ entry_id: 'c', id: 655, title: 'Metropolis', watched_on: `${y}-01-20`, rating: null })]),
    });
    renderSite('/journal');
    const figures = await screen.findByTestId('journal-figures');
    await waitFor(() => expect(within(figures).getByTestId('films-seen').textContent).toBe('2'));
    expect(within(figures).getByText('Horreur (2), Science-Fiction & Fantastique (1)')).toBeTruthy();
    const chart = within(figures).getByRole('img', { name: new RegExp(`^Visionnages par mois en ${y} : janvier 1, février 0, mars 2,`) });
    expect(chart.querySelectorAll('rect')).toHaveLength(12);
    const march = await screen.findByRole('region', { name: `mars ${y}` });
    expect(within(march).getAllByTestId('journal-entry')).toHaveLength(2);
    expect(within(march).getAllByTestId('journal-entry')[0].textContent).toContain('revu');
    expect(screen.getByRole('region', { name: `janvier ${y}` })).toBeTruthy();
    expect(document.title).toBe('Mon journal — CineVerse');

    fireEvent.change(screen.getByLabelText('Note'), { target: { value: '5' } });
    await screen.findByText('Aucun visionnage ne correspond à ces filtres.');
    expect(screen.getByTestId('location').textContent).toBe('/journal?note=5');
    fireEvent.change(screen.getByLabelText('Année'), { target: { value: '2019' } });
    await waitFor(() => expect(api.calls.some((call) => call.path === '/api/diary' && call.query.year === '2019' && call.query.rating === '5')).toBe(true));
    expect(api.calls.some((call) => call.path === '/api/diary/summary' && call.query.year === '2019')).toBe(true);
  });

  it('draws an accessible chart of twelve months', () => {
    render(<MonthChart year="2026" byMonth={[{ month: '2026-12', viewings: 4 }]} />);
    const chart = screen.getByRole('img');
    expect(chart.getAttribute('aria-label')).toMatch(/décembre 4\.$/);
    expect(screen.getAllByRole('row')).toHaveLength(13);
  });
});

describe('hide seen', () => {
  it('hides the titles of my diary in Découvrir, and remembers the choice', async () => {
    signedIn({ 'GET /api/diary/seen': reply(200, { movie: [900002], tv: [] }), 'GET /api/discover/movie': reply(200, discoverPage({ count: 3 })) });
    renderSite('/decouvrir');
    const results = await screen.findByRole('list', { name: 'Résultats' });
    await waitFor(() => expect(within(results).getAllByTestId('poster')).toHaveLength(3));
    await waitFor(() => expect(within(results).getAllByTestId('seen-button').map((button) => button.getAttribute('data-seen'))).toEqual(['false', 'true', 'false']));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Masquer les titres vus' }));
    await waitFor(() => expect(within(results).getAllByTestId('poster')).toHaveLength(2));
    expect(within(results).queryByRole('link', { name: /Film 2/ })).toBeNull();
    expect(window.localStorage.getItem('cineverse:hide-seen')).toBe('1');
  });

  it('hides them in search results too, once chosen', async () => {
    window.localStorage.setItem('cineverse:hide-seen', '1');
    signedIn({
      'GET /api/diary/seen': reply(200, { movie: [653], tv: [] }),
      'GET /api/search-multi': reply(200, [
        { media_type: 'movie', id: 653, title: 'Nosferatu', poster_path: null, release_date: '1922-02-16' },
        { media_type: 'movie', id: 654, title: 'Caligari', poster_path: null, release_date: '1920-02-26' },
      ]),
    });
    renderSite('/recherche?q=nosf');
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Résultats' })).getAllByTestId('poster')).toHaveLength(1));
    expect(screen.getByRole('checkbox', { name: 'Masquer les titres vus' }).checked).toBe(true);
  });
});

describe('the Letterboxd import', () => {
  const file = new File(['PK\u0003\u0004'], 'letterboxd-export.zip', { type: 'application/zip' });
  const renderImport = (props) =>
    render(
      <MemoryRouter>
        <ImportLetterboxd available pollMs={5} {...props} />
      </MemoryRouter>,
    );

  it('sends the file as it is, then follows the job with a progress bar to its end and lists the rows left', async () => {
    let polls = 0;
    const api = stubApi({
      'POST /api/import/letterboxd': reply(202, { job_id: 'job-1' }),
      'GET /api/import/job-1': () => {
        polls += 1;
        return polls < 2
          ? reply(200, { state: 'running', done: 10, total: 40, matched: 9, unmatched: [] })
          : reply(200, { state: 'done', done: 40, total: 40, matched: 38, unmatched: [{ name: 'Un film inconnu', year: 1931 }, { name: 'Sans année', year: null }] });
      },
    });
    let imported = 0;
    renderImport({ onImported: () => (imported += 1), canResolve: false });
    fireEvent.change(screen.getByLabelText('Fichier exporté (ZIP ou CSV)'), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Importer' }));
    const progress = await screen.findByRole('progressbar');
    await waitFor(() => expect(progress.getAttribute('value')).toBe('10'));
    await screen.findByText(/^Import terminé\. 40 \/ 40 lignes lues, 38 titres reconnus\.$/);
    expect(screen.getByRole('progressbar').getAttribute('value')).toBe('40');
    const [post] = api.callsTo('POST', '/api/import/letterboxd');
    expect(post.headers['Content-Type']).toBe('application/zip');
    expect(post.body).toBe(file);
    const rows = screen.getAllByTestId('unmatched-row');
    expect(rows.map((row) => row.firstChild.textContent)).toEqual(['Un film inconnu (1931)', 'Sans année']);
    expect(screen.queryByRole('button', { name: 'Trouver le bon titre' })).toBeNull();
    expect(imported).toBe(1);
  });

  it('lets a row be matched from search where the service resolves rows', async () => {
    const api = stubApi({
      'POST /api/import/letterboxd': reply(202, { job_id: 'job-2' }),
      'GET /api/import/job-2': reply(200, { state: 'done', done: 1, total: 1, matched: 0, unmatched: [{ name: 'Nosferatu', year: 1922, position: 7 }] }),
      'GET /api/search-multi': reply(200, [{ media_type: 'movie', id: 653, title: 'Nosferatu', release_date: '1922-02-16' }, { media_type: 'person', id: 1, name: 'Max Schreck' }]),
      'POST /api/import/job-2/resolve': reply(200, { job_id: 'job-2', state: 'done', done: 1, total: 1, matched: 1, unmatched: [] }),
    });
    renderImport({ canResolve: true });
    fireEvent.change(screen.getByLabelText('Fichier exporté (ZIP ou CSV)'), { target: { files: [new File(['Date,Name'], 'Watchlist.csv', { type: 'text/csv' })] } });
    fireEvent.click(screen.getByRole('button', { name: 'Importer' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Trouver le bon titre' }));
    fireEvent.click(screen.getByRole('button', { name: 'Rechercher' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Choisir Nosferatu (1922)' }));
    await screen.findByText('→ Nosferatu ajouté');
    expect(JSON.parse(api.callsTo('POST', '/api/import/job-2/resolve')[0].body)).toEqual({ position: 7, media_type: 'movie', id: 653 });
    expect(screen.getByText(/^Import terminé\. 1 \/ 1 lignes lues, 1 titre reconnu\.$/)).toBeTruthy();
    const [post] = api.callsTo('POST', '/api/import/letterboxd');
    expect(post.headers['Content-Type']).toBe('text/csv');
    expect(post.query).toEqual({ file: 'watchlist.csv' });
  });

  it('says why a file is refused, and is hidden where the service has no import', async () => {
    stubApi({ 'POST /api/import/letterboxd': reply(400, { error: 'Not a Letterboxd export' }) });
    const { unmount } = renderImport({});
    fireEvent.change(screen.getByLabelText('Fichier exporté (ZIP ou CSV)'), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Importer' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Ce fichier n'est pas un export Letterboxd/);
    unmount();
    render(
      <MemoryRouter>
        <ImportLetterboxd available={false} />
      </MemoryRouter>,
    );
    expect(screen.queryByRole('heading', { name: 'Importer depuis Letterboxd' })).toBeNull();
  });
});
