import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { imageSources } from './images.jsx';
import { IMAGE_CONFIG, reply, stubApi } from './test/api.js';
import { BRIGADES, NOSFERATU } from './test/fixtures.js';
import { renderSite } from './test/render.jsx';

async function openFilm(page = NOSFERATU, routes = {}) {
  const api = stubApi({ [`GET /api/movie/${page.id}`]: reply(200, page), ...routes });
  renderSite(`/film/${page.id}`);
  await screen.findByRole('heading', { level: 1, name: page.title });
  return api;
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
