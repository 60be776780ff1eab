// How numbers from TMDB read in French.

export function runtime(minutes) {
  if (!Number.isFinite(minutes) || minutes <= 0) return '';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

// A number as French writes it, "1 234 567,8" (a narrow no-break space between thousands,
// a comma before the decimals), what toLocaleString('fr-FR') gives, without Intl: the
// browser's first use of a locale's formats costs the main thread tens of milliseconds
// (a phone four times that), for a page that only writes a count or a rating.
export function number(value, maxDecimals = 0) {
  if (!Number.isFinite(value)) return '';
  // Rounded half up on the shortest decimal form of the number, as Intl does.
  const shortest = String(Math.abs(value));
  if (shortest.includes('e')) return value.toLocaleString('fr-FR', { maximumFractionDigits: maxDecimals });
  let [whole, decimals = ''] = shortest.split('.');
  if (decimals.length > maxDecimals) {
    let digits = BigInt(whole + decimals.slice(0, maxDecimals));
    if (decimals[maxDecimals] >= '5') digits += 1n;
    const text = digits.toString().padStart(maxDecimals + 1, '0');
    whole = text.slice(0, text.length - maxDecimals);
    decimals = text.slice(text.length - maxDecimals).replace(/0+$/, '');
  }
  const sign = value < 0 && (whole !== '0' || decimals) ? '-' : '';
  return `${sign}${whole.replace(/\B(?=(\d{3})+$)/g, '\u202f')}${decimals ? `,${decimals}` : ''}`;
}

export function rating(average) {
  if (!Number.isFinite(average) || average <= 0) return '';
  return `${number(average, 1)}/10`;
}

export function count(value, one, many) {
  if (!Number.isFinite(value)) return '';
  return `${number(value, 3)} ${value > 1 ? many : one}`;
}

// French classifications: "U" (or "TP") is for everyone; a number is a minimum age.
export function certification(code) {
  if (!code) return '';
  if (code === 'U' || code === 'TP') return 'Tous publics';
  if (/^[0-9]+$/.test(code)) return `Déconseillé aux moins de ${code} ans`;
  return code;
}

// A logo's placeholder holds initials: the full name is written beside it.
export function initials(name) {
  return (name ?? '')
    .split(/[\s-]+/)
    .filter(Boolean)
    .slice(0, 3)
    .map((word) => Array.from(word)[0].toUpperCase())
    .join('');
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

// "2026-12-03" → "3 décembre 2026", the first of a month "1er" as French writes it; '' for
// anything that is not such a date. Read as a calendar date, never through a time zone.
export function longDate(iso) {
  const match = ISO_DATE.exec(iso ?? '');
  if (!match) return '';
  const [, year, month, day] = match.map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31) return '';
  return `${day === 1 ? '1er' : day} ${MONTHS[month - 1]} ${year}`;
}

// Today on the visitor's calendar, as YYYY-MM-DD (comparable with the API's dates as text).
export function today(now = new Date()) {
  const pad = (value) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// Whole years between two YYYY-MM-DD dates (an age).
export function yearsBetween(from, to) {
  if (!ISO_DATE.test(from ?? '') || !ISO_DATE.test(to ?? '')) return null;
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}
