// End to end in a real Chromium (Debian's, driven by playwright-core) against the real
// stack over HTTPS: person → browser → nginx → FastCGI → PostgreSQL / TMDB stand-in, with
// the demo catalogue (no TMDB key).
//   BASE_URL=https://localhost:8443 ARTIFACTS_DIR=… node e2e/run.mjs
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE_URL = process.env.BASE_URL ?? 'https://localhost:8443';
const ARTIFACTS = process.env.ARTIFACTS_DIR ?? join(process.cwd(), 'e2e-artifacts');
const EXECUTABLE = process.env.CHROMIUM ?? '/usr/bin/chromium';
// The home rows are the route table's, as the client itself counts them.
const ROUTE_TABLE = JSON.parse(readFileSync(new URL('../src/generated/routes.json', import.meta.url), 'utf8'));
const HOME_ROWS = ROUTE_TABLE.routes.filter((route) => route.method === 'GET' && route.home_row != null);
const ROWS = HOME_ROWS.length;
// Lists of what is in cinemas now or soon hold the few films of the moment; the others are full.
const SHORT_ROWS = new Set(['/api/now-playing', '/api/upcoming']);
const MIN_ROW_POSTERS = 12;
const MIN_LOADED_IMAGES = 40;
const UNKNOWN_FILM = '/film/999999999';
// axe-core, run in each main page (through the DevTools protocol: the site's CSP forbids
// injected scripts, as it should).
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
mkdirSync(ARTIFACTS, { recursive: true });

// Playwright gives the browser a fresh temporary profile of its own.
const browser = await chromium.launch({
  executablePath: EXECUTABLE,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
  ],
});

const username = `e2e_${Date.now().toString(36)}`;
const password = 'un mot de passe solide';
let failed = false;
let shot = 0;

