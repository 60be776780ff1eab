import { useCallback, useEffect, useRef, useState } from 'react';
import { api, isAbort } from '../api.js';
import { KIND_WORDS, activeFilters, apiQuery, clearFilters, invalidParameter, withoutGroup } from '../discover.js';
import { count } from '../format.js';
import { usePersonal } from '../personal.jsx';
import PosterCard from './PosterCard.jsx';

// How far below the screen the next page is asked for: before the visitor gets there.
const AHEAD = '0px 0px 400px 0px';

const words = (kind) => KIND_WORDS[kind];
const counted = (kind, value) => count(value, words(kind).one, words(kind).many);

// The contract's page object, read defensively: anything else is an empty last page.
function pageOf(data) {
  const results = Array.isArray(data?.results) ? data.results.filter((item) => item && Number.isInteger(item.id)) : [];
  const page = Number.isInteger(data?.page) ? data.page : 1;
  const totalPages = Number.isInteger(data?.total_pages) ? data.total_pages : page;
  const totalResults = Number.isInteger(data?.total_results) ? data.total_results : results.length;
  return { results, page, totalPages, totalResults };
}

export function discoverMessage(error, kind) {
  const invalid = error.status === 400 ? invalidParameter(error) : null;
  if (invalid?.group === 'sort') return 'Ce tri n’est pas valable.';
  if (invalid) return `Le filtre « ${invalid.label} » n’est pas valable : changez-le ou retirez-le.`;
  if (error.status === 400) return 'Ces filtres ne sont pas valables.';
  if (error.status === 429) return 'Trop de demandes à la suite : réessayez dans un instant.';
  return `Les ${words(kind).many} sont indisponibles pour le moment.`;
}

