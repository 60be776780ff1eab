import { useEffect, useState } from 'react';
import { api, diaryMessage, isAbort } from '../api.js';
import { ratingLabel, stars, viewingLine, frenchRating } from '../diary.js';
import { count, longDate } from '../format.js';
import { usePersonal } from '../personal.jsx';
import { useSession } from '../session.jsx';
import { useFetched } from '../useFetched.js';
import ViewingDialog from './ViewingDialog.jsx';

// The signed-in user's viewings of one title (GET /api/diary/{kind}/{id}): "Vu le …, ★★★½",
// each with Modifier (the dialog) and Supprimer (asked twice).
// Modifier (the dialog) and Supprimer (asked twice) for one of my entries.
export function EntryActions({ kind, title, entry }) {
  const personal = usePersonal();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');

  async function remove() {
    setMessage('');
    try {
      await api.removeViewing(entry.entry_id);
      setConfirming(false);
      personal.diaryChanged();
    } catch (error) {
      setMessage(diaryMessage(error));
    }
  }

  return (
    <>
      {confirming ? (
        <div className="confirm" role="group" aria-label="Confirmation">
          <p>Supprimer ce visionnage, avec sa note et sa critique ?</p>
          <button type="button" className="button danger tall" onClick={remove}>
            Oui, supprimer
          </button>
          <button type="button" className="button ghost tall" onClick={() => setConfirming(false)}>
            Annuler
          </button>
        </div>
      ) : (
        <div className="entry-actions">
          <button type="button" className="button ghost tall" onClick={() => setEditing(true)}>
            Modifier
          </button>
          <button type="button" className="button ghost tall" onClick={() => setConfirming(true)}>
            Supprimer
          </button>
        </div>
      )}
      {message && (
        <p className="error" role="alert">
          {message}
        </p>
      )}
      {editing && (
        <ViewingDialog
          kind={kind}
          item={title}
          entry={entry}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            personal.diaryChanged();
          }}
        />
      )}
    </>
  );
}

// The signed-in user's viewings of one title (GET /api/diary/{kind}/{id}): "Vu le …, ★★★½",
// each with its actions.
export function MyViewings({ kind, title }) {
  const { user } = useSession();
  const personal = usePersonal();
  const { status, data } = useFetched(
    (signal) => (user ? api.viewingsOf(kind, title.id, signal) : Promise.resolve([])),
    `${user?.id ?? ''}/${kind}/${title.id}/${personal.diaryVersion}`,
  );
  if (!user) return null;
  const entries = status === 'ready' && Array.isArray(data) ? data : [];
  if (entries.length === 0) return null;
  return (
    <section className="my-viewings" aria-labelledby="my-viewings-heading" data-testid="my-viewings">
      <h2 id="my-viewings-heading">Mes visionnages</h2>
      <ul>
        {entries.map((entry) => (
          <li key={entry.entry_id} data-testid="my-viewing">
            <p className="viewing-line">
              <span aria-hidden="true">{viewingLine(entry)}</span>
              <span className="visually-hidden">
                {viewingLine({ ...entry, rating: null })}
                {entry.rating ? `, ${ratingLabel(entry.rating)}` : ''}
              </span>
              {!entry.public && <span className="muted"> · privé</span>}
            </p>
            {entry.review && <p className="review-text">{entry.review}</p>}
            <EntryActions kind={kind} title={title} entry={entry} />
          </li>
        ))}
      </ul>
    </section>
  );
}

const REVIEWS_PAGE = 20;

