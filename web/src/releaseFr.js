import { longDate } from './format.js';

// A film's French release (`release_fr` of the film page): its date in cinemas and, by the
// *chronologie des médias*, the earliest date each kind of service may show it. Those are
// the earliest dates the rules allow, never a promise that a service will: the words say so.

export const CHANNELS = {
  rent_buy: 'Location et achat',
  canal_plus: 'Canal+',
  svod_agreement: 'Plateforme avec accord (Netflix)',
  svod: 'Autres plateformes par abonnement',
  free_tv: 'Télévision gratuite',
};

const ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

// "Sortie en salle le …" (ahead), "En salle depuis le …" (until rental may begin: the first
// months of a release), "Sorti en salle le …" (later).
export function cinemaLine(release, now) {
  const cinema = release?.cinema;
  if (!ISO_DATE.test(cinema ?? '')) return '';
  const date = longDate(cinema);
  if (cinema > now) return `Sortie en salle le ${date}`;
  const rental = windowsOf(release).find((window) => window.channel === 'rent_buy');
  if (!rental || now < rental.earliest) return `En salle depuis le ${date}`;
  return `Sorti en salle le ${date}`;
}

function windowsOf(release) {
  return (Array.isArray(release?.windows) ? release.windows : []).filter(
    (window) => Object.hasOwn(CHANNELS, window?.channel ?? '') && ISO_DATE.test(window.earliest ?? ''),
  );
}

// One line a kind of service, in the API's order; none once every window has opened (the
// chronology has nothing left to say about an old film).
export function windowLines(release, now) {
  if (!ISO_DATE.test(release?.cinema ?? '')) return [];
  const windows = windowsOf(release);
  if (!windows.some((window) => window.earliest > now)) return [];
  return windows.map((window) => ({
    channel: window.channel,
    text: `${CHANNELS[window.channel]} : ${window.earliest > now ? 'à partir du' : 'depuis le'} ${longDate(window.earliest)}`,
  }));
}