async function step(name, page, body) {
  process.stdout.write(`- ${name} … `);
  try {
    await body();
    console.log('ok');
  } catch (error) {
    failed = true;
    console.log('FAILED');
    console.error(error);
  } finally {
    shot += 1;
    await page.screenshot({ path: join(ARTIFACTS, `${String(shot).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: false });
  }
}

const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const cspViolations = [];
// Every error a page logs or throws, for the steps that assert there is none. A visitor's
// signed-in check answers 200 (GET /api/session): the only 401 expected is the wrong
// password a step types on purpose.
const consoleErrors = [];
function watchCsp(target) {
  target.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    const expected = /status of 401/.test(message.text()) && /\/login$/.test(message.location()?.url ?? '');
    if (!expected) consoleErrors.push(`${target.url()}: ${message.text()} (${message.location()?.url ?? ''})`);
  });
  target.on('pageerror', (error) => consoleErrors.push(`${target.url()}: ${error.message}`));
}
async function withoutConsoleErrors(body) {
  const before = consoleErrors.length;
  await body();
  assert.deepEqual(consoleErrors.slice(before), [], 'the page logged errors');
}
watchCsp(page);
const panel = page.getByRole('navigation', { name: 'Compte' });
const mainNav = page.getByRole('navigation', { name: 'Navigation principale' });
const searchBox = page.getByRole('combobox', { name: 'Rechercher un film, une série ou une personne' });
const heading = (target = page) => target.getByRole('heading', { level: 1 });
// The film page's own toggle (cards have theirs), once the watchlist has loaded.
const pageToggle = (text) => page.locator('.title-facts [data-testid=watchlist-toggle]:not([aria-busy])', { hasText: text });
// Runs in the page: how many of these images have arrived and decoded to a real size.
const countLoaded = (selector) =>
  [...document.querySelectorAll(selector)].filter((image) => image.complete && image.naturalWidth > 0).length;

// Counted from here every 100 ms: on the film page, whose cast pictures are created by an
// IntersectionObserver's callback, waitForFunction's polling in the page was seen never to
// run again (four pictures loaded, the wait timed out), while a plain evaluate counts them.
async function waitForLoadedImages(target, selector, wanted, timeout = 20000) {
  const deadline = Date.now() + timeout;
  let loaded = await target.evaluate(countLoaded, selector);
  while (loaded < wanted && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    loaded = await target.evaluate(countLoaded, selector);
  }
  assert.ok(loaded >= wanted, `${loaded} loaded images match ${selector}, ${wanted} wanted`);
}

// axe-core's violations in the page as it is now, one line each.
async function axeViolations(target) {
  if (!(await target.evaluate(() => typeof window.axe === 'object'))) await target.evaluate(AXE_SOURCE);
  const violations = await target.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  return violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(', ')}`);
}

// Opens each path, waits until the page is drawn (its ready selector), then checks it with
// axe-core and for console errors.
async function tour(target, pages) {
  const problems = [];
  for (const [path, ready] of pages) {
    const before = consoleErrors.length;
    await target.goto(BASE_URL + path);
    await target.locator(ready).first().waitFor({ timeout: 20000 });
    await target.waitForLoadState('networkidle');
    for (const violation of await axeViolations(target)) problems.push(`${path}: ${violation}`);
    for (const error of consoleErrors.slice(before)) problems.push(`${path}: console: ${error}`);
  }
  assert.deepEqual(problems, [], 'accessibility violations or console errors');
}

// Images are lazy: scroll the whole page through the viewport so that each is asked for.
async function scrollThrough(target) {
  await target.evaluate(async () => {
    for (let y = 0; y <= document.documentElement.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise(requestAnimationFrame);
    }
  });
}

await step(`home shows the route table's ${ROWS} rows`, page, async () => {
  await page.goto(BASE_URL + '/');
  // Rows ask for their list as they approach the viewport: the first ones at once.
  await page.locator('[data-testid=row] [data-testid=poster]').first().waitFor({ timeout: 20000 });
  await scrollThrough(page);
  await page.waitForFunction((rows) => document.querySelectorAll('[data-testid=row]').length === rows && [...document.querySelectorAll('[data-testid=row]')].every((row) => row.querySelector('[data-testid=poster]')), ROWS, { timeout: 20000 });
  const rows = await page.$$eval('[data-testid=row]', (sections) =>
    sections.map((row) => ({ title: row.querySelector('h2').textContent, posters: row.querySelectorAll('[data-testid=poster]').length })),
  );
  assert.deepEqual(rows.map((row) => row.title), HOME_ROWS.map((route) => route.home_row));
  rows.forEach((row, index) => {
    const wanted = SHORT_ROWS.has(HOME_ROWS[index].path) ? 1 : MIN_ROW_POSTERS;
    assert.ok(row.posters >= wanted, `the row "${row.title}" has only ${row.posters} posters`);
  });
  assert.deepEqual(cspViolations, []);
});

await step(`home shows at least ${MIN_LOADED_IMAGES} loaded images`, page, async () => {
  await scrollThrough(page);
  await waitForLoadedImages(page, 'main img', MIN_LOADED_IMAGES);
  await page.evaluate(() => window.scrollTo(0, 0));
});

let filmPath = null;
await step('search "nosf": suggestions, Enter, results, the film and a similar title, back twice', page, async () => {
  await searchBox.fill('nosf');
  await page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option', { name: /^Nosferatu/ }).first().waitFor();
  await searchBox.press('Enter');
  await page.waitForURL(/\/recherche\?q=nosf$/);
  const results = page.getByRole('list', { name: 'Résultats' });
  await results.getByRole('link', { name: /^Nosferatu/ }).first().click();
  await page.waitForURL(/\/film\/[1-9][0-9]*$/);
  filmPath = new URL(page.url()).pathname;
  await heading().filter({ hasText: 'Nosferatu' }).waitFor();

  const cast = page.getByTestId('cast');
  assert.ok((await cast.count()) > 0, 'the film has a cast row');
  await cast.first().scrollIntoViewIfNeeded();
  await waitForLoadedImages(page, '[data-testid=cast] img', 1);
  assert.ok((await page.getByTestId('provider').count()) > 0, 'the film has providers');
  await page.getByTestId('providers').getByText('Données JustWatch').waitFor();
  const similar = page.getByTestId('similar').getByTestId('poster');
  assert.ok((await similar.count()) > 0, 'the film has similar titles');

  await similar.first().getByRole('link').click();
  await page.waitForURL((url) => url.pathname !== filmPath && /^\/(film|serie)\/[1-9][0-9]*$/.test(url.pathname));
  await heading().waitFor();
  assert.notEqual(await heading().textContent(), 'Nosferatu');

  await page.goBack();
  await page.waitForURL((url) => url.pathname === filmPath);
  await heading().filter({ hasText: 'Nosferatu' }).waitFor();
  await page.goBack();
  await page.waitForURL(/\/recherche\?q=nosf$/);
  await results.getByRole('link', { name: /^Nosferatu/ }).first().waitFor();
  assert.equal(await searchBox.inputValue(), 'nosf');
});

await step('reload keeps the film page', page, async () => {
  assert.ok(filmPath, 'the search found the film');
  await page.goto(BASE_URL + filmPath);
  await page.reload();
  await heading().filter({ hasText: 'Nosferatu' }).waitFor();
});

await step('an unknown film shows the introuvable page', page, async () => {
  await page.goto(BASE_URL + UNKNOWN_FILM);
  await heading().filter({ hasText: /introuvable/ }).waitFor();
});

await step("a visitor's main pages: no axe-core violation, no console error", page, async () => {
  const first = async (path) => (await (await page.request.get(BASE_URL + path)).json())[0].id;
  const series = await first('/api/trending-tv');
  const film = await (await page.request.get(`${BASE_URL}/api${filmPath.replace('/film', '/movie')}`)).json();
  const person = film.credits?.cast?.[0]?.id ?? film.cast?.[0]?.id;
  assert.ok(person, 'the film names a person');
  await tour(page, [
    ['/', '[data-testid=row] [data-testid=poster]'],
    ['/recherche?q=nosferatu', 'main [data-testid=poster]'],
    [filmPath, 'main h1'],
    [`/serie/${series}`, 'main h1'],
    ['/decouvrir', '[data-testid=discover-results] [data-testid=poster]'],
    [`/personne/${person}`, 'main h1'],
    ['/saga/990001', 'main [data-testid=poster]'],
    ['/ma-liste', 'main h1'],
    ['/connexion', 'main h1'],
    ['/inscription', 'main h1'],
  ]);
});

await step('sign up signs the user in', page, async () => {
  await page.goto(BASE_URL + '/');
  await panel.getByRole('link', { name: 'Inscription' }).click();
  await page.getByLabel("Nom d'utilisateur").fill(username);
  await page.getByLabel('E-mail').fill(`${username}@example.org`);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByLabel('Prénom').fill('Ada');
  await page.getByLabel('Nom', { exact: true }).fill('Lovelace');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await page.getByTestId('username').waitFor();
  assert.equal(await page.getByTestId('username').textContent(), username);
  const cookies = await context.cookies();
  const session = cookies.find((cookie) => cookie.name === '__Host-session');
  assert.ok(session && session.httpOnly && session.secure, 'the session cookie is HttpOnly and Secure');
  assert.equal(await page.evaluate(() => localStorage.length), 0);
});

await step('watchlist: add the film, see it on its card and in Ma liste, reload, remove it', page, async () => {
  await page.goto(BASE_URL + filmPath);
  await pageToggle('Ajouter à ma liste').click();
  await pageToggle('Dans ma liste').waitFor();

  await page.goto(`${BASE_URL}/recherche?q=nosferatu`);
  const card = page.getByRole('list', { name: 'Résultats' }).getByTestId('poster').filter({ has: page.locator(`a[href="${filmPath}"]`) });
  await card.getByTestId('watchlist-toggle').filter({ hasText: 'Dans ma liste' }).waitFor();

  await mainNav.getByRole('link', { name: 'Ma liste' }).click();
  const list = page.getByRole('list', { name: 'Ma liste' });
  await list.locator(`a[href="${filmPath}"]`).waitFor();
  await page.reload();
  await list.locator(`a[href="${filmPath}"]`).waitFor();

  const removed = page.waitForResponse((response) => response.request().method() === 'DELETE' && response.url().endsWith(`/api/watchlist/movie${filmPath.slice('/film'.length)}`));
  await list.getByTestId('poster').filter({ has: page.locator(`a[href="${filmPath}"]`) }).getByRole('button', { name: 'Retirer de ma liste' }).click();
  assert.equal((await removed).status(), 200);
  await page.locator(`main a[href="${filmPath}"]`).waitFor({ state: 'detached' });
  await page.reload();
  await page.getByText(/Votre liste est vide/).waitFor();
});

await step('log out signs the user out', page, async () => {
  await panel.getByRole('button', { name: 'Déconnexion' }).click();
  await panel.getByRole('link', { name: 'Connexion' }).waitFor();
});

await step("a visitor's toggle sends to Connexion; a wrong password shows the message; logging in returns to the film", page, async () => {
  await page.goto(BASE_URL + filmPath);
  await panel.getByRole('link', { name: 'Connexion' }).waitFor();
  await pageToggle('Ajouter à ma liste').click();
  await page.waitForURL((url) => url.pathname === '/connexion');
  await page.getByLabel("Nom d'utilisateur").fill(username);
  await page.getByLabel('Mot de passe').fill('pas le bon mot de passe');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('alert').waitFor();
  assert.equal(await page.getByRole('alert').textContent(), 'Mot de passe incorrect');
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => url.pathname === filmPath);
  await page.getByTestId('username').waitFor();
  await pageToggle('Ajouter à ma liste').waitFor();
});

await step('change the first name in the profile, and it persists', page, async () => {
  await panel.getByRole('link', { name: 'Profil' }).click();
  await page.getByLabel('Prénom').fill('Augusta');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await page.getByRole('main').getByRole('status').waitFor();
  await page.reload();
  await page.getByLabel('Prénom').waitFor();
  assert.equal(await page.getByLabel('Prénom').inputValue(), 'Augusta');
  assert.equal(await page.getByTestId('username').textContent(), username);
});

await step("a member's pages: no axe-core violation, no console error", page, async () => {
  await tour(page, [
    ['/', '[data-testid=row] [data-testid=poster]'],
    ['/ma-liste', 'main h1'],
    [filmPath, 'main h1'],
    ['/profil', 'main form'],
  ]);
  await page.getByTestId('username').waitFor();
});

await step('delete the account; logging in again is refused', page, async () => {
  const zone = page.locator('section.danger-zone');
  await zone.getByLabel('Votre mot de passe actuel').fill(password);
  await zone.getByRole('button', { name: 'Supprimer mon compte' }).click();
  await zone.getByRole('button', { name: 'Oui, supprimer définitivement' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await panel.getByRole('link', { name: 'Connexion' }).click();
  await page.getByLabel("Nom d'utilisateur").fill(username);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('alert').waitFor();
  assert.equal(await page.getByRole('alert').textContent(), "Nom d'utilisateur inconnu");
});

// Découvrir against the demo catalogue. Whether each result satisfies the filters is read
// from the API's own film pages, not from the result cards.
const GENRE = { id: 18, name: 'Drame' };
const DECADE = 1920;
const SERVICE = { id: 9101, name: 'Bobine' };
const FANTOMAS = { film: 900133, saga: 990001, parts: [900133, 900134, 900135, 900136, 900137] };
const discoverResults = (target = page) => target.getByRole('list', { name: 'Résultats' });
const resultIds = (target = page) =>
  target.$$eval('[data-testid=discover-results] [data-testid=poster] a', (links) => links.map((link) => Number(link.getAttribute('href').split('/').pop())));
const discoverRequest = (wanted) => (request) => {
  const url = new URL(request.url());
  return url.pathname === '/api/discover/movie' && wanted(url.searchParams);
};
async function apiJson(path) {
  const response = await page.request.get(BASE_URL + path);
  assert.equal(response.status(), 200, `${path} answered ${response.status()}`);
  return response.json();
}
// The filters' part of the page's address, in the canonical order the client writes it.
const discoverSearch = () => new URL(page.url()).search;

await step('Découvrir from the main navigation: a decade, and scrolling loads the second page', page, () =>
  withoutConsoleErrors(async () => {
    await page.goto(BASE_URL + '/');
    await mainNav.getByRole('link', { name: 'Découvrir' }).click();
    await page.waitForURL((url) => url.pathname === '/decouvrir');
    await heading().filter({ hasText: 'Découvrir' }).waitFor();
    await discoverResults().getByTestId('poster').first().waitFor();

    const firstPage = page.waitForResponse(discoverRequest((params) => params.get('year_from') === String(DECADE) && !params.has('page')));
    await page.getByRole('button', { name: `Années ${DECADE}`, exact: true }).click();
    await page.waitForURL((url) => url.search === `?year_from=${DECADE}&year_to=${DECADE + 9}`);
    const total = (await (await firstPage).json()).total_results;
    assert.ok(total > 20, `only ${total} films of the ${DECADE}s: no second page to load`);
    await page.locator('.discover-count', { hasText: new RegExp(`^${total} films$`) }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=discover-results] [data-testid=poster]').length === 20);
    assert.equal(await page.getByRole('button', { name: `Années ${DECADE}`, exact: true }).getAttribute('aria-pressed'), 'true');

    const secondPage = page.waitForResponse(discoverRequest((params) => params.get('year_from') === String(DECADE) && params.get('page') === '2'));
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    assert.equal((await secondPage).status(), 200);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=discover-results] [data-testid=poster]').length > 20);
    const years = await page.$$eval('[data-testid=discover-results] [data-testid=poster] .year', (spans) => spans.map((span) => Number(span.textContent.replace(/\D/g, ''))));
    assert.ok(years.length > 20);
    for (const year of years) assert.ok(year >= DECADE && year <= DECADE + 9, `a result of ${year} among the ${DECADE}s`);
    // Unique cards: the second page follows the first.
    const ids = await resultIds();
    assert.equal(new Set(ids).size, ids.length);
  }),
);

let discovered = [];
await step('Découvrir: a genre and a service go to the URL, and every result has them by its film page', page, () =>
  withoutConsoleErrors(async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    // Clicks, not check(): a filter's box follows the URL, and check() may look before it does.
    await page.getByRole('group', { name: 'Genres' }).getByRole('checkbox', { name: GENRE.name, exact: true }).click();
    await page.waitForURL((url) => url.search === `?genres=${GENRE.id}&year_from=${DECADE}&year_to=${DECADE + 9}`);
    const answered = page.waitForResponse(discoverRequest((params) => params.get('providers') === String(SERVICE.id)));
    await page.getByRole('group', { name: 'Services de streaming' }).getByRole('checkbox', { name: SERVICE.name, exact: true }).click();
    await page.waitForURL((url) => url.search === `?genres=${GENRE.id}&year_from=${DECADE}&year_to=${DECADE + 9}&providers=${SERVICE.id}`);
    const response = await answered;
    assert.equal(new URL(response.url()).search, `?genres=${GENRE.id}&year_from=${DECADE}&year_to=${DECADE + 9}&providers=${SERVICE.id}`);
    const answer = await response.json();
    assert.ok(answer.results.length > 0, 'no drama of the 1920s on the service: nothing to check');
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid=discover-results] [data-testid=poster]').length === count, answer.results.length);
    discovered = await resultIds();
    assert.deepEqual(discovered, answer.results.map((item) => item.id));
    assert.equal(Number((await page.locator('.discover-count').textContent()).replace(/\D/g, '')), answer.total_results);
    for (const id of discovered) {
      const film = await apiJson(`/api/movie/${id}`);
      assert.ok(film.genres.some((genre) => genre.id === GENRE.id), `${film.title} (${id}) is not a ${GENRE.name}`);
      const year = Number(film.release_date.slice(0, 4));
      assert.ok(year >= DECADE && year <= DECADE + 9, `${film.title} (${id}) is of ${year}`);
      assert.ok((film.providers?.flatrate ?? []).some((provider) => provider.provider_id === SERVICE.id), `${film.title} (${id}) is not on ${SERVICE.name}`);
    }
    assert.equal(await page.getByRole('list', { name: 'Filtres actifs' }).getByRole('listitem').count(), 4);
  }),
);

await step('Découvrir: a reload keeps the view, back and forward step through the filters', page, () =>
  withoutConsoleErrors(async () => {
    const search = discoverSearch();
    await page.reload();
    await discoverResults().getByTestId('poster').first().waitFor();
    assert.equal(discoverSearch(), search);
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid=discover-results] [data-testid=poster]').length === count, discovered.length);
    assert.deepEqual(await resultIds(), discovered);
    assert.ok(await page.getByRole('checkbox', { name: GENRE.name, exact: true }).isChecked());
    assert.ok(await page.getByRole('checkbox', { name: SERVICE.name, exact: true }).isChecked());
    assert.equal(await page.getByRole('button', { name: `Années ${DECADE}`, exact: true }).getAttribute('aria-pressed'), 'true');

    await page.goBack();
    await page.waitForURL((url) => url.search === `?genres=${GENRE.id}&year_from=${DECADE}&year_to=${DECADE + 9}`);
    await page.getByRole('checkbox', { name: SERVICE.name, exact: true }).and(page.locator(':not(:checked)')).waitFor();
    await page.goForward();
    await page.waitForURL((url) => url.search === search);
    await page.getByRole('checkbox', { name: SERVICE.name, exact: true }).and(page.locator(':checked')).waitFor();
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid=discover-results] [data-testid=poster]').length === count, discovered.length);
  }),
);

