import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { groupCredits, sortCredits } from './person.js';
import { reply, stubApi } from './test/api.js';
import { MURNAU } from './test/fixtures.js';
import { renderSite } from './test/render.jsx';

beforeAll(async () => {
  await import('./pages/Person.jsx');
});

const location = () => screen.getByTestId('location').textContent;
const group = (id) => screen.getByTestId(`group-${id}`);
const titles = (id) => within(group(id)).getAllByTestId('credit').map((card) => card.querySelector('.card-title').firstChild.textContent);

async function openPerson(path = '/personne/9', person = MURNAU) {
  const api = stubApi({ [`GET /api/person/${person.id}`]: reply(200, person) });
  renderSite(path);
  await screen.findByRole('heading', { level: 1, name: person.name });
  return api;
}

describe('person page', () => {
  it('shows the photo, the facts and the biography in paragraphs', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-10T12:00:00') });
    await openPerson();
    const photo = screen.getByRole('img', { name: 'Portrait : F. W. Murnau' });
    expect(photo.getAttribute('src')).toBe('/demo-images/w185/person-9.svg');
    expect([photo.getAttribute('width'), photo.getAttribute('height')]).toEqual(['185', '278']);
    const facts = within(screen.getByTestId('person-facts'));
    expect(facts.getByText('Naissance').nextElementSibling.textContent).toBe('le 28 décembre 1888 à Bielefeld, Allemagne');
    expect(facts.getByText('Décès').nextElementSibling.textContent).toBe('le 11 mars 1931 (à 42 ans)');
    expect(facts.getByText('Connu pour').nextElementSibling.textContent).toBe('Réalisation');
    const biography = screen.getByRole('heading', { level: 2, name: 'Biographie' }).closest('section');
    expect([...biography.querySelectorAll('p')].map((paragraph) => paragraph.textContent)).toEqual([
      'Né Friedrich Wilhelm Plumpe, il étudie la philologie à Berlin.',
      'À Hollywood, il tourne « L’Aurore » pour la Fox.',
    ]);
    await waitFor(() => expect(document.title).toBe('F. W. Murnau — CineVerse'));
  });

  it('keeps the photo’s place with a placeholder, and says a living person’s age', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-10T12:00:00') });
    await openPerson('/personne/9', { ...MURNAU, profile_path: null, deathday: null, birthday: '1990-12-11', biography: '' });
    const placeholder = screen.getByRole('img', { name: 'Portrait : F. W. Murnau' });
    expect(placeholder.tagName).toBe('DIV');
    expect(placeholder.className).toContain('picture-profile');
    expect(screen.getByText('Naissance').nextElementSibling.textContent).toBe('le 11 décembre 1990 à Bielefeld, Allemagne (35 ans)');
    expect(screen.queryByText('Décès')).toBeNull();
    expect(screen.getByText("Pas de biographie pour l'instant.")).toBeTruthy();
  });

  it('groups the filmography by role, the known one first; a title may be in several groups', async () => {
    await openPerson();
    const headings = within(screen.getByRole('region', { name: 'Filmographie' })).getAllByRole('heading', { level: 3 });
    expect(headings.map((heading) => heading.textContent)).toEqual(['Réalisation (4)', 'Interprétation (2)', 'Scénario (2)', 'Équipe technique (2)']);
    // Popularity first, by default.
    expect(titles('directing')).toEqual(['Le Dernier des hommes', 'Nosferatu', 'L’Aurore', 'Tabou']);
    expect(titles('acting')).toEqual(['Tabou', 'Les Maîtres du muet']);
    expect(titles('writing')).toEqual(['L’Aurore', 'Tabou']);
    // "Director of Photography" is not directing.
    expect(titles('crew')).toEqual(['Tabou', 'Le Fantôme']);

    const roles = (id) => within(group(id)).getAllByTestId('credit').map((card) => card.querySelector('.credit-role')?.textContent ?? '');
    expect(roles('acting')).toEqual(['Lui-même', 'Lui-même (archives)']);
    expect(roles('writing')).toEqual(['Scénario', 'Scénario']);
    expect(roles('crew')).toEqual(['Production', 'Image']);

    const links = within(group('acting')).getAllByRole('link').map((link) => link.getAttribute('href'));
    expect(links).toEqual(['/film/700', '/serie/950010']);
    const nosferatu = within(group('directing')).getByRole('link', { name: /Nosferatu/ });
    expect(nosferatu.querySelector('img').getAttribute('src')).toBe('/demo-images/w342/poster-653.svg');
    expect(within(group('directing')).getAllByTestId('credit')[1].querySelector('.credit-rating').textContent).toBe('★ 7,6/10');
  });

  it('sorts by date or rating from the URL, and the choice goes to the URL', async () => {
    await openPerson('/personne/9?sort=date');
    expect(screen.getByRole('combobox', { name: 'Trier par' }).value).toBe('date');
    expect(titles('directing')).toEqual(['Tabou', 'L’Aurore', 'Le Dernier des hommes', 'Nosferatu']);
    // Undated titles after the dated ones.
    expect(titles('acting')).toEqual(['Tabou', 'Les Maîtres du muet']);

    fireEvent.change(screen.getByRole('combobox', { name: 'Trier par' }), { target: { value: 'rating' } });
    expect(location()).toBe('/personne/9?sort=rating');
    expect(titles('directing')).toEqual(['L’Aurore', 'Le Dernier des hommes', 'Nosferatu', 'Tabou']);
    fireEvent.change(screen.getByRole('combobox', { name: 'Trier par' }), { target: { value: 'popularity' } });
    expect(location()).toBe('/personne/9');
    expect(titles('directing')).toEqual(['Le Dernier des hommes', 'Nosferatu', 'L’Aurore', 'Tabou']);
  });

  it('puts an actor’s roles first', async () => {
    await openPerson('/personne/9', { ...MURNAU, known_for_department: 'Acting' });
    const headings = within(screen.getByRole('region', { name: 'Filmographie' })).getAllByRole('heading', { level: 3 });
    expect(headings[0].textContent).toBe('Interprétation (2)');
  });

  it('shows the introuvable page for an unknown person, and never asks for a malformed id', async () => {
    const api = stubApi({ 'GET /api/person/404404': reply(404, { error: 'Not found' }) });
    const view = renderSite('/personne/404404');
    await screen.findByRole('heading', { level: 1, name: 'Personne introuvable' });
    await waitFor(() => expect(document.title).toBe('Personne introuvable — CineVerse'));
    view.unmount();
    renderSite('/personne/abc');
    await screen.findByRole('heading', { level: 1, name: 'Personne introuvable' });
    expect(api.calls.filter((call) => call.path.startsWith('/api/person/')).map((call) => call.path)).toEqual(['/api/person/404404']);
  });

  it('offers to try again when the catalogue is unavailable', async () => {
    let down = true;
    stubApi({ 'GET /api/person/9': () => (down ? reply(503, { error: 'Catalogue unavailable' }) : reply(200, MURNAU)) });
    renderSite('/personne/9');
    expect((await screen.findByRole('alert')).textContent).toBe('Le catalogue est indisponible pour le moment.');
    down = false;
    fireEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    await screen.findByRole('heading', { level: 1, name: 'F. W. Murnau' });
  });
});

