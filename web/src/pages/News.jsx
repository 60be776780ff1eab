import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api.js';
import { titleOf, titlePath } from '../catalogue.js';
import Picture from '../components/Picture.jsx';
import { initials } from '../format.js';
import { usePersonal } from '../personal.jsx';
import { useSession } from '../session.jsx';
import { useFetched } from '../useFetched.js';
import { usePageMeta } from '../pageMeta.js';

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

// One news item as a sentence, in French.
export function newsSentence(item) {
  const provider = item.provider?.provider_name;
  switch (item.kind) {
    case 'arrived':
      return provider ? `Disponible sur ${provider}` : 'Disponible sur une de vos plateformes';
    case 'left':
      return provider ? `N'est plus sur ${provider}` : "N'est plus sur une de vos plateformes";
    case 'in_cinemas':
      return 'Au cinéma en France';
    case 'to_rent':
      return provider ? `À louer sur ${provider}` : 'Disponible à la location';
    default:
      return 'Du nouveau';
  }
}

function when(at) {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? '' : DATE_TIME.format(date);
}

// /nouveautes: what changed for the titles of my list (GET /api/me/news), the unread ones
// marked, "Tout marquer comme lu" (POST /api/me/news/read), and my private Atom feed.
export default function News() {
  const { user, checked } = useSession();
  usePageMeta('Nouveautés', 'Les titres de votre liste arrivés sur vos plateformes, au cinéma ou à la location.');
  if (!checked) return <main id="main" className="results-page" aria-busy="true" />;
  if (!user) {
    return (
      <main id="main" className="results-page">
        <h1>Nouveautés</h1>
        <p>
          <Link to="/connexion" state={{ from: '/nouveautes' }}>
            Connectez-vous
          </Link>{' '}
          pour savoir quand un titre de votre liste arrive sur vos plateformes.
        </p>
      </main>
    );
  }
  return <NewsView />;
}

