import { SHORT_MONTHS, monthName } from '../diary.js';

const MONTH_NAMES = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

// Viewings a month over one year, as twelve bars: an SVG image whose name says every
// figure (a screen reader reads the label, not the shapes), with the table beside it for
// those who would rather read.
export default function MonthChart({ year, byMonth }) {
  const counts = Array.from({ length: 12 }, (_, index) => {
    const key = `${year}-${String(index + 1).padStart(2, '0')}`;
    const found = (Array.isArray(byMonth) ? byMonth : []).find((entry) => entry.month === key);
    return Number.isInteger(found?.viewings) ? found.viewings : 0;
  });
  const top = Math.max(1, ...counts);
  const width = 360;
  const height = 140;
  const base = 118;
  const slot = width / 12;
  const label = `Visionnages par mois en ${year} : ${counts.map((value, index) => `${MONTH_NAMES[index]} ${value}`).join(', ')}.`;
  return (
    <figure className="month-chart" data-testid="month-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
        <line x1="0" y1={base} x2={width} y2={base} className="axis" />
        {counts.map((value, index) => {
          const barHeight = Math.round((value / top) * (base - 18));
          const x = index * slot + slot * 0.2;
          return (
            <g key={index}>
              <rect x={x} y={base - barHeight} width={slot * 0.6} height={barHeight} rx="2" className="bar" />
              {value > 0 && (
                <text x={x + slot * 0.3} y={base - barHeight - 4} textAnchor="middle" className="value">
                  {value}
                </text>
              )}
              <text x={x + slot * 0.3} y={height - 6} textAnchor="middle" className="month">
                {SHORT_MONTHS[index]}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">Visionnages par mois en {year}</figcaption>
      <details className="chart-table">
        <summary>Voir les chiffres</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Mois</th>
              <th scope="col">Visionnages</th>
            </tr>
          </thead>
          <tbody>
            {counts.map((value, index) => (
              <tr key={index}>
                <th scope="row">{monthName(`${year}-${String(index + 1).padStart(2, '0')}`)}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