describe('person.js', () => {
  it('reads merged jobs and skips what is not a title', () => {
    const groups = groupCredits(
      [
        { media_type: 'movie', id: 1, character: 'Charlot', job: 'Director, Writer, Producer, Original Music Composer', date: '1921-01-21' },
        { media_type: 'movie', id: 2, character: '', job: null },
        { media_type: 'person', id: 3, character: 'x' },
        { media_type: 'movie', id: 'x', character: 'y' },
        null,
      ],
      'Acting',
    );
    expect(groups.map((entry) => [entry.id, entry.credits.map((credit) => [credit.credit.id, credit.role])])).toEqual([
      ['acting', [[1, 'Charlot'], [2, '']]],
      ['directing', [[1, '']]],
      ['writing', [[1, 'Scénario']]],
      ['crew', [[1, 'Production, Musique']]],
    ]);
  });

  it('sorts without changing the order of equals', () => {
    const entries = [{ credit: { id: 1, date: '1920-01-01', popularity: 1 } }, { credit: { id: 2, date: '1920-01-01', popularity: 1 } }, { credit: { id: 3, date: null, popularity: 9 } }];
    expect(sortCredits(entries, 'date').map((entry) => entry.credit.id)).toEqual([1, 2, 3]);
    expect(sortCredits(entries, 'nonsense').map((entry) => entry.credit.id)).toEqual([3, 1, 2]);
  });
});
