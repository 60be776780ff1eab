import { useEffect } from 'react';
import HideSeenToggle from '../components/HideSeenToggle.jsx';
import Row from '../components/Row.jsx';
import TonightRow from '../components/TonightRow.jsx';
import { HOME_ROWS } from '../catalogue.js';

export default function Home() {
  useEffect(() => {
    document.title = 'CineVerse';
  }, []);
  return (
    <main id="main" className="home">
      <h1 className="visually-hidden">CineVerse : à l'affiche</h1>
      <div className="home-tools">
        <HideSeenToggle />
      </div>
      <TonightRow />
      {HOME_ROWS.map((row) => (
        <Row key={row.route} route={row.route} title={row.title} />
      ))}
    </main>
  );
}