function NewsView() {
  const personal = usePersonal();
  const [version, setVersion] = useState(0);
  const all = useFetched((signal) => api.news(false, signal), `all/${version}`);
  const unread = useFetched((signal) => api.news(true, signal), `unread/${version}`);
  const [marking, setMarking] = useState({ busy: false, error: '' });

  const items = all.status === 'ready' && Array.isArray(all.data?.items) ? all.data.items : [];
  const unreadIds = new Set(unread.status === 'ready' && Array.isArray(unread.data?.items) ? unread.data.items.map((item) => item.id) : []);
  const unreadCount = unread.status === 'ready' && Number.isInteger(unread.data?.unread) ? unread.data.unread : 0;

  // The header's count follows this page's answer.
  useEffect(() => {
    if (unread.status === 'ready') personal.setUnread(unreadCount);
  }, [unread.status, unreadCount]);

  async function markRead() {
    const newest = items.reduce((top, item) => (Number(item.id) > Number(top) ? item.id : top), 0);
    setMarking({ busy: true, error: '' });
    try {
      const answer = await api.readNews(newest);
      personal.setUnread(Number.isInteger(answer?.unread) ? answer.unread : 0);
      setVersion((count) => count + 1);
      setMarking({ busy: false, error: '' });
    } catch {
      setMarking({ busy: false, error: "Les nouveautés n'ont pas pu être marquées comme lues, réessayez." });
    }
  }

  return (
    <main id="main" className="results-page news-page" aria-busy={all.status === 'loading' ? 'true' : undefined}>
      <div className="page-head">
        <h1>Nouveautés</h1>
        {unreadCount > 0 && (
          <button type="button" className="button tall" onClick={markRead} disabled={marking.busy} aria-busy={marking.busy ? 'true' : undefined}>
            Tout marquer comme lu ({unreadCount})
          </button>
        )}
      </div>
      <p className="muted">Les titres de votre liste qui arrivent sur vos plateformes, les quittent, sortent au cinéma ou se louent.</p>
      {marking.error && (
        <p className="error" role="alert">
          {marking.error}
        </p>
      )}
      {all.status === 'loading' && (
        <p className="muted" role="status">
          Chargement…
        </p>
      )}
      {all.status === 'error' && (
        <p className="error" role="alert">
          Les nouveautés n'ont pas pu être chargées.{' '}
          <button type="button" className="link-button" onClick={all.retry}>
            Réessayer
          </button>
        </p>
      )}
      {all.status === 'ready' && items.length === 0 && <p>Rien de nouveau pour l'instant : ajoutez des titres à votre liste, nous vous dirons quand ils arrivent.</p>}
      {items.length > 0 && (
        <ul className="news-list" aria-label="Nouveautés" data-testid="news">
          {items.map((item) => {
            const path = titlePath(item.media_type, item.title_id);
            const fresh = unreadIds.has(item.id);
            return (
              <li key={item.id} className={`news-item${fresh ? ' unread' : ''}`} data-testid="news-item" data-kind={item.kind}>
                <Picture shape="poster" path={item.poster_path} label={titleOf(item)} sizes="64px" className="news-poster" />
                <div className="news-body">
                  <p className="news-title">
                    {path ? <Link to={path}>{titleOf(item)}</Link> : titleOf(item)}
                    {fresh && <span className="new-mark"> · non lu</span>}
                  </p>
                  <p className="news-what">
                    {item.provider && (
                      <Picture shape="logo" path={item.provider.logo_path} label={initials(item.provider.provider_name)} alt={`Logo ${item.provider.provider_name}`} sizes="32px" className="news-logo" />
                    )}
                    <span>{newsSentence(item)}</span>
                  </p>
                  <p className="muted news-when">{when(item.at)}</p>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <FeedLink />
    </main>
  );
}

// The private Atom feed: a new address on demand (the previous one stops working), with a
// copy button.
function FeedLink() {
  const [feed, setFeed] = useState({ url: '', busy: false, error: '', copied: '' });
  const input = useRef(null);

  async function create() {
    setFeed((current) => ({ ...current, busy: true, error: '', copied: '' }));
    try {
      const answer = await api.newFeed();
      const url = typeof answer?.url === 'string' && answer.url.startsWith('/feeds/') ? new URL(answer.url, window.location.origin).href : '';
      setFeed({ url, busy: false, error: url ? '' : 'Adresse de flux inattendue.', copied: '' });
    } catch {
      setFeed((current) => ({ ...current, busy: false, error: "Le flux n'a pas pu être créé, réessayez." }));
    }
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(feed.url);
      setFeed((current) => ({ ...current, copied: 'Adresse copiée.' }));
    } catch {
      input.current?.select();
      setFeed((current) => ({ ...current, copied: 'Sélectionnée : copiez-la avec Ctrl+C.' }));
    }
  }

  return (
    <section className="feed" aria-labelledby="feed-heading">
      <h2 id="feed-heading">Flux Atom privé</h2>
      <p className="muted">Suivez vos nouveautés dans un lecteur de flux. L'adresse est personnelle : en créer une nouvelle désactive l'ancienne.</p>
      {feed.url ? (
        <div className="feed-url">
          <label htmlFor="feed-url">Adresse de mon flux</label>
          <div className="feed-row">
            <input id="feed-url" ref={input} type="text" readOnly value={feed.url} onFocus={(event) => event.target.select()} />
            <button type="button" className="button tall" onClick={copy}>
              Copier
            </button>
          </div>
          <p className="success" role="status">
            {feed.copied}
          </p>
        </div>
      ) : null}
      <button type="button" className="button ghost tall" onClick={create} disabled={feed.busy} aria-busy={feed.busy ? 'true' : undefined}>
        {feed.url ? 'Créer une nouvelle adresse' : 'Créer mon lien de flux'}
      </button>
      {feed.error && (
        <p className="error" role="alert">
          {feed.error}
        </p>
      )}
    </section>
  );
}
