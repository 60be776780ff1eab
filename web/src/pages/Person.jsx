import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../api.js';
import { KIND_LABEL, parseTitleId, titleOf, titlePath, yearOfDate } from '../catalogue.js';
import Picture from '../components/Picture.jsx';
import { CARD_SIZES } from '../components/PosterCard.jsx';
import { longDate, rating, today, yearsBetween } from '../format.js';
import { DEPARTMENTS_FR, PERSON_SORTS, groupCredits, personSort, sortCredits } from '../person.js';
import { useFetched } from '../useFetched.js';
import NotFound from './NotFound.jsx';
import { usePageMeta } from '../pageMeta.js';

// /personne/:id — photo, facts, biography and filmography by role, sorted as `?sort=` says.
export default function PersonPage() {
  const { id } = useParams();
  const personId = parseTitleId(id);
  if (personId === null) return <PersonNotFound />;
  return <PersonDetails key={personId} id={personId} />;
}

function PersonNotFound() {
  return <NotFound what="Personne introuvable" detail="Cette personne n'existe pas, ou plus, dans le catalogue." />;
}

function PersonDetails({ id }) {
  const { status, data, error, retry } = useFetched((signal) => api.person(id, signal), `person/${id}`);
  usePageMeta(
    status === 'ready' ? data.name || 'Personne' : null,
    status === 'ready' ? data.biography || `${data.name || 'Une personne'} : sa filmographie sur CineVerse.` : null,
  );

  if (status === 'loading') {
    return (
      <main id="main" className="person-page" aria-busy="true">
        <p className="muted loading" role="status">
          Chargement…
        </p>
      </main>
    );
  }
  if (status === 'error' && error.status === 404) return <PersonNotFound />;
  if (status === 'error') {
    return (
      <main id="main" className="form-page">
        <h1>Personne indisponible</h1>
        <p className="error" role="alert">
          {error.status === 503 ? 'Le catalogue est indisponible pour le moment.' : "Cette page n'a pas pu être chargée."}
        </p>
        <button type="button" className="button" onClick={retry}>
          Réessayer
        </button>
      </main>
    );
  }
  return <PersonView person={data} />;
}

function Facts({ person }) {
  const now = today();
  const born = longDate(person.birthday);
  const died = longDate(person.deathday);
  const age = born ? yearsBetween(person.birthday, died ? person.deathday : now) : null;
  const facts = [];
  if (born || person.place_of_birth) {
    const where = person.place_of_birth ? ` à ${person.place_of_birth}` : '';
    facts.push(['Naissance', `${born ? `le ${born}` : ''}${where}`.trim() + (!died && age !== null ? ` (${age} ans)` : '')]);
  }
  if (died) facts.push(['Décès', `le ${died}${age !== null ? ` (à ${age} ans)` : ''}`]);
  const department = DEPARTMENTS_FR[person.known_for_department];
  if (department) facts.push(['Connu pour', department]);
  if (facts.length === 0) return null;
  return (
    <dl className="credits person-facts" data-testid="person-facts">
      {facts.map(([label, value]) => (
        <div key={label} className="fact">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Biography({ text }) {
  const paragraphs = (text ?? '')
    .split(/\n+/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  return (
    <section className="biography" aria-labelledby="biography-heading">
      <h2 id="biography-heading">Biographie</h2>
      {paragraphs.length > 0 ? paragraphs.map((paragraph, index) => <p key={index}>{paragraph}</p>) : <p className="muted">Pas de biographie pour l'instant.</p>}
    </section>
  );
}

function CreditCard({ credit, role }) {
  const title = titleOf(credit);
  const year = yearOfDate(credit.date);
  const score = rating(credit.vote_average);
  return (
    <li className="card credit-card" data-testid="credit">
      <Link to={titlePath(credit.media_type, credit.id)} className="card-link">
        <Picture shape="poster" path={credit.poster_path} label={title} sizes={CARD_SIZES} />
        <span className="card-title">
          {title}
          {year && <span className="year"> · {year}</span>}
          {credit.media_type === 'tv' && <span className="kind-badge"> · {KIND_LABEL.tv}</span>}
        </span>
      </Link>
      {role && <span className="muted credit-role">{role}</span>}
      {score && <span className="credit-rating">★ {score}</span>}
    </li>
  );
}

function PersonView({ person }) {
  const [params, setParams] = useSearchParams();
  const sort = personSort(params.get('sort'));
  const groups = useMemo(() => groupCredits(person.credits, person.known_for_department), [person]);
  const name = person.name || 'Sans nom';

  function chooseSort(value) {
    const next = new URLSearchParams(params);
    if (value === 'popularity') next.delete('sort');
    else next.set('sort', value);
    // A different order of the same page: no new history entry, and the page stays where it is.
    setParams(next, { replace: true, state: { keepScroll: true } });
  }

  return (
    <main id="main" className="person-page">
      <div className="person-head">
        <Picture shape="profile" path={person.profile_path} label={name} alt={`Portrait : ${name}`} sizes="(max-width: 640px) 40vw, 12rem" className="person-photo" priority />
        <div className="person-intro">
          <p className="kind-label">{KIND_LABEL.person}</p>
          <h1>{name}</h1>
          <Facts person={person} />
          <Biography text={person.biography} />
        </div>
      </div>
      <section className="filmography" aria-labelledby="filmography-heading">
        <div className="filmography-head">
          <h2 id="filmography-heading">Filmographie</h2>
          {groups.length > 0 && (
            <div className="filter-field inline">
              <label htmlFor="person-sort">Trier par</label>
              <select id="person-sort" value={sort} onChange={(event) => chooseSort(event.target.value)}>
                {PERSON_SORTS.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
        {groups.length === 0 && <p className="muted">Aucun titre connu pour l'instant.</p>}
        {groups.map((group) => (
          <section key={group.id} className="credit-group" aria-labelledby={`group-${group.id}`} data-testid={`group-${group.id}`}>
            <h3 id={`group-${group.id}`}>
              {group.label} <span className="muted">({group.credits.length})</span>
            </h3>
            <ul className="grid" aria-label={group.label}>
              {sortCredits(group.credits, sort).map(({ credit, role }) => (
                <CreditCard key={`${credit.media_type}-${credit.id}`} credit={credit} role={role} />
              ))}
            </ul>
          </section>
        ))}
      </section>
    </main>
  );
}
