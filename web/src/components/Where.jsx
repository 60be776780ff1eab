// Where a watchlist item streams for me, from its `where` (GET /api/watchlist): my services
// first, then the other subscriptions, then rent and buy, else nowhere yet. Services are
// named from /api/providers' list (`byId`).
export function whereLines(where, byId) {
  if (!where || typeof where !== 'object') return [{ kind: 'unknown', text: 'Disponibilité inconnue' }];
  if (!where.checked_at) return [{ kind: 'unknown', text: 'Disponibilité en cours de vérification' }];
  const name = (id) => byId.get(id)?.provider_name ?? `Service ${id}`;
  const mine = Array.isArray(where.mine) ? where.mine.filter(Number.isInteger) : [];
  const mineSet = new Set(mine);
  const others = (Array.isArray(where.flatrate) ? where.flatrate.filter(Number.isInteger) : []).filter((id) => !mineSet.has(id));
  const lines = [];
  if (mine.length > 0) lines.push({ kind: 'mine', text: `Sur vos plateformes : ${mine.map(name).join(', ')}`, ids: mine });
  if (others.length > 0) lines.push({ kind: 'flatrate', text: `En abonnement : ${others.map(name).join(', ')}`, ids: others });
  if (where.rent && where.buy) lines.push({ kind: 'rent', text: 'À louer ou à acheter' });
  else if (where.rent) lines.push({ kind: 'rent', text: 'À louer' });
  else if (where.buy) lines.push({ kind: 'buy', text: 'À acheter' });
  if (lines.length === 0) lines.push({ kind: 'nowhere', text: "Nulle part pour l'instant" });
  return lines;
}

export default function Where({ where, byId }) {
  return (
    <ul className="where" data-testid="where" aria-label="Où le regarder">
      {whereLines(where, byId).map((line) => (
        <li key={line.kind} className={`where-${line.kind}`} data-kind={line.kind}>
          {line.text}
        </li>
      ))}
    </ul>
  );
}
