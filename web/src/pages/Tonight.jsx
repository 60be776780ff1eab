import { Link } from 'react-router';
import HideSeenToggle from '../components/HideSeenToggle.jsx';
import PosterCard from '../components/PosterCard.jsx';
import ServicesPicker from '../components/ServicesPicker.jsx';
import { useSession } from '../session.jsx';
import { useTonight } from '../tonight.js';
import { usePageMeta } from '../pageMeta.js';

// /ce-soir: what I can watch tonight on what I pay for.
export default function Tonight() {
  const { user, checked } = useSession();
  usePageMeta('Ce soir sur mes plateformes', 'Ce que vous pouvez regarder ce soir sur les plateformes auxquelles vous êtes abonné.');
  if (!checked) return <main id="main" className="results-page" aria-busy="true" />;
  if (!user) {
    return (
      <main id="main" className="results-page">
        <h1>Ce soir</h1>
        <p>
          <Link to="/connexion" state={{ from: '/ce-soir' }}>
            Connectez-vous
          </Link>{' '}
          pour voir ce que vous pouvez regarder ce soir sur vos plateformes.
        </p>
      </main>
    );
  }
  return <TonightView />;
}

function TonightView() {
  const tonight = useTonight();
  return (
    <main id="main" className="results-page tonight" aria-busy={tonight.status === 'loading' ? 'true' : undefined}>
      <div className="page-head">
        <h1>Ce soir sur mes plateformes</h1>
        <HideSeenToggle />
      </div>
      {tonight.status === 'loading' && (
        <p className="muted" role="status">
          Chargement…
        </p>
      )}
      {tonight.status === 'error' && (
        <>
          <p className="error" role="alert">
            Ce soir est indisponible pour le moment.
          </p>
          <button type="button" className="button tall" onClick={tonight.retry}>
            Réessayer
          </button>
        </>
      )}
      {tonight.status === 'no-services' && (
        <ServicesPicker title="Choisissez vos plateformes" intro="Dites-nous à quels services vous êtes abonné : cette page vous montrera ce que vous pouvez y regarder ce soir." />
      )}
      {tonight.status === 'ready' && (
        <>
          <section aria-labelledby="tonight-list" data-testid="tonight-list">
            <h2 id="tonight-list">De ma liste, disponible maintenant</h2>
            {tonight.fromList.length === 0 ? (
              <p className="muted">Aucun titre de votre liste n'est sur vos plateformes pour l'instant.</p>
            ) : (
              <ul className="grid" aria-label="De ma liste, disponible maintenant">
                {tonight.fromList.map((item) => (
                  <PosterCard key={`${item.media_type}-${item.id}`} item={item} kind={item.media_type} showKind />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="tonight-more" data-testid="tonight-discovery">
            <h2 id="tonight-more">À découvrir sur mes plateformes</h2>
            {tonight.discovery.length === 0 ? (
              <p className="muted">Rien d'autre pour l'instant.</p>
            ) : (
              <ul className="grid" aria-label="À découvrir sur mes plateformes">
                {tonight.discovery.map((item) => (
                  <PosterCard key={`${item.media_type}-${item.id}`} item={item} kind={item.media_type} showKind />
                ))}
              </ul>
            )}
          </section>
          <p>
            <Link to="/profil">Changer mes plateformes</Link>
          </p>
        </>
      )}
    </main>
  );
}
