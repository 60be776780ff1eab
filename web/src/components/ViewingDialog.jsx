import { useState } from 'react';
import { api, diaryMessage } from '../api.js';
import { titleOf } from '../catalogue.js';
import { HALF_STARS, frenchRating, stars } from '../diary.js';
import { number, today } from '../format.js';
import Dialog from './Dialog.jsx';

export const REVIEW_MAX = 5000;

// Recording a viewing (POST /api/diary), or changing one (PATCH /api/diary/{entry_id}):
// the date (today by default, never in the future), a rewatch, an optional rating in half
// stars, an optional review and whether it is public. `onSaved(entry)` gets the server's.
export default function ViewingDialog({ kind, item, entry = null, onClose, onSaved }) {
  const now = today();
  const [fields, setFields] = useState(() => ({
    watched_on: entry?.watched_on ?? now,
    rewatch: entry?.rewatch ?? false,
    rating: entry?.rating != null ? String(entry.rating) : '',
    review: entry?.review ?? '',
    public: entry?.public ?? false,
  }));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const name = titleOf(item);
  const set = (changes) => setFields((current) => ({ ...current, ...changes }));

  async function submit(event) {
    event.preventDefault();
    if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(fields.watched_on)) {
      setError('Indiquez la date du visionnage.');
      return;
    }
    if (fields.watched_on > now) {
      setError('La date ne peut pas être dans le futur.');
      return;
    }
    if (fields.review.length > REVIEW_MAX) {
      setError(`Une critique compte au plus ${number(REVIEW_MAX)} caractères.`);
      return;
    }
    const body = {
      watched_on: fields.watched_on,
      rating: fields.rating ? Number(fields.rating) : null,
      review: fields.review.trim() ? fields.review : null,
      rewatch: fields.rewatch,
      public: fields.public,
    };
    setBusy(true);
    setError('');
    try {
      const saved = entry ? await api.changeViewing(entry.entry_id, body) : await api.addViewing({ media_type: kind, id: item.id, ...body });
      onSaved(saved);
    } catch (failure) {
      setError(diaryMessage(failure));
      setBusy(false);
    }
  }

  return (
    <Dialog title={entry ? `Modifier mon visionnage : ${name}` : `J'ai vu : ${name}`} onClose={onClose} testId="viewing-dialog">
      <form onSubmit={submit} noValidate className="viewing-form">
        <div className="field">
          <label htmlFor="viewing-date">Date du visionnage</label>
          <input id="viewing-date" type="date" max={now} value={fields.watched_on} required onChange={(event) => set({ watched_on: event.target.value })} data-autofocus />
        </div>
        <label className="check-line">
          <input type="checkbox" checked={fields.rewatch} onChange={(event) => set({ rewatch: event.target.checked })} />
          Je l'avais déjà vu (revisionnage)
        </label>
        <div className="field">
          <label htmlFor="viewing-rating">Ma note</label>
          <select id="viewing-rating" value={fields.rating} onChange={(event) => set({ rating: event.target.value })}>
            <option value="">Pas de note</option>
            {HALF_STARS.map((value) => (
              <option key={value} value={String(value)}>
                {stars(value)} ({frenchRating(value)}/5)
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="viewing-review">Ma critique (facultative)</label>
          <textarea
            id="viewing-review"
            rows={5}
            maxLength={REVIEW_MAX}
            value={fields.review}
            aria-describedby="viewing-review-count"
            onChange={(event) => set({ review: event.target.value })}
          />
          <small id="viewing-review-count" className="muted">
            {number(fields.review.length)} / {number(REVIEW_MAX)} caractères, en texte simple
          </small>
        </div>
        <label className="check-line">
          <input type="checkbox" checked={fields.public} onChange={(event) => set({ public: event.target.checked })} />
          Public : ma note et ma critique sont visibles sur la page du titre
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="button" disabled={busy} aria-busy={busy ? 'true' : undefined}>
            Enregistrer
          </button>
          <button type="button" className="button ghost" onClick={onClose}>
            Annuler
          </button>
        </div>
      </form>
    </Dialog>
  );
}
