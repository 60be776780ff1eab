import { number } from './format.js';

// Découvrir: the filters as the page's URL holds them and as the API takes them (contract,
// Discovering). The URL uses the API's own parameter names, so that an address reads as its
// question; both are written in one canonical form (the contract's order, ids sorted and
// each once, defaults dropped, commas left as commas), so that one question is one URL for
// the browser's history and for the caches in front of the API.

// TMDB's genre ids, with TMDB's French names; a series has its own list.
export const GENRES = {
  movie: [
    [28, 'Action'],
    [12, 'Aventure'],
    [16, 'Animation'],
    [35, 'Comédie'],
    [80, 'Crime'],
    [99, 'Documentaire'],
    [18, 'Drame'],
    [10751, 'Familial'],
    [14, 'Fantastique'],
    [36, 'Histoire'],
    [27, 'Horreur'],
    [10402, 'Musique'],
    [9648, 'Mystère'],
    [10749, 'Romance'],
    [878, 'Science-Fiction'],
    [53, 'Thriller'],
    [10752, 'Guerre'],
    [37, 'Western'],
  ],
  tv: [
    [10759, 'Action & Aventure'],
    [16, 'Animation'],
    [35, 'Comédie'],
    [80, 'Crime'],
    [99, 'Documentaire'],
    [18, 'Drame'],
    [10751, 'Familial'],
    [10762, 'Enfants'],
    [9648, 'Mystère'],
    [10763, 'Actualités'],
    [10764, 'Téléréalité'],
    [10765, 'Science-Fiction & Fantastique'],
    [10766, 'Feuilleton'],
    [10767, 'Talk-show'],
    [10768, 'Guerre & Politique'],
    [37, 'Western'],
  ],
};

export const KIND_WORDS = {
  movie: { one: 'film', many: 'films', title: 'Films' },
  tv: { one: 'série', many: 'séries', title: 'Séries' },
};

export const SORTS = [
  ['popularity', 'Popularité'],
  ['rating', 'Note'],
  ['release', 'Date de sortie'],
  ['title', 'Titre'],
];

export const MONETIZATIONS = [
  ['flatrate', 'Abonnement'],
  ['free', 'Gratuit'],
  ['ads', 'Avec pub'],
  ['rent', 'Location'],
  ['buy', 'Achat'],
];

// French age ratings, mildest first: a maximum keeps that one and the milder ones.
export const CERTIFICATIONS = [
  ['U', 'Tous publics'],
  ['10', 'Jusqu’à -10 ans'],
  ['12', 'Jusqu’à -12 ans'],
  ['16', 'Jusqu’à -16 ans'],
  ['18', 'Jusqu’à -18 ans'],
];

export const RATINGS = ['5', '6', '7', '7.5', '8', '9'];
export const VOTES = ['10', '100', '1000', '10000'];

// Durations as one choice; a pair from a URL that matches none is shown as it is.
export const RUNTIMES = [
  { id: 'under-60', label: 'Moins d’une heure', runtime_min: '', runtime_max: '59' },
  { id: 'under-100', label: 'Moins de 100 min', runtime_min: '', runtime_max: '99' },
  { id: '90-120', label: 'De 1 h 30 à 2 h', runtime_min: '90', runtime_max: '120' },
  { id: 'over-120', label: 'Plus de 2 h', runtime_min: '121', runtime_max: '' },
];

export const DECADES = Array.from({ length: 13 }, (_, index) => 1900 + index * 10);

// Original languages offered in the panel (ISO 639-1); any other from a URL is kept.
export const LANGUAGES = ['fr', 'en', 'de', 'it', 'es', 'ja', 'ko', 'zh', 'ru', 'sv', 'da', 'no', 'nl', 'pt', 'pl', 'hi'];

// The contract's parameters, in its order: the order of every URL written here.
export const PARAMETERS = [
  'genres',
  'genres_mode',
  'year_from',
  'year_to',
  'rating_min',
  'votes_min',
  'runtime_min',
  'runtime_max',
  'original_language',
  'certification_max',
  'providers',
  'monetization',
  'sort',
];
const LISTS = new Set(['genres', 'providers', 'monetization']);
// Values that say nothing: the API's defaults, never written.
const DEFAULTS = { genres_mode: 'all', sort: 'popularity' };

