import HideSeenToggle from '../components/HideSeenToggle.jsx';
import Row from '../components/Row.jsx';
import TonightRow from '../components/TonightRow.jsx';
import { HOME_ROWS } from '../catalogue.js';
import { SITE_DESCRIPTION, SITE_NAME, usePageMeta } from '../pageMeta.js';

// The rows a phone's first screen may show are asked for at once; the others as they
// approach the viewport.
const FIRST_SCREEN_ROWS = 2;

export default function Home() {
  usePageMeta(SITE_NAME, SITE_DESCRIPTION);
  return (
    <main id="main" className="home">
      <h1 className="visually-hidden">CineVerse : à l'affiche</h1>
      <div className="home-tools">
        <HideSeenToggle />
      </div>
      <TonightRow />
      {HOME_ROWS.map((row, index) => (
        <Row key={row.route} route={row.route} title={row.title} deferred={index >= FIRST_SCREEN_ROWS} priority={index === 0} />
      ))}
    </main>
  );
}
