// How numbers from TMDB read in French.

export function runtime(minutes) {
  if (!Number.isFinite(minutes) || minutes <= 0) return '';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export function rating(average) {
  if (!Number.isFinite(average) || average <= 0) return '';
  return `${average.toLocaleString('fr-FR', { maximumFractionDigits: 1 })}/10`;
}

export function count(value, one, many) {
  if (!Number.isFinite(value)) return '';
  return `${value.toLocaleString('fr-FR')} ${value > 1 ? many : one}`;
}

// French classifications: "U" (or "TP") is for everyone; a number is a minimum age.
export function certification(code) {
  if (!code) return '';
  if (code === 'U' || code === 'TP') return 'Tous publics';
  if (/^[0-9]+$/.test(code)) return `Déconseillé aux moins de ${code} ans`;
  return code;
}
