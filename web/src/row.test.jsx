import { act, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import Row, { PRIORITY_POSTERS } from './components/Row.jsx';
import { ImagesProvider } from './images.jsx';
import { SessionProvider } from './session.jsx';
import { reply, stubApi } from './test/api.js';
import { WatchlistProvider } from './watchlist.jsx';

// jsdom has no IntersectionObserver: this one records what is observed, with which margin,
// and lets a test bring an element near the viewport. Like the browser's, it reports an
// element only while it is observed.
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
const observing = (element) => [...observers].find((observer) => observer.targets.includes(element));
const bringNear = (elements, isIntersecting = true) =>
  act(async () => {
    for (const element of [elements].flat()) observing(element)?.callback([{ target: element, isIntersecting }]);
  });
const margin = (element) => observing(element).options.rootMargin;
const waiting = (list) => [...list.querySelectorAll('.picture-poster.waiting')];

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
    // The list is asked for well ahead of the viewport.
    expect(parseInt(margin(section), 10)).toBeGreaterThanOrEqual(400);

    await bringNear(section, false);
    expect(api.callsTo('GET', '/api/discover-western-movies')).toHaveLength(0);

    await bringNear(section);
    const list = await screen.findByRole('list', { name: 'Western' });
    expect(within(list).getAllByTestId('poster')).toHaveLength(films.length);
    expect(api.callsTo('GET', '/api/discover-western-movies')).toHaveLength(1);
    expect(section.getAttribute('aria-busy')).toBeNull();
    // Not in sight yet: each card holds the box of its poster, and asks for no image; each
    // poster is watched with a much shorter margin than the list was.
    expect(list.querySelectorAll('img')).toHaveLength(0);
    const boxes = waiting(list);
    expect(boxes).toHaveLength(films.length);
    for (const box of boxes) expect(parseInt(margin(box), 10)).toBeLessThan(400);

    // The posters that come near are drawn; the others still wait.
    await bringNear(boxes.slice(0, 3));
    expect(list.querySelectorAll('img')).toHaveLength(3);
    expect(waiting(list)).toEqual(boxes.slice(3));
    await bringNear(boxes.slice(3));
    expect(list.querySelectorAll('img')).toHaveLength(films.length);
    // Once near, it stays: no observer is left behind.
    expect(observers.size).toBe(0);
  });

  it('a row that is not deferred asks at once, and does not watch itself', async () => {
    const api = stubApi({ 'GET /api/discover-western-movies': reply(200, films) });
    renderRow({});
    expect(observers.size).toBe(0);
    await screen.findByRole('list', { name: 'Western' });
    expect(api.callsTo('GET', '/api/discover-western-movies')).toHaveLength(1);
    expect(observing(screen.getByTestId('row'))).toBeUndefined();
  });

  it('without IntersectionObserver, loads at once, and leaves the posters to the browser’s lazy loading', async () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    stubApi({ 'GET /api/discover-western-movies': reply(200, films) });
    renderRow({ deferred: true });
    const list = await screen.findByRole('list', { name: 'Western' });
    await vi.waitFor(() => expect(list.querySelectorAll('img')).toHaveLength(films.length));
    for (const image of list.querySelectorAll('img')) expect(image.getAttribute('loading')).toBe('lazy');
  });
});

describe('posters and their boxes', () => {
  it('the first row fetches its first posters first, at once; the others once near', async () => {
    stubApi({ 'GET /api/discover-western-movies': reply(200, films) });
    renderRow({ priority: true });
    const list = await screen.findByRole('list', { name: 'Western' });
    // The first posters do not wait for the observer.
    await vi.waitFor(() => expect(list.querySelectorAll('img')).toHaveLength(PRIORITY_POSTERS));
    expect(waiting(list)).toHaveLength(films.length - PRIORITY_POSTERS);
    await bringNear(waiting(list));
    const images = [...list.querySelectorAll('img')];
    expect(images).toHaveLength(films.length);
    images.forEach((image, index) => {
      const first = index < PRIORITY_POSTERS;
      // The others were held until near: then there is nothing to wait for.
      expect(image.getAttribute('loading'), `poster ${index}`).toBe('eager');
      expect(image.getAttribute('fetchpriority'), `poster ${index}`).toBe(first ? 'high' : null);
      // Every image reserves its box before its file arrives.
      expect(image.getAttribute('width')).toBe('342');
      expect(image.getAttribute('height')).toBe('513');
    });
  });

  it('a poster waits until the row is scrolled to it; a poster without a file waits for nothing', async () => {
    const many = Array.from({ length: 20 }, (_, index) => ({ id: 800 + index, title: `Titre ${index}`, poster_path: index === 19 ? null : `/poster-${800 + index}.svg` }));
    stubApi({ 'GET /api/discover-western-movies': reply(200, many) });
    renderRow({});
    const list = await screen.findByRole('list', { name: 'Western' });
    await vi.waitFor(() => expect(waiting(list)).toHaveLength(19));
    // The last one shows its title at once, in its styled box.
    expect(within(list.lastElementChild).getByTestId('placeholder').textContent).toBe('Titre 19');
    // One observer for the whole row, each poster reported by itself.
    expect(observers.size).toBe(1);
    const boxes = waiting(list);
    await bringNear(boxes.slice(0, 6));
    expect(list.querySelectorAll('img')).toHaveLength(6);
    await bringNear(boxes.slice(6, 8), false);
    expect(list.querySelectorAll('img')).toHaveLength(6);
    await bringNear(boxes.slice(6));
    expect(list.querySelectorAll('img')).toHaveLength(19);
    for (const image of list.querySelectorAll('img')) expect(image.getAttribute('fetchpriority')).toBeNull();
    expect(observers.size).toBe(0);
  });

  it('a poster that leaves the page stops being watched', async () => {
    stubApi({ 'GET /api/discover-western-movies': reply(200, films) });
    const { unmount } = renderRow({});
    const list = await screen.findByRole('list', { name: 'Western' });
    await vi.waitFor(() => expect(waiting(list)).toHaveLength(films.length));
    expect(observers.size).toBe(1);
    unmount();
    expect(observers.size).toBe(0);
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
