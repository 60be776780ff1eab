import { useEffect, useState } from 'react';
import {
  CERTIFICATIONS,
  DECADES,
  GENRES,
  LANGUAGES,
  MONETIZATIONS,
  RATINGS,
  RUNTIMES,
  SORTS,
  VOTES,
  clearFilters,
  decadeOf,
  languageName,
  runtimePreset,
} from '../discover.js';
import { initials, number } from '../format.js';
import Picture from './Picture.jsx';

const FIRST_YEAR = 1870; // the contract's range for years
const LAST_YEAR = 2100;
const SERVICES_SHOWN = 12; // the most watched services first; the rest on demand

const toggled = (list, value) => (list.includes(value) ? list.filter((entry) => entry !== value) : [...list, value]);

// A select's options, plus the current value when a hand-written URL holds another one:
// the control then shows what the page is really asking.
function withCurrent(options, value, label) {
  if (!value || options.some(([key]) => key === value)) return options;
  return [...options, [value, label(value)]];
}

function Select({ id, label, value, options, onChange }) {
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function Check({ checked, onChange, children, className = '' }) {
  return (
    <label className={`chip ${className}`.trim()}>
      <input type="checkbox" checked={checked} onChange={onChange} />
      {children}
    </label>
  );
}

// A year, applied when the field is left or Enter is pressed (not at every keystroke: each
// change of the URL is a request and an entry in the history).
function YearInput({ id, label, value, onCommit }) {
  const [text, setText] = useState(value);
  const [error, setError] = useState('');
  useEffect(() => {
    setText(value);
    setError('');
  }, [value]);
  function commit() {
    const year = text.trim();
    if (year === value) return;
    if (year && !(/^[0-9]{4}$/.test(year) && Number(year) >= FIRST_YEAR && Number(year) <= LAST_YEAR)) {
      setError(`Une année de ${FIRST_YEAR} à ${LAST_YEAR}`);
      return;
    }
    setError('');
    onCommit(year);
  }
  return (
    <div className="filter-field year">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={FIRST_YEAR}
        max={LAST_YEAR}
        step="1"
        value={text}
        aria-invalid={error ? 'true' : 'false'}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          }
        }}
      />
      {error && (
        <small id={`${id}-error`} className="error">
          {error}
        </small>
      )}
    </div>
  );
}

function Services({ filters, providers, onToggle }) {
  const [everyone, setEveryone] = useState(false);
  if (providers.status === 'loading') return <p className="muted">Chargement des services…</p>;
  const list = providers.status === 'ready' ? providers.list : [];
  const known = new Set(list.map((provider) => String(provider.provider_id)));
  const selected = new Set(filters.providers);
  const shown = everyone ? list : list.filter((provider, index) => index < SERVICES_SHOWN || selected.has(String(provider.provider_id)));
  // Ids from a URL that the list does not hold are still shown, so that they can be removed.
  const unknown = filters.providers.filter((id) => !known.has(id));
  return (
    <>
      {providers.status === 'error' && (
        <p className="muted">
          Les services sont indisponibles pour le moment.{' '}
          <button type="button" className="link-button" onClick={providers.retry}>
            Réessayer
          </button>
        </p>
      )}
      <div className="chips services">
        {shown.map((provider) => {
          const id = String(provider.provider_id);
          return (
            <Check key={id} className="service" checked={selected.has(id)} onChange={() => onToggle(id)}>
              <Picture shape="logo" path={provider.logo_path} label={initials(provider.provider_name)} sizes="32px" className="service-logo" />
              <span>{provider.provider_name}</span>
            </Check>
          );
        })}
        {unknown.map((id) => (
          <Check key={id} checked onChange={() => onToggle(id)}>
            <span>Service {id}</span>
          </Check>
        ))}
      </div>
      {list.length > shown.length && (
        <button type="button" className="link-button more-services" onClick={() => setEveryone(true)}>
          Afficher tous les services ({list.length})
        </button>
      )}
    </>
  );
}

