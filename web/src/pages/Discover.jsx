import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../api.js';
import DiscoverResults from '../components/DiscoverResults.jsx';
import FilterPanel from '../components/FilterPanel.jsx';
import FilterSheet from '../components/FilterSheet.jsx';
import HideSeenToggle from '../components/HideSeenToggle.jsx';
import MyServicesButton from '../components/MyServicesButton.jsx';
import { KIND_WORDS, activeFilters, apiQuery, clearFilters, filtersToSearch, readFilters, switchKind, viewSummary, withoutGroup } from '../discover.js';
import { useFetched } from '../useFetched.js';
import { useMediaQuery } from '../useMediaQuery.js';
import { usePageMeta } from '../pageMeta.js';

// Where the panel folds into a sheet (styles.css uses the same width).
export const PHONE = '(max-width: 760px)';

// /decouvrir?…: the filters live in the URL (a link reproduces the view, back and forward
// step through the changes, a reload keeps them); the results follow the URL.
export default function Discover() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const filters = useMemo(() => readFilters(params), [params]);
  const phone = useMediaQuery(PHONE);
  const [sheetOpen, setSheetOpen] = useState(false);

  const services = useFetched((signal) => api.providers(signal), 'providers');
  const providerList = useMemo(() => {
    const list = services.status === 'ready' && Array.isArray(services.data) ? services.data : [];
    return list.filter((provider) => provider && Number.isInteger(provider.provider_id));
  }, [services.status, services.data]);
  const names = useCallback(
    (id) => providerList.find((provider) => String(provider.provider_id) === String(id))?.provider_name ?? null,
    [providerList],
  );
  const providers = { status: services.status, list: providerList, retry: services.retry };

  const active = activeFilters(filters, names);
  const summary = viewSummary(filters, names);
  usePageMeta(`${summary} — Découvrir`, `Découvrir des films et des séries par genre, année, note, durée et plateforme en France : ${summary}.`);
  // Leaving the phone layout closes the sheet.
  useEffect(() => {
    if (!phone) setSheetOpen(false);
  }, [phone]);

  const update = useCallback(
    (next) => {
      const search = filtersToSearch(next);
      navigate({ pathname: '/decouvrir', search: search ? `?${search}` : '' });
    },
    [navigate],
  );

  const question = `${filters.kind}?${apiQuery(filters)}`;
  const panel = <FilterPanel filters={filters} providers={providers} onChange={update} />;

  return (
    <main id="main" className="discover">
      <div className="discover-head">
        <h1>Découvrir</h1>
        <fieldset className="kind-switch">
          <legend className="visually-hidden">Films ou séries</legend>
          {Object.entries(KIND_WORDS).map(([kind, word]) => (
            <label key={kind} className="segment">
              <input type="radio" name="discover-kind" value={kind} checked={filters.kind === kind} onChange={() => update(switchKind(filters, kind))} />
              {word.title}
            </label>
          ))}
        </fieldset>
        <MyServicesButton filters={filters} onChange={update} />
        <HideSeenToggle />
        {phone && (
          <button type="button" className="button filters-button" aria-haspopup="dialog" aria-expanded={sheetOpen ? 'true' : 'false'} onClick={() => setSheetOpen(true)}>
            Filtres ({active.length})
          </button>
        )}
      </div>
      {active.length > 0 && (
        <ul className="active-filters" aria-label="Filtres actifs">
          {active.map((filter) => (
            <li key={filter.group}>
              <button type="button" className="chip removable" aria-label={`Retirer le filtre ${filter.label} : ${filter.value}`} onClick={() => update(withoutGroup(filters, filter.group))}>
                {filter.label} : {filter.value}
                <span aria-hidden="true"> ✕</span>
              </button>
            </li>
          ))}
          {active.length > 1 && (
            <li>
              <button type="button" className="link-button clear-all" onClick={() => update(clearFilters(filters))}>
                Tout effacer
              </button>
            </li>
          )}
        </ul>
      )}
      <div className="discover-layout">
        {!phone && (
          <section className="filters" aria-labelledby="filters-heading">
            <h2 id="filters-heading">Filtres</h2>
            {panel}
          </section>
        )}
        <section className="discover-results" aria-labelledby="results-heading">
          <h2 id="results-heading" className="visually-hidden">
            Résultats
          </h2>
          <DiscoverResults key={question} filters={filters} names={names} onChange={update} />
        </section>
      </div>
      {phone && sheetOpen && (
        <FilterSheet
          title="Filtres"
          onClose={() => setSheetOpen(false)}
          footer={
            <button type="button" className="button" onClick={() => setSheetOpen(false)}>
              Voir les {KIND_WORDS[filters.kind].many}
            </button>
          }
        >
          {panel}
        </FilterSheet>
      )}
    </main>
  );
}
