// The diary's words and numbers: half-star ratings, dates, months.
import { longDate } from './format.js';

// 0.5 to 5 in halves, as the API takes them.
export const HALF_STARS = Array.from({ length: 10 }, (_, index) => (index + 1) / 2);

// 3.5 → "★★★½"; '' for no rating.
export function stars(rating) {
  if (!Number.isFinite(rating) || rating <= 0) return '';
  const whole = Math.floor(rating);
  return '★'.repeat(whole) + (rating - whole >= 0.5 ? '½' : '');
}

// 3.5 → "3,5" (French decimals).
export const frenchRating = (rating) => String(rating).replace('.', ',');

// What a screen reader says for a rating: "3,5 étoiles sur 5".
export function ratingLabel(rating) {
  if (!Number.isFinite(rating) || rating <= 0) return '';
  return `${frenchRating(rating)} étoile${rating > 1 ? 's' : ''} sur 5`;
}

// "Vu le 3 décembre 2026, ★★★½" (and "revu" for a rewatch).
export function viewingLine(entry) {
  const date = longDate(entry.watched_on) || entry.watched_on;
  const verb = entry.rewatch ? 'Revu le' : 'Vu le';
  const mark = stars(entry.rating);
  return `${verb} ${date}${mark ? `, ${mark}` : ''}`;
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
// Three letters each, all different (the chart's axis).
export const SHORT_MONTHS = ['jan', 'fév', 'mar', 'avr', 'mai', 'jun', 'jul', 'aoû', 'sep', 'oct', 'nov', 'déc'];

// "2026-12" → "décembre 2026".
export function monthName(month) {
  const match = /^([0-9]{4})-([0-9]{2})/.exec(month ?? '');
  if (!match) return month ?? '';
  return `${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

// Entries (newest first) grouped by the month of their viewing, in that order.
export function byMonth(entries) {
  const groups = [];
  for (const entry of entries) {
    const month = (entry.watched_on ?? '').slice(0, 7);
    const last = groups[groups.length - 1];
    if (last && last.month === month) last.entries.push(entry);
    else groups.push({ month, entries: [entry] });
  }
  return groups;
}
