import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { imageSources } from './images.jsx';
import { cinemaLine, windowLines } from './releaseFr.js';
import { IMAGE_CONFIG, reply, stubApi } from './test/api.js';
import { BRIGADES, NOSFERATU } from './test/fixtures.js';
import { renderSite } from './test/render.jsx';

async function openFilm(page = NOSFERATU, routes = {}) {
  const api = stubApi({ [`GET /api/movie/${page.id}`]: reply(200, page), ...routes });
  renderSite(`/film/${page.id}`);
  await screen.findByRole('heading', { level: 1, name: page.title });
  return api;
}

// A second page in one test: the first one goes, with its stubbed API.
function cleanupAndStub() {
  cleanup();
  vi.unstubAllGlobals();
}

const section = (name) => screen.getByRole('heading', { level: 2, name }).closest('section');

describe('film page', () => {
  it('shows what the contract gives: facts, credits, cast, providers and similar titles', async () => {
    await openFilm();
    expect(screen.getByText('Film', { selector: '.kind-label' })).toBeTruthy();
    expect(screen.getByText('Nosferatu, eine Symphonie des Grauens').getAttribute('lang')).toBe('de');
    const facts = within(screen.getByTestId('facts'));
    expect(facts.getByText('1922')).toBeTruthy();
    expect(facts.getByText('1 h 34 min')).toBeTruthy();
    expect(facts.getByText('Déconseillé aux moins de 12 ans')).toBeTruthy();
    expect(facts.getByText('★ 7,6/10')).toBeTruthy();
    expect(facts.getByText(/1\s900 votes/)).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Genres' })).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Horreur', 'Fantastique']);
    expect(screen.getByText("L'ombre qui vient de l'Est")).toBeTruthy();
    expect(screen.getByText(NOSFERATU.overview)).toBeTruthy();
    expect(screen.getByText('Réalisation').nextElementSibling.textContent).toBe('F. W. Murnau');

    const cast = screen.getAllByTestId('cast');
    expect(cast.map((person) => person.querySelector('.person-name').textContent)).toEqual(['Max Schreck', 'Gustav von Wangenheim', 'Greta Schröder']);
    expect(within(cast[0]).getByText('Comte Orlok')).toBeTruthy();

    const providers = within(screen.getByTestId('providers'));
    expect(providers.getByRole('heading', { name: 'Où regarder en France' })).toBeTruthy();
    expect(providers.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual(['Abonnement', 'Location']);
    expect(providers.getAllByTestId('provider').map((provider) => provider.lastChild.textContent)).toEqual(['Ciné Club Plus', 'Vidéo Location']);
    expect(providers.getByText(/Données JustWatch/)).toBeTruthy();
    expect(providers.getByRole('link', { name: 'Toutes les offres sur TMDB' }).getAttribute('href')).toBe(NOSFERATU.providers.link);

    const similar = within(screen.getByTestId('similar'));
    expect(similar.getByRole('heading', { name: 'Titres similaires' })).toBeTruthy();
    expect(similar.getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['/film/654', '/film/655']);
  });

  it('builds every image from /api/config: src, srcset, sizes, size and lazy loading', async () => {
    await openFilm();
    const poster = screen.getByRole('img', { name: 'Affiche : Nosferatu' });
    expect(poster.getAttribute('src')).toBe('/demo-images/w342/poster-653.svg');
    expect(poster.getAttribute('srcset')).toContain('/demo-images/w500/poster-653.svg 500w');
    expect(poster.getAttribute('sizes')).toBeTruthy();
    expect([poster.getAttribute('width'), poster.getAttribute('height')]).toEqual(['342', '513']);

    const photo = screen.getAllByTestId('cast')[0].querySelector('img');
    expect(photo.getAttribute('src')).toBe('/demo-images/w185/person-1.svg');
    expect(photo.getAttribute('srcset')).toBe('/demo-images/w45/person-1.svg 45w, /demo-images/w185/person-1.svg 185w');
    expect(photo.getAttribute('loading')).toBe('lazy');

    const similarPoster = screen.getByTestId('similar').querySelector('img');
    expect(similarPoster.getAttribute('src')).toBe('/demo-images/w342/poster-654.svg');
    expect(similarPoster.getAttribute('loading')).toBe('lazy');
    expect(similarPoster.getAttribute('sizes')).toBe('(max-width: 480px) 112px, 136px');
  });

  it('shows placeholders, never a broken image, for missing and failing pictures', async () => {
    await openFilm();
    const withoutPhoto = screen.getAllByTestId('cast')[1];
    expect(withoutPhoto.querySelector('img')).toBeNull();
    expect(within(withoutPhoto).getByTestId('placeholder').textContent).toBe('Gustav von Wangenheim');

    const rentLogo = screen.getAllByTestId('provider')[1];
    expect(rentLogo.querySelector('img')).toBeNull();
    expect(within(rentLogo).getByTestId('placeholder').textContent).toBe('VL');
    expect(rentLogo.textContent).toBe('VLVidéo Location');

    const metropolis = within(screen.getByTestId('similar')).getByRole('link', { name: /Metropolis/ });
    expect(within(metropolis).getByTestId('placeholder').textContent).toBe('Metropolis');

    const caligari = within(screen.getByTestId('similar')).getByRole('link', { name: /Caligari/ });
    fireEvent.error(caligari.querySelector('img'));
    expect(caligari.querySelector('img')).toBeNull();
    expect(within(caligari).getByTestId('placeholder').textContent).toBe('Le Cabinet du docteur Caligari');
  });

  it('shows placeholders with titles when the image configuration cannot be had', async () => {
    await openFilm(NOSFERATU, { 'GET /api/config': reply(500, { error: 'Internal server error' }) });
    expect(document.querySelectorAll('main img')).toHaveLength(0);
    expect(screen.getByRole('img', { name: 'Affiche : Nosferatu' }).textContent).toBe('Nosferatu');
  });

  it('plays the trailer only when asked, in the privacy-enhanced YouTube player', async () => {
    await openFilm();
    const trailer = section('Bande-annonce');
    expect(trailer.querySelector('iframe')).toBeNull();
    expect(trailer.querySelector('img').getAttribute('src')).toBe('/demo-images/w1280/backdrop-653.svg');
    fireEvent.click(within(trailer).getByRole('button', { name: 'Lire la bande-annonce : Nosferatu — bande-annonce' }));
    const frame = trailer.querySelector('iframe');
    expect(frame.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/dQ_w4-9WgXc?autoplay=1');
    expect(frame.getAttribute('title')).toBe('Nosferatu — bande-annonce');
  });

  it('has no trailer section without a trailer', async () => {
    await openFilm({ ...NOSFERATU, trailer: null });
    expect(screen.queryByRole('heading', { name: 'Bande-annonce' })).toBeNull();
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('links to a Vimeo trailer rather than embedding it', async () => {
    await openFilm({ ...NOSFERATU, trailer: { site: 'Vimeo', key: '76979871', name: 'Trailer' } });
    const trailer = section('Bande-annonce');
    expect(within(trailer).getByRole('link', { name: 'Voir la bande-annonce sur Vimeo' }).getAttribute('href')).toBe('https://vimeo.com/76979871');
    expect(trailer.querySelector('iframe, button')).toBeNull();
  });

  it('shows free and ad-supported offers beside subscription, rental and purchase', async () => {
    await openFilm({
      ...NOSFERATU,
      providers: {
        ...NOSFERATU.providers,
        free: [{ provider_id: 9107, provider_name: 'Ciné-Club Libre', logo_path: null }],
        ads: [{ provider_id: 9108, provider_name: 'Canal Entracte', logo_path: null }],
      },
    });
    const providers = within(screen.getByTestId('providers'));
    expect(providers.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual(['Abonnement', 'Gratuit', 'Avec pub', 'Location']);
  });

  it('says when there is nowhere to watch it in France, with no JustWatch credit to give', async () => {
    await openFilm({ ...NOSFERATU, providers: null });
    const providers = within(screen.getByTestId('providers'));
    expect(providers.getByText('Aucune offre connue en France pour ce titre.')).toBeTruthy();
    expect(providers.queryByText(/JustWatch/)).toBeNull();
  });

  it('shows a French error with a retry when the catalogue is unavailable', async () => {
    let down = true;
    const api = stubApi({ 'GET /api/movie/653': () => (down ? reply(503, { error: 'Catalogue unavailable' }) : reply(200, NOSFERATU)) });
    renderSite('/film/653');
    expect((await screen.findByRole('alert')).textContent).toBe('Le catalogue est indisponible pour le moment.');
    down = false;
    fireEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    await screen.findByRole('heading', { level: 1, name: 'Nosferatu' });
    expect(api.callsTo('GET', '/api/movie/653')).toHaveLength(2);
  });
});

describe('series page', () => {
  it('shows seasons, episodes, creators and networks, and links similar series', async () => {
    stubApi({ 'GET /api/tv/950000': reply(200, BRIGADES) });
    renderSite('/serie/950000');
    await screen.findByRole('heading', { level: 1, name: 'Les Brigades du Rail' });
    expect(screen.getByText('Série', { selector: '.kind-label' })).toBeTruthy();
    expect(screen.queryByText(/Titre original/)).toBeNull();
    expect(within(screen.getByTestId('facts')).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '2019–2021',
      '3 saisons',
      '24 épisodes',
      'épisodes de 52 min',
      '★ 7/10 (40 votes)',
    ]);
    expect(screen.getByText('Création').nextElementSibling.textContent).toBe('Jeanne Fer');
    const networks = screen.getByText('Diffusion').nextElementSibling;
    expect(networks.querySelector('img').getAttribute('src')).toBe('/demo-images/w92/network-80.svg');
    expect(networks.textContent).toBe('Canal Vapeur');
    expect(within(screen.getByTestId('similar')).getByRole('link', { name: /La Ligne de Minuit/ }).getAttribute('href')).toBe('/serie/950001');
    expect(screen.queryByRole('heading', { name: 'Bande-annonce' })).toBeNull();
  });

  it('reads an episode run time given as TMDB does, as a list', async () => {
    stubApi({ 'GET /api/tv/950000': reply(200, { ...BRIGADES, episode_run_time: [45, 50] }) });
    renderSite('/serie/950000');
    await screen.findByText('épisodes de 45 min');
  });
});

describe('names lead to person pages', () => {
  it('on a film page: directors and every cast card', async () => {
    await openFilm();
    const directors = screen.getByText('Réalisation').nextElementSibling;
    expect(within(directors).getByRole('link', { name: 'F. W. Murnau' }).getAttribute('href')).toBe('/personne/9');
    const cast = screen.getAllByTestId('cast');
    expect(cast.map((card) => within(card).getByRole('link').getAttribute('href'))).toEqual(['/personne/1', '/personne/2', '/personne/3']);
    expect(within(cast[0]).getByRole('link').textContent).toBe('Max Schreck');
    expect(within(cast[1]).getByRole('link', { name: 'Gustav von Wangenheim' })).toBeTruthy();
  });

  it('on a series page: creators and cast', async () => {
    stubApi({ 'GET /api/tv/950000': reply(200, { ...BRIGADES, creators: [{ id: 70, name: 'Jeanne Fer' }, { id: 72, name: 'Paul Aiguillage' }] }) });
    renderSite('/serie/950000');
    await screen.findByRole('heading', { level: 1, name: 'Les Brigades du Rail' });
    const creators = screen.getByText('Création').nextElementSibling;
    expect(creators.textContent).toBe('Jeanne Fer, Paul Aiguillage');
    expect(within(creators).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['/personne/70', '/personne/72']);
    expect(within(screen.getByTestId('cast')).getByRole('link', { name: 'Louis Rail' }).getAttribute('href')).toBe('/personne/71');
  });

  it('open the person page', async () => {
    await import('./pages/Person.jsx');
    stubApi({
      'GET /api/movie/653': reply(200, NOSFERATU),
      'GET /api/person/9': reply(200, { id: 9, name: 'F. W. Murnau', biography: '', credits: [{ media_type: 'movie', id: 653, title: 'Nosferatu', character: null, job: 'Director', date: '1922-02-16' }] }),
    });
    renderSite('/film/653');
    await screen.findByRole('heading', { level: 1, name: 'Nosferatu' });
    fireEvent.click(screen.getByRole('link', { name: 'F. W. Murnau' }));
    await screen.findByRole('heading', { level: 1, name: 'F. W. Murnau' });
    expect(within(screen.getByTestId('group-directing')).getByRole('link', { name: /Nosferatu/ }).getAttribute('href')).toBe('/film/653');
  });
});

describe('recommendations', () => {
  it('are a row beside the similar titles, for films and series', async () => {
    await openFilm({ ...NOSFERATU, recommendations: [{ id: 631, title: 'L’Aurore', poster_path: null, release_date: '1927-09-23' }] });
    const row = within(screen.getByTestId('recommendations'));
    expect(row.getByRole('heading', { level: 2, name: 'Recommandations' })).toBeTruthy();
    expect(row.getByRole('list', { name: 'Recommandations' })).toBeTruthy();
    expect(row.getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['/film/631']);
    expect(screen.getByTestId('similar').nextElementSibling).toBe(screen.getByTestId('recommendations'));
  });

  it('say when there are none, and are absent from a page that has no such key', async () => {
    await openFilm({ ...NOSFERATU, recommendations: [] });
    expect(within(screen.getByTestId('recommendations')).getByText("Pas de recommandation pour l'instant.")).toBeTruthy();
    cleanupAndStub();
    await openFilm(NOSFERATU);
    expect(screen.queryByTestId('recommendations')).toBeNull();
  });

  it('link series to series pages', async () => {
    stubApi({ 'GET /api/tv/950000': reply(200, { ...BRIGADES, recommendations: [{ id: 950003, name: 'Le Train de Nuit', poster_path: null }] }) });
    renderSite('/serie/950000');
    await screen.findByRole('heading', { level: 1, name: 'Les Brigades du Rail' });
    expect(within(screen.getByTestId('recommendations')).getByRole('link').getAttribute('href')).toBe('/serie/950003');
  });
});

// The chronology as the API would give it for a film in French cinemas on 3 December 2026.
const WINDOWS = [
  { channel: 'rent_buy', earliest: '2027-04-03' },
  { channel: 'canal_plus', earliest: '2027-06-03' },
  { channel: 'svod_agreement', earliest: '2028-03-01' },
  { channel: 'svod', earliest: '2028-05-03' },
  { channel: 'free_tv', earliest: '2028-09-03' },
];

describe('French release', () => {
  const onDay = (day) => vi.useFakeTimers({ toFake: ['Date'], now: new Date(`${day}T12:00:00`) });

  it('says since when a film is in cinemas and the earliest date of each kind of service, as earliest dates', async () => {
    onDay('2026-12-10');
    await openFilm({ ...NOSFERATU, release_fr: { cinema: '2026-12-03', windows: WINDOWS } });
    const release = within(screen.getByTestId('release-fr'));
    expect(release.getByRole('heading', { level: 2, name: 'Sortie en France' })).toBeTruthy();
    expect(release.getByText('En salle depuis le 3 décembre 2026')).toBeTruthy();
    expect(release.getByRole('heading', { level: 3 }).textContent).toBe('Au plus tôt, selon la chronologie des médias');
    expect(release.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Location et achat : à partir du 3 avril 2027',
      'Canal+ : à partir du 3 juin 2027',
      'Plateforme avec accord (Netflix) : à partir du 1er mars 2028',
      'Autres plateformes par abonnement : à partir du 3 mai 2028',
      'Télévision gratuite : à partir du 3 septembre 2028',
    ]);
    expect(release.getByText(/chaque service décide s'il propose le film, et quand/)).toBeTruthy();
  });

  it('announces a release to come', async () => {
    onDay('2026-11-20');
    await openFilm({ ...NOSFERATU, release_fr: { cinema: '2026-12-03', windows: WINDOWS } });
    expect(within(screen.getByTestId('release-fr')).getByText('Sortie en salle le 3 décembre 2026')).toBeTruthy();
  });

  it('words the windows already open as such, and the film as no longer new', async () => {
    onDay('2027-07-01');
    await openFilm({ ...NOSFERATU, release_fr: { cinema: '2026-12-03', windows: WINDOWS } });
    const release = within(screen.getByTestId('release-fr'));
    expect(release.getByText('Sorti en salle le 3 décembre 2026')).toBeTruthy();
    expect(release.getAllByRole('listitem').map((item) => item.textContent).slice(0, 3)).toEqual([
      'Location et achat : depuis le 3 avril 2027',
      'Canal+ : depuis le 3 juin 2027',
      'Plateforme avec accord (Netflix) : à partir du 1er mars 2028',
    ]);
  });

  it('has nothing to say of the chronology once every window is open, and no section without a French cinema date', async () => {
    onDay('2026-12-10');
    await openFilm({ ...NOSFERATU, release_fr: { cinema: '1922-03-01', windows: [{ channel: 'rent_buy', earliest: '1922-07-01' }] } });
    const release = within(screen.getByTestId('release-fr'));
    expect(release.getByText('Sorti en salle le 1er mars 1922')).toBeTruthy();
    expect(release.queryByRole('heading', { level: 3 })).toBeNull();

    cleanupAndStub();
    await openFilm({ ...NOSFERATU, release_fr: { cinema: null, windows: [] } });
    expect(screen.queryByTestId('release-fr')).toBeNull();
    cleanupAndStub();
    await openFilm({ ...NOSFERATU, release_fr: null });
    expect(screen.queryByTestId('release-fr')).toBeNull();
  });

  it('ignores channels it cannot name and dates it cannot read', () => {
    const release = { cinema: '2026-12-03', windows: [{ channel: 'cinema_club', earliest: '2027-01-01' }, { channel: 'svod', earliest: 'bientôt' }, { channel: 'free_tv', earliest: '2028-09-03' }] };
    expect(windowLines(release, '2026-12-10').map((line) => line.text)).toEqual(['Télévision gratuite : à partir du 3 septembre 2028']);
    expect(cinemaLine({ cinema: '03/12/2026' }, '2026-12-10')).toBe('');
    expect(cinemaLine({ cinema: '2026-12-03', windows: [] }, '2026-12-10')).toBe('En salle depuis le 3 décembre 2026');
  });
});

describe('image sources', () => {
  it('use only the widths a browser can compare, from the base the service gives', () => {
    const tmdb = { ...IMAGE_CONFIG.images, base_url: 'https://image.tmdb.org/t/p/' };
    expect(imageSources(tmdb, 'profile', '/abc.jpg', 185)).toEqual({
      src: 'https://image.tmdb.org/t/p/w185/abc.jpg',
      srcSet: 'https://image.tmdb.org/t/p/w45/abc.jpg 45w, https://image.tmdb.org/t/p/w185/abc.jpg 185w',
    });
    expect(imageSources({ ...tmdb, base_url: '/demo-images' }, 'logo', '/l.svg', 92).src).toBe('/demo-images/w92/l.svg');
    expect(imageSources(tmdb, 'poster', null, 342)).toBeNull();
    expect(imageSources(tmdb, 'poster', '//evil.example/x.jpg', 342)).toBeNull();
    expect(imageSources(tmdb, 'poster', 'javascript:alert(1)', 342)).toBeNull();
    expect(imageSources(null, 'poster', '/abc.jpg', 342)).toBeNull();
  });
});