// "18, 35,18" → ["18", "35"]: ids as numbers write them, each once, in ascending order;
// words (monetization, or anything a hand-written URL holds) after them, in order.
export function normaliseList(text) {
  const values = (text ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean)
    .map((value) => (/^[0-9]{1,15}$/.test(value) ? String(Number(value)) : value));
  const unique = [...new Set(values)];
  const numeric = (value) => /^[0-9]+$/.test(value);
  return unique.sort((a, b) => {
    if (numeric(a) && numeric(b)) return Number(a) - Number(b);
    if (numeric(a) !== numeric(b)) return numeric(a) ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

export function emptyFilters(kind = 'movie') {
  const filters = { kind };
  for (const name of PARAMETERS) filters[name] = LISTS.has(name) ? [] : '';
  return filters;
}

// The page's URL → the filters. Values are kept as given (trimmed), even ones the API will
// refuse: its 400 names the parameter, and the page says which filter to change.
export function readFilters(params) {
  const filters = emptyFilters(params.get('type') === 'tv' ? 'tv' : 'movie');
  for (const name of PARAMETERS) {
    const value = params.get(name);
    if (value === null) continue;
    if (LISTS.has(name)) filters[name] = normaliseList(value);
    else filters[name] = value.trim() === DEFAULTS[name] ? '' : value.trim();
  }
  return filters;
}

const encode = (value) => encodeURIComponent(value).replace(/%2C/gi, ',');

function pairs(filters) {
  const out = [];
  for (const name of PARAMETERS) {
    const value = LISTS.has(name) ? normaliseList(filters[name].join(',')).join(',') : (filters[name] ?? '').trim();
    if (value && value !== DEFAULTS[name]) out.push([name, value]);
  }
  return out;
}

// The filters → the page's search string (no "?"), "" for the default view.
export function filtersToSearch(filters) {
  const out = filters.kind === 'tv' ? [['type', 'tv']] : [];
  return [...out, ...pairs(filters)].map(([name, value]) => `${name}=${encode(value)}`).join('&');
}

// The filters → the query of GET /api/discover/{kind} for one page (page 1 is the default).
export function apiQuery(filters, page = 1) {
  const out = pairs(filters);
  if (page > 1) out.push(['page', String(page)]);
  return out.map(([name, value]) => `${name}=${encode(value)}`).join('&');
}

// A change of kind keeps what the other kind understands: genres that it has, no age
// rating for series (TMDB has none to filter on).
export function switchKind(filters, kind) {
  const known = new Set(GENRES[kind].map(([id]) => String(id)));
  const next = { ...filters, kind, genres: filters.genres.filter((id) => known.has(id)) };
  if (next.genres.length < 2) next.genres_mode = '';
  if (kind === 'tv') next.certification_max = '';
  return next;
}

export const genreName = (kind, id) => GENRES[kind].find(([genre]) => String(genre) === String(id))?.[1] ?? `Genre ${id}`;

const frenchNumber = (value) => String(value).replace('.', ',');
let languageNames = null;
export function languageName(code) {
  try {
    languageNames ??= new Intl.DisplayNames(['fr'], { type: 'language' });
    const name = languageNames.of(code);
    if (name && name !== code) return name.charAt(0).toUpperCase() + name.slice(1);
  } catch {
    // Not a language code: shown as it is.
  }
  return code;
}

export function runtimePreset(filters) {
  return RUNTIMES.find((preset) => preset.runtime_min === filters.runtime_min && preset.runtime_max === filters.runtime_max) ?? null;
}

export function decadeOf(filters) {
  const from = Number(filters.year_from);
  return DECADES.includes(from) && filters.year_to === String(from + 9) ? from : null;
}

function yearsLabel(filters) {
  const decade = decadeOf(filters);
  if (decade) return `Années ${decade}`;
  if (filters.year_from && filters.year_to) return `${filters.year_from}–${filters.year_to}`;
  return filters.year_from ? `Depuis ${filters.year_from}` : `Jusqu’en ${filters.year_to}`;
}

function runtimeLabel(filters) {
  const preset = runtimePreset(filters);
  if (preset) return preset.label;
  if (filters.runtime_min && filters.runtime_max) return `De ${filters.runtime_min} à ${filters.runtime_max} min`;
  return filters.runtime_min ? `Au moins ${filters.runtime_min} min` : `Au plus ${filters.runtime_max} min`;
}

// The filters as groups, each with the parameters it owns, in the panel's order. `names`
// gives a provider's name from its id.
const GROUPS = [
  { group: 'genres', label: 'Genres', params: ['genres', 'genres_mode'], active: (f) => f.genres.length > 0,
    value: (f) => f.genres.map((id) => genreName(f.kind, id)).join(f.genres_mode === 'any' ? ' ou ' : ', ') },
  { group: 'years', label: 'Période', params: ['year_from', 'year_to'], active: (f) => Boolean(f.year_from || f.year_to), value: yearsLabel },
  { group: 'rating', label: 'Note minimale', params: ['rating_min'], active: (f) => Boolean(f.rating_min),
    value: (f) => `${frenchNumber(f.rating_min)} et plus` },
  { group: 'votes', label: 'Votes', params: ['votes_min'], active: (f) => Boolean(f.votes_min),
    value: (f) => `Au moins ${number(Number(f.votes_min))}` },
  { group: 'runtime', label: 'Durée', params: ['runtime_min', 'runtime_max'], active: (f) => Boolean(f.runtime_min || f.runtime_max), value: runtimeLabel },
  { group: 'language', label: 'Langue originale', params: ['original_language'], active: (f) => Boolean(f.original_language),
    value: (f) => languageName(f.original_language) },
  { group: 'certification', label: 'Classification', params: ['certification_max'], active: (f) => Boolean(f.certification_max),
    value: (f) => CERTIFICATIONS.find(([code]) => code === f.certification_max)?.[1] ?? f.certification_max },
  { group: 'providers', label: 'Services', params: ['providers'], active: (f) => f.providers.length > 0,
    value: (f, names) => f.providers.map((id) => names?.(id) ?? `Service ${id}`).join(', ') },
  { group: 'monetization', label: 'Offres', params: ['monetization'], active: (f) => f.monetization.length > 0,
    value: (f) => f.monetization.map((word) => MONETIZATIONS.find(([key]) => key === word)?.[1] ?? word).join(', ') },
];

export function activeFilters(filters, names) {
  return GROUPS.filter((group) => group.active(filters)).map((group) => ({
    group: group.group,
    label: group.label,
    value: group.value(filters, names),
    params: group.params,
  }));
}

export function withoutGroup(filters, group) {
  const params = GROUPS.find((entry) => entry.group === group)?.params ?? (PARAMETERS.includes(group) ? [group] : []);
  const next = { ...filters };
  for (const name of params) next[name] = LISTS.has(name) ? [] : '';
  return next;
}

export const clearFilters = (filters) => ({ ...emptyFilters(filters.kind), sort: filters.sort });

// The filter a parameter of the API's 400 belongs to ("Invalid parameter: <name>").
export function invalidParameter(error) {
  const match = /^Invalid parameter: ([a-z_]+)$/.exec(error?.message ?? '');
  if (!match) return null;
  const name = match[1];
  if (name === 'sort') return { group: 'sort', label: 'Tri' };
  const group = GROUPS.find((entry) => entry.params.includes(name));
  return group ? { group: group.group, label: group.label } : null;
}

// What a view is about, for the page's <title>: "Films : Drame, Années 1920".
export function viewSummary(filters, names) {
  const words = KIND_WORDS[filters.kind].title;
  const values = activeFilters(filters, names).map((filter) => filter.value);
  if (values.length === 0) return words;
  const shown = values.slice(0, 3).join(', ');
  return `${words} : ${shown}${values.length > 3 ? '…' : ''}`;
}
