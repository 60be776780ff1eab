import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { firstCards } from './components/PosterRow.jsx';
import Row, { PRIORITY_POSTERS } from './components/Row.jsx';
import { ImagesProvider } from './images.jsx';
import { SessionProvider } from './session.jsx';
import { reply, stubApi } from './test/api.js';
import { WatchlistProvider } from './watchlist.jsx';

// jsdom has no IntersectionObserver: this one records what is observed, with which margin,
// and lets a test bring an element near the viewport.
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
  disconnect() {
    observers.delete(this);
  }
}
const bringNear = (element, isIntersecting = true) =>
  act(async () => {
    for (const observer of [...observers]) {
      if (observer.targets.includes(element)) observer.callback([{ target: element, isIntersecting }]);
    }
  });

const films = Array.from({ length: 8 }, (_, index) => ({ id: 900 + index, title: `Film ${index}`, poster_path: `/poster-${900 + index}.svg`, release_date: '1927-01-10' }));

function renderRow(props) {
  return render(
    <MemoryRouter>
      <SessionProvider skipInitialCheck>
        <ImagesProvider>
          <WatchlistProvider>
            <Row route="/api/discover-western-movies" title="Western" {...props} />
          </WatchlistProvider>
        </ImagesProvider>
      </SessionProvider>
    </MemoryRouter>,
  );
}

beforeEach(() => {
  observers = new Set();
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
});

describe('a deferred home row', () => {
  it('shows its title and keeps its height, but asks for nothing until it comes near the viewport', async () => {
    const api = stubApi({ 'GET /api/discover-western-movies': reply(200, films) });
    renderRow({ deferred: true });
    const section = screen.getByTestId('row');
    expect(within(section).getByRole('heading', { level: 2, name: 'Western' })).toBeTruthy();
    expect(section.getAttribute('aria-busy')).toBe('true');
    // The box that holds the height the cards will take (styles.css, .row-body).
    expect(section.querySelector('.row-body')).toBeTruthy();
    expect(within(section).queryByRole('list')).toBeNull();
    expect(api.callsTo('GET', '/api/discover-western-movies')).toHaveLength(0);
    // The list is asked for well ahead of the viewport; the posters only once nearly in sight.
    const body = section.querySelector('.row-body');
    const margin = (target) => [...observers].find((observer) => observer.targets.includes(target)).options.rootMargin;
    expect(parseInt(margin(section), 10)).toBeGreaterThanOrEqual(400);
    expect(parseInt(margin(body), 10)).toBeLessThan(parseInt(margin(section), 10));

    await bringNear(section, false);
    expect(api.callsTo('GET', '/api/discover-western-movies')).toHaveLength(0);

    await bringNear(section);
    const list = await screen.findByRole('list', { name: 'Western' });
    expect(within(list).getAllByTestId('poster')).toHaveLength(films.length);
    expect(api.callsTo('GET', '/api/discover-western-movies')).toHaveLength(1);
    expect(section.getAttribute('aria-busy')).toBeNull();
    // Not in sight yet: each card holds the box of its poster, and asks for no image.
    expect(list.querySelectorAll('img')).toHaveLength(0);
    expect(list.querySelectorAll('.picture-poster.waiting')).toHaveLength(films.length);

    await bringNear(body);
    await vi.waitFor(() => expect(list.querySelectorAll('img')).toHaveLength(films.length));
    // Once near, it stays: no observer is left behind.
    expect(observers.size).toBe(0);
  });

  it('a row that is not deferred asks at once, and observes nothing', async () => {
    const api = stubApi({ 'GET /api/discover-western-movies': reply(200, films) });
    renderRow({});
    expect(observers.size).toBe(0);
    await screen.findByRole('list', { name: 'Western' });
    expect(api.callsTo('GET', '/api/discover-western-movies')).toHaveLength(1);
  });

  it('without IntersectionObserver, loads at once', async () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    stubApi({ 'GET /api/discover-western-movies': reply(200, films) });
    renderRow({ deferred: true });
    await screen.findByRole('list', { name: 'Western' });
  });
});

describe('posters and their boxes', () => {
  it('the first row fetches its first posters eagerly and first; the others are lazy', async () => {
    stubApi({ 'GET /api/discover-western-movies': reply(200, films) });
    renderRow({ priority: true });
    const list = await screen.findByRole('list', { name: 'Western' });
    await vi.waitFor(() => expect(list.querySelectorAll('img')).toHaveLength(films.length));
    const images = [...list.querySelectorAll('img')];
    images.forEach((image, index) => {
      const first = index < PRIORITY_POSTERS;
      expect(image.getAttribute('loading'), `poster ${index}`).toBe(first ? 'eager' : 'lazy');
      expect(image.getAttribute('fetchpriority'), `poster ${index}`).toBe(first ? 'high' : null);
      // Every image reserves its box before its file arrives.
      expect(image.getAttribute('width')).toBe('342');
      expect(image.getAttribute('height')).toBe('513');
    });
  });

  it('past the first screen’s width, posters wait until the row is scrolled', async () => {
    const many = Array.from({ length: 20 }, (_, index) => ({ id: 800 + index, title: `Titre ${index}`, poster_path: `/poster-${800 + index}.svg` }));
    stubApi({ 'GET /api/discover-western-movies': reply(200, many) });
    renderRow({});
    const list = await screen.findByRole('list', { name: 'Western' });
    const first = firstCards();
    expect(first).toBeLessThan(many.length);
    await vi.waitFor(() => expect(list.querySelectorAll('img')).toHaveLength(first));
    expect(list.querySelectorAll('.picture-poster.waiting')).toHaveLength(many.length - first);
    fireEvent.scroll(list);
    await vi.waitFor(() => expect(list.querySelectorAll('img')).toHaveLength(many.length));
  });

  it('another row is lazy throughout', async () => {
    stubApi({ 'GET /api/discover-western-movies': reply(200, films) });
    renderRow({});
    const list = await screen.findByRole('list', { name: 'Western' });
    await vi.waitFor(() => expect(list.querySelectorAll('img')).toHaveLength(films.length));
    for (const image of list.querySelectorAll('img')) {
      expect(image.getAttribute('loading')).toBe('lazy');
      expect(image.getAttribute('fetchpriority')).toBeNull();
    }
  });

  it('a failed list stays inside its row, with a retry', async () => {
    let fail = true;
    stubApi({ 'GET /api/discover-western-movies': () => (fail ? reply(503, { error: 'TMDB unavailable' }) : reply(200, films)) });
    renderRow({});
    const retry = await screen.findByRole('button', { name: 'Réessayer' });
    fail = false;
    await act(async () => retry.click());
    expect(await screen.findByRole('list', { name: 'Western' })).toBeTruthy();
  });
});
