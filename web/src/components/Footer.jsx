// TMDB's terms ask for their logo beside this notice. public/tmdb-logo.svg is a plain
// wordmark drawn for CineVerse; an operator replaces that file with the official logo
// from TMDB's brand page (same name, any aspect ratio: the CSS sets only its height).
export default function Footer() {
  return (
    <footer className="footer">
      <img className="tmdb-logo" src="/tmdb-logo.svg" alt="TMDB" width="120" height="40" />
      <div>
        <p lang="en">This product uses the TMDB API but is not endorsed or certified by TMDB.</p>
        <p className="muted">CineVerse utilise l'API de TMDB sans être approuvé ni certifié par TMDB.</p>
      </div>
    </footer>
  );
}
