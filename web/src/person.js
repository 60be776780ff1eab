// A person's filmography (GET /api/person/{id}: `credits`, one entry a title, its
// character and its jobs merged) grouped by role and sorted. Pure functions.

// TMDB's job names, as the groups read them. `job` is one job or several joined by ", ".
const DIRECTING = new Set(['Director', 'Co-Director']);
const WRITING = new Set(['Writer', 'Screenplay', 'Story', 'Teleplay', 'Dialogue', 'Adaptation', 'Screenstory']);

const JOBS_FR = {
  Director: 'Réalisation',
  'Co-Director': 'Coréalisation',
  Writer: 'Scénario',
  Screenplay: 'Scénario',
  Story: 'Histoire',
  Teleplay: 'Scénario',
  Dialogue: 'Dialogues',
  Adaptation: 'Adaptation',
  Screenstory: 'Histoire',
  Creator: 'Création',
  Producer: 'Production',
  'Executive Producer': 'Production exécutive',
  'Associate Producer': 'Production associée',
  'Co-Producer': 'Coproduction',
  Editor: 'Montage',
  'Director of Photography': 'Image',
  Cinematography: 'Image',
  'Original Music Composer': 'Musique',
  Music: 'Musique',
  Composer: 'Musique',
  Novel: 'Roman',
  Author: 'Œuvre originale',
  'Art Direction': 'Direction artistique',
  'Production Design': 'Décors',
  'Set Decoration': 'Décors',
  'Costume Design': 'Costumes',
  Casting: 'Distribution des rôles',
  'Visual Effects': 'Effets visuels',
  'Special Effects': 'Effets spéciaux',
  Sound: 'Son',
  Makeup: 'Maquillage',
  'Makeup Artist': 'Maquillage',
  Choreographer: 'Chorégraphie',
  Animation: 'Animation',
};

export const jobName = (job) => JOBS_FR[job] ?? job;

export const DEPARTMENTS_FR = {
  Acting: 'Interprétation',
  Directing: 'Réalisation',
  Writing: 'Scénario',
  Production: 'Production',
  Editing: 'Montage',
  Camera: 'Image',
  Sound: 'Son',
  Art: 'Décors',
  'Costume & Make-Up': 'Costumes et maquillage',
  'Visual Effects': 'Effets visuels',
  Lighting: 'Lumière',
  Crew: 'Équipe technique',
  Creator: 'Création',
};

export const jobsOf = (credit) =>
  typeof credit.job === 'string'
    ? credit.job
        .split(',')
        .map((job) => job.trim())
        .filter(Boolean)
    : [];

export const GROUPS = [
  { id: 'acting', label: 'Interprétation' },
  { id: 'directing', label: 'Réalisation' },
  { id: 'writing', label: 'Scénario' },
  { id: 'crew', label: 'Équipe technique' },
];

// Which group a person is known for comes first on their page.
const FIRST_GROUP = { Acting: 'acting', Directing: 'directing', Writing: 'writing' };

// Credits → [{id, label, credits: [{credit, role}]}], the non-empty groups only. A title
// may be in several groups (acting in and directing one film). `role` is what to show under
// the title: the character, the writing jobs, or the other jobs, in French.
export function groupCredits(credits, knownFor) {
  const groups = Object.fromEntries(GROUPS.map((group) => [group.id, []]));
  for (const credit of Array.isArray(credits) ? credits : []) {
    if (!credit || !Number.isInteger(credit.id) || (credit.media_type !== 'movie' && credit.media_type !== 'tv')) continue;
    if (typeof credit.character === 'string') groups.acting.push({ credit, role: credit.character });
    const jobs = jobsOf(credit);
    if (jobs.some((job) => DIRECTING.has(job))) groups.directing.push({ credit, role: jobs.includes('Director') ? '' : 'Coréalisation' });
    const writing = jobs.filter((job) => WRITING.has(job));
    if (writing.length > 0) groups.writing.push({ credit, role: [...new Set(writing.map(jobName))].join(', ') });
    const other = jobs.filter((job) => !DIRECTING.has(job) && !WRITING.has(job));
    if (other.length > 0) groups.crew.push({ credit, role: [...new Set(other.map(jobName))].join(', ') });
  }
  const first = FIRST_GROUP[knownFor];
  const order = first ? [first, ...GROUPS.map((group) => group.id).filter((id) => id !== first)] : GROUPS.map((group) => group.id);
  return order
    .map((id) => ({ id, label: GROUPS.find((group) => group.id === id).label, credits: groups[id] }))
    .filter((group) => group.credits.length > 0);
}

export const PERSON_SORTS = [
  ['popularity', 'Popularité'],
  ['date', 'Date'],
  ['rating', 'Note'],
];

const number = (value) => (Number.isFinite(value) ? value : -Infinity);
const byDate = (a, b) => {
  // Newest first; titles without a date (announced, unknown) after the dated ones.
  if (!a.date && !b.date) return 0;
  if (!a.date) return 1;
  if (!b.date) return -1;
  return a.date < b.date ? 1 : a.date > b.date ? -1 : 0;
};
const COMPARE = {
  date: (a, b) => byDate(a, b) || number(b.popularity) - number(a.popularity),
  rating: (a, b) => number(b.vote_average) - number(a.vote_average) || byDate(a, b),
  popularity: (a, b) => number(b.popularity) - number(a.popularity) || byDate(a, b),
};

export const personSort = (value) => (COMPARE[value] ? value : 'popularity');

// A stable sort (equal entries keep the API's order), on copies.
export function sortCredits(entries, sort) {
  const compare = COMPARE[personSort(sort)];
  return [...entries].sort((a, b) => compare(a.credit, b.credit));
}