// The members' ratings and public reviews (GET /api/reviews/{kind}/{id}, shared a minute):
// the average and count, then the reviews newest first, page after page. My own public
// reviews come from my diary (the shared answer may be a minute behind), with their
// actions there. A review is text: React writes it as text, never as markup.
export function Reviews({ kind, title }) {
  const id = title.id;
  const { user } = useSession();
  const personal = usePersonal();
  const [pages, setPages] = useState({ status: 'loading', list: [], average: null, ratings: 0, more: false, page: 1 });
  const mine = useFetched(
    (signal) => (user ? api.viewingsOf(kind, id, signal) : Promise.resolve([])),
    `reviews/${user?.id ?? ''}/${kind}/${id}/${personal.diaryVersion}`,
  );

  useEffect(() => {
    const controller = new AbortController();
    api.reviews(kind, id, 1, controller.signal).then(
      (data) => controller.signal.aborted || setPages(first(data)),
      (error) => {
        if (controller.signal.aborted || isAbort(error)) return;
        // No entry at all for the title: nothing to show yet.
        if (error.status === 404) setPages(first(null));
        else setPages((current) => ({ ...current, status: 'error' }));
      },
    );
    return () => controller.abort();
  }, [kind, id]);

  async function loadMore() {
    const next = pages.page + 1;
    setPages((current) => ({ ...current, status: 'more' }));
    try {
      const data = await api.reviews(kind, id, next);
      const list = Array.isArray(data?.reviews) ? data.reviews : [];
      setPages((current) => ({ ...current, status: 'ready', list: [...current.list, ...list], more: list.length >= REVIEWS_PAGE, page: next }));
    } catch {
      setPages((current) => ({ ...current, status: 'ready', moreError: true }));
    }
  }

  const username = user?.username ?? null;
  const myReviews = (mine.status === 'ready' && Array.isArray(mine.data) ? mine.data : [])
    .filter((entry) => entry.public && entry.review)
    .map((entry) => ({ author: username, rating: entry.rating, review: entry.review, watched_on: entry.watched_on, at: entry.updated_at, entry }));
  const others = pages.list.filter((review) => !username || review.author !== username);
  const shown = [...myReviews, ...others];

  return (
    <section className="reviews" aria-labelledby="reviews-heading" data-testid="reviews">
      <h2 id="reviews-heading">Avis des membres</h2>
      {pages.status === 'loading' && (
        <p className="muted" role="status">
          Chargement des avis…
        </p>
      )}
      {pages.status === 'error' && <p className="muted">Les avis sont indisponibles pour le moment.</p>}
      {pages.status !== 'loading' && pages.status !== 'error' && (
        <p className="reviews-average" data-testid="reviews-average">
          {Number.isFinite(pages.average) && pages.ratings > 0 ? (
            <>
              <span className="rating" aria-hidden="true">
                {stars(pages.average)}
              </span>{' '}
              {frenchRating(pages.average)}/5 · {count(pages.ratings, 'note', 'notes')} de membres CineVerse
            </>
          ) : (
            'Aucune note de membre pour l’instant.'
          )}
        </p>
      )}
      {shown.length > 0 && (
        <ul className="review-list" aria-label="Critiques">
          {shown.map((review, index) => (
            <li key={review.entry ? review.entry.entry_id : `${review.author}-${review.at}-${index}`} className="review" data-testid="review">
              <p className="review-head">
                <strong>{review.author}</strong>
                {review.entry && <span className="muted"> (vous)</span>}
                {review.rating ? (
                  <>
                    {' · '}
                    <span className="rating" aria-hidden="true">
                      {stars(review.rating)}
                    </span>
                    <span className="visually-hidden">{ratingLabel(review.rating)}</span>
                  </>
                ) : null}
                {review.watched_on && <span className="muted"> · vu le {longDate(review.watched_on)}</span>}
              </p>
              <p className="review-text">{review.review}</p>
              {review.entry && <EntryActions kind={kind} title={title} entry={review.entry} />}
            </li>
          ))}
        </ul>
      )}
      {pages.status !== 'loading' && pages.status !== 'error' && shown.length === 0 && <p className="muted">Aucune critique publique pour l’instant.</p>}
      {pages.more && (
        <button type="button" className="button ghost tall" onClick={loadMore} disabled={pages.status === 'more'} aria-busy={pages.status === 'more' ? 'true' : undefined}>
          Critiques plus anciennes
        </button>
      )}
      {pages.moreError && (
        <p className="error" role="alert">
          La suite n’a pas pu être chargée.
        </p>
      )}
    </section>
  );
}

function first(data) {
  const list = Array.isArray(data?.reviews) ? data.reviews : [];
  return {
    status: 'ready',
    list,
    average: typeof data?.average === 'number' ? data.average : data?.average != null ? Number(data.average) : null,
    ratings: Number.isInteger(data?.ratings) ? data.ratings : 0,
    more: list.length >= REVIEWS_PAGE,
    page: 1,
  };
}