// The results of one question (its kind and filters), page after page as the visitor
// scrolls. The parent keys this component by the question: a new one starts from page 1,
// and whatever the old one had in flight is aborted.
export default function DiscoverResults({ filters, names, onChange }) {
  const kind = filters.kind;
  const [state, setState] = useState({ status: 'loading', items: [], page: 0, totalPages: 0, totalResults: 0, error: null, more: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const controller = useRef(null);
  const loading = useRef(false);
  const sentinel = useRef(null);
  const { visible } = usePersonal();

  useEffect(() => {
    const current = new AbortController();
    controller.current = current;
    loading.current = true;
    setState((previous) => ({ ...previous, status: 'loading', error: null }));
    api.discover(kind, apiQuery(filters, 1), current.signal).then(
      (data) => {
        if (current.signal.aborted) return;
        loading.current = false;
        const first = pageOf(data);
        setState({ status: 'ready', items: first.results, page: first.page, totalPages: first.totalPages, totalResults: first.totalResults, error: null, more: 'idle' });
      },
      (error) => {
        if (current.signal.aborted || isAbort(error)) return;
        loading.current = false;
        setState((previous) => ({ ...previous, status: 'error', error }));
      },
    );
    return () => current.abort();
    // The parent remounts this component for another question: `attempt` is a retry.
  }, [attempt]);

  const hasMore = state.status === 'ready' && state.page < state.totalPages && state.page < 500;

  const loadMore = useCallback(() => {
    if (loading.current || !hasMore) return;
    loading.current = true;
    const signal = controller.current.signal;
    setState((previous) => ({ ...previous, more: 'loading' }));
    api.discover(kind, apiQuery(filters, state.page + 1), signal).then(
      (data) => {
        if (signal.aborted) return;
        loading.current = false;
        const next = pageOf(data);
        setState((previous) => {
          const seen = new Set(previous.items.map((item) => item.id));
          return {
            ...previous,
            items: [...previous.items, ...next.results.filter((item) => !seen.has(item.id))],
            page: previous.page + 1,
            // An empty page ends the list, whatever the count said.
            totalPages: next.results.length === 0 ? previous.page + 1 : next.totalPages,
            more: 'idle',
          };
        });
      },
      (error) => {
        if (signal.aborted || isAbort(error)) return;
        loading.current = false;
        setState((previous) => ({ ...previous, more: 'error' }));
      },
    );
  }, [hasMore, kind, filters, state.page]);

  // A new observer after each page: if the end of the list is still near the screen (a
  // short page, a tall screen), its first report asks for the next page at once.
  useEffect(() => {
    if (!hasMore || state.more !== 'idle' || typeof IntersectionObserver !== 'function' || !sentinel.current) return undefined;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && loadMore(), { rootMargin: AHEAD });
    observer.observe(sentinel.current);
    return () => observer.disconnect();
  }, [hasMore, state.more, loadMore]);

  if (state.status === 'loading') {
    return (
      <div className="discover-status" aria-busy="true">
        <p className="muted" role="status">
          Chargement des {words(kind).many}…
        </p>
      </div>
    );
  }
  if (state.status === 'error') {
    const invalid = state.error.status === 400 ? invalidParameter(state.error) : null;
    return (
      <div className="discover-status">
        <p className="error" role="alert">
          {discoverMessage(state.error, kind)}
        </p>
        {invalid ? (
          <button type="button" className="button" onClick={() => onChange(withoutGroup(filters, invalid.group))}>
            {invalid.group === 'sort' ? 'Trier par popularité' : `Retirer le filtre « ${invalid.label} »`}
          </button>
        ) : state.error.status === 400 ? (
          <button type="button" className="button" onClick={() => onChange(clearFilters(filters))}>
            Effacer les filtres
          </button>
        ) : (
          <button type="button" className="button" onClick={() => setAttempt((value) => value + 1)}>
            Réessayer
          </button>
        )}
      </div>
    );
  }
  if (state.items.length === 0) return <EmptyState filters={filters} names={names} onChange={onChange} />;

  return (
    <>
      <p className="muted discover-count" role="status">
        {counted(kind, state.totalResults)}
      </p>
      <ul className="grid" aria-label="Résultats" data-testid="discover-results">
        {visible(state.items, kind).map((item) => (
          <PosterCard key={item.id} item={item} kind={kind} />
        ))}
      </ul>
      <div ref={sentinel} className="sentinel" aria-hidden="true" />
      {state.more === 'loading' && (
        <p className="muted" role="status">
          Chargement de la suite…
        </p>
      )}
      {state.more === 'error' && (
        <p className="error" role="alert">
          La suite n’a pas pu être chargée.
        </p>
      )}
      {hasMore && state.more !== 'loading' && (
        <button type="button" className="button ghost more" onClick={loadMore}>
          {state.more === 'error' ? 'Réessayer' : `Afficher plus de ${words(kind).many}`}
        </button>
      )}
    </>
  );
}

// No result: which filter to loosen. With several, each is tried away (page 1 of the same
// question without it, one request each, cached like any question): the one whose removal
// brings back the most titles is named, with that count and a button that removes it.
function EmptyState({ filters, names, onChange }) {
  const kind = filters.kind;
  const active = activeFilters(filters, names);
  const [probe, setProbe] = useState({ status: active.length > 1 ? 'loading' : 'idle', best: null });

  useEffect(() => {
    if (active.length < 2) return undefined;
    const controller = new AbortController();
    Promise.all(
      active.map((filter) =>
        api.discover(kind, apiQuery(withoutGroup(filters, filter.group), 1), controller.signal).then(
          (data) => ({ filter, total: pageOf(data).totalResults }),
          () => ({ filter, total: null }),
        ),
      ),
    ).then((answers) => {
      if (controller.signal.aborted) return;
      const known = answers.filter((answer) => answer.total !== null);
      if (known.length === 0) return setProbe({ status: 'failed', best: null });
      const best = known.reduce((top, answer) => (answer.total > top.total ? answer : top));
      setProbe({ status: 'ready', best: best.total > 0 ? best : null });
    });
    return () => controller.abort();
    // This component lives for one question (its parent is keyed by it).
  }, []);

  const none = `Aucun ${words(kind).one} ne correspond à ${active.length > 1 ? 'ces filtres' : 'ce filtre'}.`;
  const remove = (filter) => (
    <button type="button" className="button" onClick={() => onChange(withoutGroup(filters, filter.group))}>
      Retirer le filtre « {filter.label} »
    </button>
  );
  const clearAll = (
    <button type="button" className="button ghost" onClick={() => onChange(clearFilters(filters))}>
      Effacer tous les filtres
    </button>
  );

  let advice;
  if (active.length === 0) {
    advice = null;
  } else if (active.length === 1) {
    advice = (
      <>
        <p>
          Essayez sans le filtre « {active[0].label} : {active[0].value} ».
        </p>
        {remove(active[0])}
      </>
    );
  } else if (probe.status === 'loading') {
    advice = (
      <p className="muted" role="status">
        Recherche du filtre le plus restrictif…
      </p>
    );
  } else if (probe.best) {
    // Named as the panel names it now (the services' names may have come after the counts).
    const filter = active.find((current) => current.group === probe.best.filter.group) ?? probe.best.filter;
    const { total } = probe.best;
    advice = (
      <>
        <p data-testid="restrictive-filter">
          Le filtre le plus restrictif est « {filter.label} : {filter.value} » : sans lui, {counted(kind, total)}{' '}
          {total > 1 ? 'correspondent' : 'correspond'}.
        </p>
        {remove(filter)} {clearAll}
      </>
    );
  } else if (probe.status === 'ready') {
    advice = (
      <>
        <p>Retirer un seul de ces filtres ne suffit pas.</p>
        {clearAll}
      </>
    );
  } else {
    // The counts could not be had: the last filter of the panel is usually the narrowest
    // (services and offers come last).
    const last = active[active.length - 1];
    advice = (
      <>
        <p>
          Essayez sans le filtre « {last.label} : {last.value} ».
        </p>
        {remove(last)} {clearAll}
      </>
    );
  }
  return (
    <div className="discover-status empty" data-testid="discover-empty">
      <p className="empty-title">{active.length === 0 ? `Aucun ${words(kind).one} pour l’instant.` : none}</p>
      {advice}
    </div>
  );
}