const IN_CINEMAS = 900100; // Napoléon: in French cinemas since twelve days ago (demo/README.md)
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const frenchDate = (iso) => {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day === 1 ? '1er' : day} ${MONTHS[month - 1]} ${year}`;
};
await step('a film in French cinemas says since when, and the earliest date of each kind of service', page, () =>
  withoutConsoleErrors(async () => {
    const film = await apiJson(`/api/movie/${IN_CINEMAS}`);
    assert.ok(film.release_fr?.cinema, 'the film has a French cinema date');
    assert.equal(film.release_fr.windows.length, 5);
    await page.goto(`${BASE_URL}/film/${IN_CINEMAS}`);
    const release = page.getByTestId('release-fr');
    await release.getByText(`En salle depuis le ${frenchDate(film.release_fr.cinema)}`, { exact: true }).waitFor();
    await release.getByRole('heading', { level: 3, name: 'Au plus tôt, selon la chronologie des médias' }).waitFor();
    const lines = await release.getByRole('listitem').allTextContents();
    const labels = { rent_buy: 'Location et achat', canal_plus: 'Canal+', svod_agreement: 'Plateforme avec accord (Netflix)', svod: 'Autres plateformes par abonnement', free_tv: 'Télévision gratuite' };
    assert.deepEqual(lines, film.release_fr.windows.map((window) => `${labels[window.channel]} : à partir du ${frenchDate(window.earliest)}`));
  }),
);

let personPath = null;
await step("a film's director leads to their page, which lists the film; sorted by date", page, () =>
  withoutConsoleErrors(async () => {
    await page.goto(`${BASE_URL}/film/${FANTOMAS.film}`);
    await heading().waitFor();
    const director = page.locator('.credits dt:text-is("Réalisation") + dd a').first();
    const name = await director.textContent();
    await director.click();
    await page.waitForURL(/\/personne\/[1-9][0-9]*$/);
    personPath = new URL(page.url()).pathname;
    await heading().filter({ hasText: name }).waitFor();
    assert.equal(await page.title(), `${name} — CineVerse`);
    const directing = page.getByRole('list', { name: 'Réalisation' });
    await directing.locator(`a[href="/film/${FANTOMAS.film}"]`).waitFor();

    await page.getByLabel('Trier par').selectOption('date');
    await page.waitForURL((url) => url.pathname === personPath && url.search === '?sort=date');
    // The order of the API's own dates, newest first.
    const person = await apiJson(`/api${personPath.replace('/personne', '/person')}`);
    const dates = new Map(person.credits.map((credit) => [`/${credit.media_type === 'tv' ? 'serie' : 'film'}/${credit.id}`, credit.date ?? '']));
    const shown = await directing.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    assert.ok(shown.includes(`/film/${FANTOMAS.film}`));
    const shownDates = shown.map((href) => dates.get(href));
    assert.deepEqual(shownDates, [...shownDates].sort().reverse(), `not newest first: ${shownDates.join(', ')}`);
    await page.reload();
    assert.equal(await page.getByLabel('Trier par').inputValue(), 'date');
  }),
);

await step('a film of a saga shows its band, which opens the saga with its films in order', page, () =>
  withoutConsoleErrors(async () => {
    await page.getByRole('list', { name: 'Réalisation' }).locator(`a[href="/film/${FANTOMAS.film}"]`).click();
    await page.waitForURL((url) => url.pathname === `/film/${FANTOMAS.film}`);
    const band = page.getByTestId('saga-band').getByRole('link', { name: /^Fait partie de la saga/ });
    assert.equal(await band.getAttribute('href'), `/saga/${FANTOMAS.saga}`);
    await band.click();
    await page.waitForURL((url) => url.pathname === `/saga/${FANTOMAS.saga}`);
    const saga = await apiJson(`/api/collection/${FANTOMAS.saga}`);
    await heading().filter({ hasText: saga.name }).waitFor();
    const parts = page.getByRole('list', { name: 'Les films de la saga' });
    await parts.getByTestId('poster').first().waitFor();
    const hrefs = await parts.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    assert.deepEqual(hrefs, FANTOMAS.parts.map((id) => `/film/${id}`));
    assert.equal(await page.title(), `${saga.name} — CineVerse`);
  }),
);

// "Mes plateformes" and the diary, for a new member. With the integration stack, the offers
// of the TMDB stand-in are moved on (its control API) and the offers job is run as an operator
// runs it (`cineverse-api offers refresh`, the harness gives the binary and its environment);
// against a demo started otherwise, the demo's own timer runs the job and the steps wait for it.
const API_BINARY = process.env.CINEVERSE_API_BINARY ?? '';
const FAKE_TMDB = process.env.FAKE_TMDB_URL ?? '';
const BOBINE = { id: 9101, name: 'Bobine' };
const PLAN_SEQUENCE = { id: 9103, name: 'Plan-Séquence' };
const FONDU = { id: 9102, name: 'Fondu Enchaîné' };
const ROBIN_HOOD = '/film/900061'; // Bobine in phase 0
const PIRATE = '/film/900063'; // Fondu Enchaîné and for rent in phase 0
const AURORA = '/serie/950006'; // Plan-Séquence in phase 0, Bobine too from phase 1
const member = `e2e_m_${Date.now().toString(36)}`;
const todayIso = (() => {
  const now = new Date();
  const pad = (value) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
})();

// A response awaited after an action: if the action fails first, the wait's own failure
// must not end the whole run.
function awaitResponse(target, predicate) {
  const waiting = target.waitForResponse(predicate);
  waiting.catch(() => {});
  return waiting;
}

async function offersPhase(phase) {
  if (!FAKE_TMDB) return false;
  const response = await fetch(`${FAKE_TMDB}/__control/offers`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ phase }) });
  assert.equal(response.status, 200, 'the fake TMDB took the phase');
  return true;
}

// One run of the offers job; without the binary, the time the demo's timer takes to run it.
async function runOffersJob(ready) {
  if (API_BINARY) {
    execFileSync(API_BINARY, ['offers', 'refresh'], { env: process.env, stdio: 'pipe', timeout: 120000 });
    return;
  }
  const deadline = Date.now() + 120000;
  while (!(await ready())) {
    assert.ok(Date.now() < deadline, "the demo's offers job did not run within two minutes");
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

const allChecked = async () => {
  const items = await apiJson('/api/watchlist');
  return items.length > 0 && items.every((item) => item.where?.checked_at);
};

async function keepFromItsPage(path) {
  await page.goto(BASE_URL + path);
  await pageToggle('Ajouter à ma liste').click();
  await pageToggle('Dans ma liste').waitFor();
}

const watchlistCard = (path) => page.getByRole('main').getByTestId('poster').filter({ has: page.locator(`a[href="${path}"]`) });
const whereLines = (path) => watchlistCard(path).getByTestId('where').getByRole('listitem').allTextContents();

await step('Mes plateformes: a new member keeps three titles, picks two services on Ma liste, and each item says where, mine first', page, () =>
  withoutConsoleErrors(async () => {
    await offersPhase(0);
    await page.goto(BASE_URL + '/inscription');
    await page.getByLabel("Nom d'utilisateur").fill(member);
    await page.getByLabel('E-mail').fill(`${member}@example.org`);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByLabel('Prénom').fill('Alice');
    await page.getByLabel('Nom', { exact: true }).fill('Guy');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByTestId('username').waitFor();
    for (const path of [ROBIN_HOOD, PIRATE, AURORA]) await keepFromItsPage(path);
    await runOffersJob(allChecked);

    await mainNav.getByRole('link', { name: 'Ma liste' }).click();
    const prompt = page.getByTestId('services-prompt');
    await prompt.waitFor();
    for (const service of [BOBINE, PLAN_SEQUENCE]) await prompt.getByRole('checkbox', { name: service.name, exact: true }).check();
    const saved = awaitResponse(page, (response) => response.url().endsWith('/api/me/providers') && response.request().method() === 'PUT');
    await prompt.getByRole('button', { name: 'Enregistrer mes plateformes' }).click();
    assert.deepEqual(JSON.parse((await saved).request().postData()), { providers: [BOBINE.id, PLAN_SEQUENCE.id] });
    await prompt.waitFor({ state: 'detached' });
    await watchlistCard(ROBIN_HOOD).getByTestId('where').getByText(`Sur vos plateformes : ${BOBINE.name}`).waitFor();
    assert.deepEqual(await whereLines(ROBIN_HOOD), [`Sur vos plateformes : ${BOBINE.name}`]);
    assert.deepEqual(await whereLines(AURORA), [`Sur vos plateformes : ${PLAN_SEQUENCE.name}`]);
    const pirate = await whereLines(PIRATE);
    assert.equal(pirate[0], `En abonnement : ${FONDU.name}`);
    assert.match(pirate[1] ?? '', /^À louer/);
    assert.deepEqual(await apiJson('/api/me/providers'), { providers: [BOBINE.id, PLAN_SEQUENCE.id] });
  }),
);

await step('Ma liste: « Disponible sur mes plateformes » keeps what streams on my services', page, () =>
  withoutConsoleErrors(async () => {
    const asked = awaitResponse(page, (response) => response.url().endsWith('/api/watchlist?available=mine'));
    await page.getByRole('checkbox', { name: 'Disponible sur mes plateformes' }).check();
    assert.equal((await asked).status(), 200);
    await page.waitForURL((url) => url.pathname === '/ma-liste' && url.search === '?dispo=mes-plateformes');
    const list = page.getByRole('list', { name: 'Ma liste : disponible sur mes plateformes' });
    await list.locator(`a[href="${ROBIN_HOOD}"]`).waitFor();
    await list.locator(`a[href="${AURORA}"]`).waitFor();
    assert.equal(await list.locator(`a[href="${PIRATE}"]`).count(), 0);
    await page.reload();
    await list.locator(`a[href="${ROBIN_HOOD}"]`).waitFor();
    assert.ok(await page.getByRole('checkbox', { name: 'Disponible sur mes plateformes' }).isChecked());
  }),
);

await step('Ce soir: my watchlisted titles on my services first, then discovery on them, never a title twice', page, () =>
  withoutConsoleErrors(async () => {
    const discovered = awaitResponse(page, discoverRequest((params) => params.get('providers') === `${BOBINE.id},${PLAN_SEQUENCE.id}`));
    await mainNav.getByRole('link', { name: 'Ce soir' }).click();
    await page.waitForURL((url) => url.pathname === '/ce-soir');
    assert.equal((await discovered).status(), 200);
    const fromList = page.getByRole('list', { name: 'De ma liste, disponible maintenant' });
    await fromList.locator(`a[href="${ROBIN_HOOD}"]`).waitFor();
    await fromList.locator(`a[href="${AURORA}"]`).waitFor();
    assert.equal(await fromList.locator(`a[href="${PIRATE}"]`).count(), 0);
    await page.getByRole('list', { name: 'À découvrir sur mes plateformes' }).getByTestId('poster').first().waitFor();
    const hrefs = await page.locator('main [data-testid=poster] a.card-link').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    assert.equal(new Set(hrefs).size, hrefs.length, 'a title shows twice');
    await page.waitForFunction(() => document.title === 'Ce soir sur mes plateformes — CineVerse');
    // The home page has the same row for a signed-in member.
    await mainNav.getByRole('link', { name: 'Accueil' }).click();
    await page.getByTestId('tonight-row').locator(`a[href="${ROBIN_HOOD}"]`).waitFor();
  }),
);

await step('Découvrir: « Sur mes plateformes » fills the services filter with my ids, in the shared URL', page, () =>
  withoutConsoleErrors(async () => {
    await page.goto(BASE_URL + '/decouvrir');
    await discoverResults().getByTestId('poster').first().waitFor();
    const answered = awaitResponse(page, discoverRequest((params) => params.get('providers') === `${BOBINE.id},${PLAN_SEQUENCE.id}`));
    await page.getByRole('button', { name: 'Sur mes plateformes' }).click();
    await page.waitForURL((url) => url.search === `?providers=${BOBINE.id},${PLAN_SEQUENCE.id}`);
    assert.equal(new URL((await answered).url()).search, `?providers=${BOBINE.id},${PLAN_SEQUENCE.id}`);
    assert.equal(await page.getByRole('button', { name: 'Sur mes plateformes' }).getAttribute('aria-pressed'), 'true');
    assert.ok(await page.getByRole('checkbox', { name: BOBINE.name, exact: true }).isChecked());
  }),
);

await step('Nouveautés: the offers change, the job runs, the unread badge appears, the arrival shows with its logo, marking read clears it', page, () =>
  withoutConsoleErrors(async () => {
    // Whatever the first check found is read first.
    await page.goto(BASE_URL + '/nouveautes');
    await heading().filter({ hasText: 'Nouveautés' }).waitFor();
    await page.getByTestId('news').or(page.getByText(/^Rien de nouveau/)).first().waitFor();
    const markAll = page.getByRole('button', { name: /^Tout marquer comme lu/ });
    if (await markAll.count()) {
      await markAll.click();
      await markAll.waitFor({ state: 'detached' });
    }
    await mainNav.getByTestId('unread-badge').waitFor({ state: 'detached' });

    const moved = await offersPhase(1); // Expedition Aurora arrives on Bobine
    const before = (await apiJson('/api/me/news')).items.length;
    await runOffersJob(async () => (await apiJson('/api/me/news?unread=1')).unread > 0);
    await page.goto(BASE_URL + '/');
    const badge = mainNav.getByTestId('unread-badge');
    await badge.waitFor();
    assert.ok(Number(await badge.textContent()) >= 1);
    await mainNav.getByRole('link', { name: /^Nouveautés/ }).click();
    await page.waitForURL((url) => url.pathname === '/nouveautes');
    await page.waitForFunction(() => document.title === 'Nouveautés — CineVerse');
    const news = page.getByTestId('news-item').and(page.locator('.unread'));
    await news.first().waitFor();
    if (moved) {
      const arrival = page.getByTestId('news-item').filter({ has: page.locator(`a[href="${AURORA}"]`) }).filter({ hasText: `Disponible sur ${BOBINE.name}` });
      await arrival.first().waitFor();
      await arrival.first().getByRole('img', { name: `Logo ${BOBINE.name}` }).waitFor();
      assert.ok((await apiJson('/api/me/news')).items.length > before);
    }
    await page.getByRole('button', { name: /^Tout marquer comme lu/ }).click();
    await badge.waitFor({ state: 'detached' });
    await page.locator('.news-item.unread').first().waitFor({ state: 'detached' });
    assert.equal((await apiJson('/api/me/news?unread=1')).unread, 0);

    // The private feed: an address to copy.
    await page.getByRole('button', { name: 'Créer mon lien de flux' }).click();
    const feed = page.getByLabel('Adresse de mon flux');
    await feed.waitFor();
    const url = await feed.inputValue();
    assert.match(url, /^https:\/\/[^/]+\/feeds\/[^/]+\.atom$/);
    const atom = await page.request.get(url);
    assert.equal(atom.status(), 200);
    assert.match(await atom.text(), /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
    await offersPhase(0);
  }),
);

const REVIEW = 'Une <b>ombre</b> qui glace & ne vous lâche plus.\nInoubliable.';
await step('Vu: a viewing with ★★★½ and a public review from the film page, shown there as text, and in the journal', page, () =>
  withoutConsoleErrors(async () => {
    await page.goto(BASE_URL + filmPath);
    await heading().filter({ hasText: 'Nosferatu' }).waitFor();
    await page.locator('.title-actions').getByRole('button', { name: 'Vu' }).click();
    const dialog = page.getByRole('dialog', { name: /^J'ai vu : Nosferatu/ });
    await dialog.waitFor();
    assert.equal(await dialog.getByLabel('Date du visionnage').inputValue(), todayIso);
    await dialog.getByLabel('Ma note', { exact: true }).selectOption('3.5');
    await dialog.getByLabel('Ma critique (facultative)').fill(REVIEW);
    await dialog.getByRole('checkbox', { name: /^Public/ }).check();
    const posted = awaitResponse(page, (response) => response.url().endsWith('/api/diary') && response.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    assert.equal((await posted).status(), 200);
    await dialog.waitFor({ state: 'detached' });
    const mine = page.getByTestId('my-viewing');
    await mine.getByText(`Vu le ${frenchDate(todayIso)}, ★★★½`).waitFor();
    const review = page.getByTestId('reviews').getByTestId('review').filter({ hasText: member });
    await review.waitFor();
    // The text as written, markup included, and no element made of it.
    assert.equal(await review.locator('.review-text').textContent(), REVIEW);
    assert.equal(await page.locator('.review-text b').count(), 0);
    assert.equal(await page.locator('.title-actions [data-testid=seen-button]').getAttribute('data-seen'), 'true');

    await mainNav.getByRole('link', { name: 'Journal' }).click();
    await page.waitForURL((url) => url.pathname === '/journal');
    await page.waitForFunction(() => document.title === 'Mon journal — CineVerse');
    const monthHeading = `${MONTHS[Number(todayIso.slice(5, 7)) - 1]} ${todayIso.slice(0, 4)}`;
    const month = page.getByRole('region', { name: monthHeading });
    const entry = month.getByTestId('journal-entry').filter({ has: page.locator(`a[href="${filmPath}"]`) });
    await entry.waitFor();
    assert.match(await entry.textContent(), /★★★½/);
    assert.ok(Number(await page.getByTestId('films-seen').textContent()) >= 1);
    await page.getByRole('img', { name: /^Visionnages par mois en/ }).waitFor();
    // The rating filter keeps it; another rating leaves it out.
    await page.getByLabel('Note', { exact: true }).selectOption('3.5');
    await page.waitForURL((url) => url.search === '?note=3.5');
    await entry.waitFor();
    await page.getByLabel('Note', { exact: true }).selectOption('5');
    await page.getByText('Aucun visionnage ne correspond à ces filtres.').waitFor();
  }),
);

await step('hide seen: Découvrir hides the film I have seen, and remembers it', page, () =>
  withoutConsoleErrors(async () => {
    const film = await apiJson(`/api/movie${filmPath.slice('/film'.length)}`);
    const year = film.release_date.slice(0, 4);
    await page.goto(`${BASE_URL}/decouvrir?genres=${film.genres[0].id}&year_from=${year}&year_to=${year}`);
    const card = discoverResults().locator(`a[href="${filmPath}"]`);
    await card.waitFor();
    await page.getByRole('checkbox', { name: 'Masquer les titres vus' }).check();
    await card.waitFor({ state: 'detached' });
    await page.reload();
    await page.locator('.discover-count').waitFor();
    await page.getByRole('checkbox', { name: 'Masquer les titres vus' }).and(page.locator(':checked')).waitFor();
    // (What I have seen is asked for beside the results: it may come second.)
    await card.waitFor({ state: 'detached' });
    await page.getByRole('checkbox', { name: 'Masquer les titres vus' }).uncheck();
    await card.waitFor();
  }),
);

await step('the viewing is edited, then deleted, from the film page', page, () =>
  withoutConsoleErrors(async () => {
    await page.goto(BASE_URL + filmPath);
    const mine = page.getByTestId('my-viewing');
    await mine.getByText(`Vu le ${frenchDate(todayIso)}, ★★★½`).waitFor();
    await mine.getByRole('button', { name: 'Modifier' }).click();
    const dialog = page.getByRole('dialog', { name: /^Modifier mon visionnage/ });
    assert.equal(await dialog.getByLabel('Ma note', { exact: true }).inputValue(), '3.5');
    assert.equal(await dialog.getByLabel('Ma critique (facultative)').inputValue(), REVIEW);
    await dialog.getByLabel('Ma note', { exact: true }).selectOption('4');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await mine.getByText(`Vu le ${frenchDate(todayIso)}, ★★★★`, { exact: true }).waitFor();
    await mine.getByRole('button', { name: 'Supprimer' }).click();
    await mine.getByRole('button', { name: 'Oui, supprimer' }).click();
    await page.getByTestId('my-viewings').waitFor({ state: 'detached' });
    assert.deepEqual(await apiJson(`/api/diary/movie${filmPath.slice('/film'.length)}`), []);
  }),
);

await step('export: the account page downloads the Letterboxd CSV and the whole JSON', page, () =>
  withoutConsoleErrors(async () => {
    // A viewing to export.
    await page.goto(BASE_URL + ROBIN_HOOD);
    await page.locator('.title-actions').getByRole('button', { name: 'Vu' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Ma note', { exact: true }).selectOption('4.5');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByTestId('my-viewing').waitFor();

    await panel.getByRole('link', { name: 'Profil' }).click();
    await page.getByTestId('services-picker').getByRole('checkbox', { name: BOBINE.name, exact: true }).and(page.locator(':checked')).waitFor();
    await page.getByTestId('advice').getByText(new RegExp(`^${BOBINE.name} : \\d+ titres? de votre liste`)).waitFor();
    const read = async (name) => {
      const download = page.waitForEvent('download');
      download.catch(() => {});
      await page.getByRole('link', { name }).click();
      const file = await download;
      return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
    };
    const csv = await read('Journal pour Letterboxd (CSV)');
    const lines = csv.text.trim().split(/\r?\n/);
    assert.equal(lines[0].replaceAll('"', ''), 'tmdbID,Title,Year,WatchedDate,Rating,Rewatch,Review');
    assert.ok(lines.some((line) => line.replaceAll('"', '').startsWith('900061,') && line.includes(todayIso) && line.includes('4.5')), csv.text);
    const json = await read('Toutes mes données (JSON)');
    const data = JSON.parse(json.text);
    assert.ok(JSON.stringify(data.diary ?? null).includes('900061'), 'the export holds the viewing');
    assert.ok(JSON.stringify(data.watchlist).includes('900063'));
  }),
);

const phone = await context.newPage();
watchCsp(phone);
await phone.setViewportSize({ width: 390, height: 844 });
const noSideScroll = async () => {
  const widths = await phone.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  assert.ok(widths.scroll <= widths.viewport, `page is ${widths.scroll}px wide in a ${widths.viewport}px viewport`);
};
await step('a phone-sized screen has no horizontal scrolling', phone, async () => {
  await phone.goto(BASE_URL + '/');
  await phone.waitForSelector('[data-testid=poster]');
  await noSideScroll();
});

await step('a phone-sized film page has no horizontal scrolling', phone, async () => {
  await phone.goto(BASE_URL + filmPath);
  await phone.getByRole('heading', { level: 1, name: 'Nosferatu' }).waitFor();
  await phone.getByTestId('similar').getByTestId('poster').first().waitFor();
  await noSideScroll();
});

await step('a phone-sized Découvrir folds its filters into a sheet: focus inside, Escape closes it', phone, () =>
  withoutConsoleErrors(async () => {
    await phone.goto(BASE_URL + '/decouvrir');
    await phone.getByRole('list', { name: 'Résultats' }).getByTestId('poster').first().waitFor();
    assert.equal(await phone.getByRole('region', { name: 'Filtres' }).count(), 0);
    const open = phone.getByRole('button', { name: 'Filtres (0)' });
    await open.click();
    const sheet = phone.getByRole('dialog', { name: 'Filtres' });
    await sheet.waitFor();
    assert.ok(await phone.evaluate(() => Boolean(document.activeElement?.closest('[role=dialog]'))), 'focus is in the sheet');
    // Tab wraps around inside the sheet.
    for (let press = 0; press < 3; press += 1) {
      await phone.keyboard.press('Shift+Tab');
      assert.ok(await phone.evaluate(() => Boolean(document.activeElement?.closest('[role=dialog]'))), 'focus left the sheet');
    }
    await sheet.getByRole('checkbox', { name: GENRE.name, exact: true }).click();
    await phone.waitForURL((url) => url.search === `?genres=${GENRE.id}`);
    await phone.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    const reopen = phone.getByRole('button', { name: 'Filtres (1)' });
    assert.ok(await reopen.evaluate((button) => button === document.activeElement), 'focus is back on the button');
    await phone.getByRole('list', { name: 'Résultats' }).getByTestId('poster').first().waitFor();
    await noSideScroll();
  }),
);

await step('a phone-sized person page has no horizontal scrolling', phone, () =>
  withoutConsoleErrors(async () => {
    assert.ok(personPath, 'a person page was found');
    await phone.goto(BASE_URL + personPath);
    await phone.getByRole('heading', { level: 1 }).waitFor();
    await phone.getByRole('list', { name: 'Réalisation' }).getByTestId('credit').first().waitFor();
    const photo = await phone.locator('.person-photo').boundingBox();
    assert.ok(photo && photo.height > 0 && photo.width > 0, 'the photo has its box');
    await noSideScroll();
  }),
);

await step("a phone-sized Ce soir, journal, Nouveautés and viewing dialog have no horizontal scrolling, and the dialog's controls are 48 px high", phone, () =>
  withoutConsoleErrors(async () => {
    for (const [path, wait] of [
      ['/ce-soir', () => phone.getByRole('list', { name: 'De ma liste, disponible maintenant' }).getByTestId('poster').first().waitFor()],
      ['/journal', () => phone.getByTestId('journal-figures').waitFor()],
      ['/nouveautes', () => phone.getByRole('list', { name: 'Nouveautés' }).waitFor()],
      ['/ma-liste', () => phone.getByTestId('where').first().waitFor()],
    ]) {
      await phone.goto(BASE_URL + path);
      await wait();
      await noSideScroll();
    }
    await phone.goto(BASE_URL + PIRATE);
    await phone.locator('.title-actions').getByRole('button', { name: 'Vu' }).click();
    const dialog = phone.getByRole('dialog');
    await dialog.waitFor();
    assert.ok(await phone.evaluate(() => Boolean(document.activeElement?.closest('[role=dialog]'))), 'focus is in the dialog');
    for (const control of await dialog.locator('input:not([type=checkbox]), select, textarea, button').all()) {
      const box = await control.boundingBox();
      assert.ok(box && box.height >= 47.5, `a control of the dialog is ${box?.height}px high`);
    }
    await noSideScroll();
    await phone.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  }),
);

const SAFETY_LAST = '/film/900008';
// Last of the member's steps: it signs another member in.
await step('import: a new member brings in the demo Letterboxd export with a progress bar to its end; the journal shows it; a ★★★★ review from a card reaches another visitor', page, () =>
  withoutConsoleErrors(async () => {
    await panel.getByRole('button', { name: 'Déconnexion' }).click();
    await panel.getByRole('link', { name: 'Connexion' }).waitFor();
    const reader = `${member}_lb`;
    await page.goto(BASE_URL + '/inscription');
    await page.getByLabel("Nom d'utilisateur").fill(reader);
    await page.getByLabel('E-mail').fill(`${reader}@example.org`);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByLabel('Prénom').fill('Jeanne');
    await page.getByLabel('Nom', { exact: true }).fill('Roques');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByTestId('username').waitFor();

    await mainNav.getByRole('link', { name: 'Journal' }).click();
    await page.waitForURL((url) => url.pathname === '/journal');
    const form = page.getByTestId('import');
    await form.getByLabel('Fichier exporté (ZIP ou CSV)').setInputFiles(fileURLToPath(new URL('../../demo/letterboxd-export.zip', import.meta.url)));
    const uploaded = awaitResponse(page, (response) => response.url().endsWith('/api/import/letterboxd') && response.request().method() === 'POST');
    await form.getByRole('button', { name: 'Importer' }).click();
    assert.equal((await uploaded).status(), 202);
    const progress = form.getByTestId('import-progress');
    await progress.locator('progress').waitFor();
    await form.locator('[data-testid=import-progress][data-state=done]').waitFor({ timeout: 120000 });
    const bar = progress.locator('progress');
    assert.equal(await bar.getAttribute('value'), await bar.getAttribute('max'));
    assert.match(await progress.getByRole('status').textContent(), /^Import terminé\. 30 \/ 30 lignes lues, 29 titres reconnus\./);
    assert.deepEqual(await form.getByTestId('unmatched-row').locator('span').first().allTextContents(), ['The Phantom Carriage (1921)']);
    // The journal shows every imported viewing, by month.
    await page.reload();
    await page.getByTestId('journal-entry').first().waitFor();
    assert.equal(await page.getByTestId('journal-entry').count(), 22);
    assert.ok((await page.getByRole('region').filter({ has: page.getByTestId('journal-entry') }).count()) > 1, 'the viewings sit in several months');

    // ★★★★ and a public review from a poster card, on a film whose page nobody opened yet.
    await page.goto(`${BASE_URL}/recherche?q=${encodeURIComponent('Safety Last')}`);
    const card = page.getByTestId('poster').filter({ has: page.locator(`a[href="${SAFETY_LAST}"]`) });
    await card.getByTestId('seen-button').click();
    const dialog = page.getByRole('dialog', { name: /^J'ai vu : Safety Last/ });
    await dialog.getByLabel('Ma note', { exact: true }).selectOption('4');
    await dialog.getByLabel('Ma critique (facultative)').fill('La façade, l’horloge, et tout le monde retient son souffle.');
    await dialog.getByRole('checkbox', { name: /^Public/ }).check();
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'detached' });
    const visitorContext = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } });
    try {
      const visitor = await visitorContext.newPage();
      await visitor.goto(BASE_URL + SAFETY_LAST);
      const review = visitor.getByTestId('reviews').getByTestId('review').filter({ hasText: reader });
      await review.waitFor();
      assert.equal(await review.locator('.review-text').textContent(), 'La façade, l’horloge, et tout le monde retient son souffle.');
      assert.match(await review.textContent(), /★★★★/);
    } finally {
      await visitorContext.close();
    }
  }),
);

await step('no page broke the Content-Security-Policy', page, async () => {
  assert.deepEqual(cspViolations, []);
});

await browser.close();
console.log(failed ? 'end-to-end: FAILED' : 'end-to-end: all steps passed');
process.exit(failed ? 1 : 0);
