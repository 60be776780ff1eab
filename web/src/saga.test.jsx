import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { reply, stubApi } from './test/api.js';
import { FANTOMAS, NOSFERATU } from './test/fixtures.js';
import { renderSite } from './test/render.jsx';

beforeAll(async () => {
  await import('./pages/Saga.jsx');
});

describe('saga page', () => {
  it('shows the saga and its films in order, as poster cards', async () => {
    stubApi({ 'GET /api/collection/990001': reply(200, FANTOMAS) });
    renderSite('/saga/990001');
    await screen.findByRole('heading', { level: 1, name: 'Fantômas - Saga' });
    expect(screen.getByText(FANTOMAS.overview)).toBeTruthy();
    expect(within(screen.getByTestId('facts')).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['5 films', '1913–1914']);
    const parts = screen.getByRole('list', { name: 'Les films de la saga' });
    expect(parts.tagName).toBe('OL');
    expect(within(parts).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual([
      '/film/900133',
      '/film/900134',
      '/film/900135',
      '/film/900136',
      '/film/900137',
    ]);
    expect(within(parts).getAllByTestId('watchlist-toggle')).toHaveLength(5);
    expect(screen.getByRole('img', { name: 'Affiche : Fantômas - Saga' }).getAttribute('src')).toBe('/demo-images/w342/poster-990001.svg');
    await waitFor(() => expect(document.title).toBe('Fantômas - Saga — CineVerse'));
  });

  it('shows the introuvable page for an unknown saga', async () => {
    stubApi({ 'GET /api/collection/5': reply(404, { error: 'Not found' }) });
    renderSite('/saga/5');
    await screen.findByRole('heading', { level: 1, name: 'Saga introuvable' });
  });

  it('is reached from the band of a film that is part of it', async () => {
    const film = { ...NOSFERATU, id: 900133, title: 'Fantômas : À l’ombre de la guillotine', collection: { id: 990001, name: 'Fantômas - Saga', poster_path: '/poster-990001.svg' } };
    stubApi({ 'GET /api/movie/900133': reply(200, film), 'GET /api/collection/990001': reply(200, FANTOMAS) });
    renderSite('/film/900133');
    await screen.findByRole('heading', { level: 1, name: film.title });
    const band = screen.getByTestId('saga-band');
    const link = within(band).getByRole('link', { name: 'Fait partie de la saga Fantômas' });
    expect(link.getAttribute('href')).toBe('/saga/990001');
    fireEvent.click(link);
    await screen.findByRole('heading', { level: 1, name: 'Fantômas - Saga' });
    expect(screen.getByTestId('location').textContent).toBe('/saga/990001');
  });

  it('has no band for a film in no saga', async () => {
    stubApi({ 'GET /api/movie/653': reply(200, { ...NOSFERATU, collection: null }) });
    renderSite('/film/653');
    await screen.findByRole('heading', { level: 1, name: 'Nosferatu' });
    expect(screen.queryByTestId('saga-band')).toBeNull();
    expect(screen.queryByText(/Fait partie de la saga/)).toBeNull();
  });
});