// Every filter of Découvrir. Each change gives the whole next set of filters to `onChange`,
// which writes it to the URL: the page is what the URL says.
export default function FilterPanel({ filters, providers, onChange }) {
  const set = (changes) => onChange({ ...filters, ...changes });
  const kind = filters.kind;
  const decade = decadeOf(filters);
  const preset = runtimePreset(filters);
  const runtimeValue = preset ? preset.id : filters.runtime_min || filters.runtime_max ? 'custom' : '';

  function setYears(from, to) {
    if (from && to && Number(from) > Number(to)) [from, to] = [to, from];
    set({ year_from: from, year_to: to });
  }

  const languages = [...LANGUAGES].sort((a, b) => {
    const rank = (code) => (code === 'fr' ? 0 : code === 'en' ? 1 : 2);
    return rank(a) - rank(b) || languageName(a).localeCompare(languageName(b), 'fr');
  });

  return (
    <div className="filter-panel">
      <button type="button" className="button ghost clear-filters" onClick={() => onChange(clearFilters(filters))}>
        Effacer les filtres
      </button>
      <Select
        id="discover-sort"
        label="Trier par"
        value={filters.sort || 'popularity'}
        options={withCurrent(SORTS, filters.sort, (value) => `Tri « ${value} »`)}
        onChange={(value) => set({ sort: value === 'popularity' ? '' : value })}
      />

      <fieldset className="filter-group">
        <legend>Genres</legend>
        <div className="chips">
          {GENRES[kind].map(([id, name]) => (
            <Check
              key={id}
              checked={filters.genres.includes(String(id))}
              onChange={() => {
                const genres = toggled(filters.genres, String(id));
                set({ genres, genres_mode: genres.length > 1 ? filters.genres_mode : '' });
              }}
            >
              <span>{name}</span>
            </Check>
          ))}
        </div>
        {filters.genres.length > 1 && (
          <div className="genres-mode" role="radiogroup" aria-label="Correspondance des genres">
            <label>
              <input type="radio" name="genres_mode" checked={filters.genres_mode !== 'any'} onChange={() => set({ genres_mode: '' })} />
              Tous ces genres
            </label>
            <label>
              <input type="radio" name="genres_mode" checked={filters.genres_mode === 'any'} onChange={() => set({ genres_mode: 'any' })} />
              L’un de ces genres
            </label>
          </div>
        )}
      </fieldset>

      <fieldset className="filter-group">
        <legend>Années</legend>
        <div className="chips decades">
          {DECADES.map((start) => (
            <button
              key={start}
              type="button"
              className="chip"
              aria-pressed={decade === start ? 'true' : 'false'}
              onClick={() => (decade === start ? setYears('', '') : setYears(String(start), String(start + 9)))}
            >
              Années {start}
            </button>
          ))}
        </div>
        <div className="years">
          <YearInput id="discover-year-from" label="Année de début" value={filters.year_from} onCommit={(year) => setYears(year, filters.year_to)} />
          <YearInput id="discover-year-to" label="Année de fin" value={filters.year_to} onCommit={(year) => setYears(filters.year_from, year)} />
        </div>
      </fieldset>

      <Select
        id="discover-rating"
        label="Note minimale"
        value={filters.rating_min}
        options={withCurrent(
          [['', 'Toutes les notes'], ...RATINGS.map((value) => [value, `${value.replace('.', ',')} et plus`])],
          filters.rating_min,
          (value) => `${value.replace('.', ',')} et plus`,
        )}
        onChange={(value) => set({ rating_min: value })}
      />
      <Select
        id="discover-votes"
        label="Nombre de votes minimum"
        value={filters.votes_min}
        options={withCurrent(
          [['', 'Peu importe'], ...VOTES.map((value) => [value, `Au moins ${number(Number(value))}`])],
          filters.votes_min,
          (value) => `Au moins ${value}`,
        )}
        onChange={(value) => set({ votes_min: value })}
      />
      <Select
        id="discover-runtime"
        label={kind === 'tv' ? 'Durée d’un épisode' : 'Durée'}
        value={runtimeValue}
        options={[
          ['', 'Toutes les durées'],
          ...RUNTIMES.map((entry) => [entry.id, entry.label]),
          ...(runtimeValue === 'custom'
            ? [['custom', `De ${filters.runtime_min || '0'} à ${filters.runtime_max || '…'} min`]]
            : []),
        ]}
        onChange={(value) => {
          if (value === 'custom') return;
          const entry = RUNTIMES.find((candidate) => candidate.id === value);
          set({ runtime_min: entry?.runtime_min ?? '', runtime_max: entry?.runtime_max ?? '' });
        }}
      />
      <Select
        id="discover-language"
        label="Langue originale"
        value={filters.original_language}
        options={withCurrent(
          [['', 'Toutes les langues'], ...languages.map((code) => [code, languageName(code)])],
          filters.original_language,
          languageName,
        )}
        onChange={(value) => set({ original_language: value })}
      />
      {kind === 'movie' && (
        <Select
          id="discover-certification"
          label="Classification (âge)"
          value={filters.certification_max}
          options={withCurrent([['', 'Toutes les classifications'], ...CERTIFICATIONS], filters.certification_max, (value) => value)}
          onChange={(value) => set({ certification_max: value })}
        />
      )}

      <fieldset className="filter-group">
        <legend>Offres</legend>
        <div className="chips">
          {MONETIZATIONS.map(([key, label]) => (
            <Check key={key} checked={filters.monetization.includes(key)} onChange={() => set({ monetization: toggled(filters.monetization, key) })}>
              <span>{label}</span>
            </Check>
          ))}
        </div>
      </fieldset>

      {/* Last: the list of services arrives after the rest, and nothing below it moves then. */}
      <fieldset className="filter-group">
        <legend>Services de streaming</legend>
        <Services filters={filters} providers={providers} onToggle={(id) => set({ providers: toggled(filters.providers, id) })} />
      </fieldset>

    </div>
  );
}
