import Row from '../components/Row.jsx';
import { ROWS } from '../catalogue.js';

export default function Home() {
  return (
    <main id="main" className="home">
      <h1 className="visually-hidden">CineVerse : à l'affiche</h1>
      {ROWS.map((row) => (
        <Row key={row.route} route={row.route} title={row.title} />
      ))}
    </main>
  );
}
