import { useEffect, useRef, useState } from 'react';
import { createSearchParams, useLocation, useNavigate } from 'react-router';
import { api, isAbort } from '../api.js';
import { KIND_LABEL, personPath, titleOf, titlePath, yearOf } from '../catalogue.js';

export const SUGGEST_PAUSE_MS = 250;
const MAX_SUGGESTIONS = 8;
const MIN_LENGTH = 2;
const MAX_LENGTH = 100; // the contract's limit: longer queries are refused with a 400

const KINDS = new Set(['movie', 'tv', 'person']);

export function resultsPath(query) {
  return `/recherche?${createSearchParams({ q: query })}`;
}

// The header's search: Enter opens the results page; while typing, suggestions come after
// a short pause, and every keystroke aborts the request still in flight, so a slow answer
// to "nos" never replaces the one to "nosf". An ARIA 1.2 combobox: arrows move through the
// suggestions, Enter opens the chosen one, Escape closes the list.
export default function SearchBox() {
  const navigate = useNavigate();
  const location = useLocation();
  const [text, setText] = useState('');
  const [suggestions, setSuggestions] = useState([]);
  const [status, setStatus] = useState('idle');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const timer = useRef(null);
  const inFlight = useRef(null);

  // The box shows the query of the results page, back and forward included.
  useEffect(() => {
    if (location.pathname === '/recherche') setText(new URLSearchParams(location.search).get('q') ?? '');
  }, [location.pathname, location.search]);

  const stop = () => {
    clearTimeout(timer.current);
    inFlight.current?.abort();
    inFlight.current = null;
  };
  useEffect(() => stop, []);

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  function suggest(value) {
    stop();
    const query = value.trim();
    const length = Array.from(query).length;
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      setSuggestions([]);
      setStatus('idle');
      close();
      return;
    }
    timer.current = setTimeout(() => {
      const controller = new AbortController();
      inFlight.current = controller;
      setStatus('loading');
      api.search(query, 1, controller.signal).then(
        (items) => {
          if (controller.signal.aborted) return;
          const found = (Array.isArray(items) ? items : []).filter((item) => KINDS.has(item.media_type));
          setSuggestions(found.slice(0, MAX_SUGGESTIONS));
          setStatus('ready');
          setActive(-1);
          setOpen(true);
        },
        (error) => {
          if (controller.signal.aborted || isAbort(error)) return;
          setSuggestions([]);
          setStatus('error');
          setOpen(true);
        },
      );
    }, SUGGEST_PAUSE_MS);
  }

  function choose(item) {
    stop();
    close();
    if (item.media_type === 'person') navigate(personPath(item.id));
    else navigate(titlePath(item.media_type, item.id));
  }

  function submit(event) {
    event.preventDefault();
    const query = text.trim();
    if (!query) return;
    stop();
    close();
    navigate(resultsPath(query));
  }

  function onKeyDown(event) {
    const count = suggestions.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (count === 0) return;
      event.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(event.key === 'ArrowDown' ? 0 : count - 1);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current < 0 ? (step > 0 ? 0 : count - 1) : (current + step + count) % count));
    } else if (event.key === 'Enter' && open && active >= 0 && active < count) {
      event.preventDefault();
      choose(suggestions[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    }
  }

  const showList = open && suggestions.length > 0;
  const note =
    open && status === 'error'
      ? 'Suggestions indisponibles'
      : open && status === 'ready' && suggestions.length === 0
        ? 'Aucune suggestion'
        : '';
  return (
    <form role="search" className="search" onSubmit={submit}>
      <label htmlFor="search-input" className="visually-hidden">
        Rechercher un film, une série ou une personne
      </label>
      <input
        id="search-input"
        type="search"
        role="combobox"
        aria-expanded={showList ? 'true' : 'false'}
        aria-controls="search-suggestions"
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? `suggestion-${active}` : undefined}
        autoComplete="off"
        enterKeyHint="search"
        placeholder="Rechercher un film, une série…"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          suggest(event.target.value);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => suggestions.length > 0 && setOpen(true)}
        onBlur={close}
      />
      <ul id="search-suggestions" role="listbox" aria-label="Suggestions" className="suggestions" hidden={!showList}>
        {suggestions.map((item, index) => {
          const year = yearOf(item);
          return (
            <li
              key={`${item.media_type}-${item.id}`}
              id={`suggestion-${index}`}
              role="option"
              aria-selected={index === active ? 'true' : 'false'}
              aria-label={[titleOf(item), year, KIND_LABEL[item.media_type]].filter(Boolean).join(', ')}
              className="suggestion"
              // Chosen with the mouse before the input's blur closes the list.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(item)}
            >
              <span className="suggestion-title">{titleOf(item)}</span>
              <span className="muted">
                {year && `${year} · `}
                {KIND_LABEL[item.media_type]}
              </span>
            </li>
          );
        })}
      </ul>
      {/* A live region without the status role: pages keep role="status" for their own news. */}
      <p className="suggestions-note muted" aria-live="polite">
        {note}
      </p>
    </form>
  );
}
