import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { HOME_ROWS } from './catalogue.js';
import { reply, stubApi } from './test/api.js';
import { renderSite } from './test/render.jsx';

// The route table as it is once the API lists now playing and upcoming films among the home
// rows (whether or not the generated table has them yet): the page follows the table.
vi.mock('./generated/routes.json', async (importOriginal) => {
  const table = (await importOriginal()).default;
  const others = table.routes.filter((route) => route.path !== '/api/now-playing' && route.path !== '/api/upcoming');
  const rows = [
    { method: 'GET', path: '/api/now-playing', home_row: 'Au cinéma' },
    { method: 'GET', path: '/api/upcoming', home_row: 'Prochainement' },
  ];
  return { default: { ...table, routes: [...others, ...rows] } };
});

describe('home', () => {
  it('has a row for each of the table’s home rows, "Au cinéma" and "Prochainement" included', async () => {
    const napoleon = { id: 900100, title: 'Napoléon', poster_path: '/poster-900100.svg', release_date: '2026-11-28' };
    const cabiria = { id: 900102, title: 'Cabiria', poster_path: null, release_date: '2026-12-14' };
    const api = stubApi({ 'GET /api/now-playing': reply(200, [napoleon]), 'GET /api/upcoming': reply(200, [cabiria]) });
    renderSite('/');
    const rows = screen.getAllByTestId('row');
    expect(HOME_ROWS.length).toBeGreaterThanOrEqual(22);
    expect(rows).toHaveLength(HOME_ROWS.length);
    expect(rows.map((row) => row.querySelector('h2').textContent).slice(-2)).toEqual(['Au cinéma', 'Prochainement']);
    const now = await screen.findByRole('list', { name: 'Au cinéma' });
    expect(within(now).getByRole('link', { name: /Napoléon/ }).getAttribute('href')).toBe('/film/900100');
    const soon = await screen.findByRole('list', { name: 'Prochainement' });
    expect(within(soon).getByRole('link', { name: /^Cabiria\s*·\s*2026$/ }).getAttribute('href')).toBe('/film/900102');
    // One request a row.
    const asked = new Set(api.calls.map((call) => call.path));
    for (const row of HOME_ROWS) expect(asked.has(row.route), row.route).toBe(true);
  });

  it('asks for the first screen’s rows only; the others wait to come near the viewport, titled', async () => {
    const observed = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        observe(target) {
          observed.push(target);
        }
        unobserve() {}
        disconnect() {}
      },
    );
    const api = stubApi();
    renderSite('/');
    const rows = await screen.findAllByTestId('row');
    expect(rows).toHaveLength(HOME_ROWS.length);
    await vi.waitFor(() => expect(api.calls.filter((call) => HOME_ROWS.some((row) => row.route === call.path))).toHaveLength(2));
    const asked = api.calls.map((call) => call.path);
    expect(asked).toContain(HOME_ROWS[0].route);
    expect(asked).toContain(HOME_ROWS[1].route);
    expect(observed.filter((element) => element.tagName === 'SECTION')).toEqual(rows.slice(2));
    rows.forEach((row, index) => expect(row.querySelector('h2').textContent).toBe(HOME_ROWS[index].title));
    expect(document.title).toBe('CineVerse');
    expect(document.querySelector('meta[name="description"]').getAttribute('content')).toMatch(/^CineVerse : /);
  });
});
