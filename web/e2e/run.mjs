// End to end in a real Chromium (Debian's, driven by playwright-core) against the real
// stack over HTTPS: person → browser → nginx → FastCGI → PostgreSQL / TMDB stand-in, with
// the demo catalogue (no TMDB key).
//   BASE_URL=https://localhost:8443 ARTIFACTS_DIR=… node e2e/run.mjs
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE_URL = process.env.BASE_URL ?? 'https://localhost:8443';
const ARTIFACTS = process.env.ARTIFACTS_DIR ?? join(process.cwd(), 'e2e-artifacts');
const EXECUTABLE = process.env.CHROMIUM ?? '/usr/bin/chromium';
// The home rows are the route table's, as the client itself counts them.
const ROUTE_TABLE = JSON.parse(readFileSync(new URL('../src/generated/routes.json', import.meta.url), 'utf8'));
const ROWS = ROUTE_TABLE.routes.filter((route) => route.method === 'GET' && route.home_row != null).length;
const MIN_LOADED_IMAGES = 40;
const UNKNOWN_FILM = '/film/999999999';
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
function watchCsp(target) {
  target.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
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

async function waitForLoadedImages(target, selector, wanted, timeout = 20000) {
  try {
    await target.waitForFunction(`(${countLoaded})(${JSON.stringify(selector)}) >= ${wanted}`, null, { timeout });
  } catch {
    const loaded = await target.evaluate(countLoaded, selector);
    assert.fail(`${loaded} loaded images match ${selector}, ${wanted} wanted`);
  }
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

// The rows of what is in French cinemas now and soon hold the handful of films the demo has
// there; every other row a full list.
const SHORT_ROWS = new Set(['Au cinéma', 'Prochainement']);

await step('home shows every row of the route table', page, async () => {
  await page.goto(BASE_URL + '/');
  await page.waitForFunction((rows) => document.querySelectorAll('[data-testid=row]').length === rows && [...document.querySelectorAll('[data-testid=row]')].every((row) => row.querySelector('[data-testid=poster]')), ROWS, { timeout: 20000 });
  const counts = await page.$$eval('[data-testid=row]', (rows) => rows.map((row) => [row.querySelector('h2').textContent, row.querySelectorAll('[data-testid=poster]').length]));
  assert.equal(counts.length, ROWS);
  assert.equal(ROWS, 22);
  for (const [title, count] of counts) assert.ok(count >= (SHORT_ROWS.has(title) ? 1 : 12), `the row ${title} has only ${count} posters`);
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
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByRole('main').getByRole('status').waitFor();
  await page.reload();
  await page.getByLabel('Prénom').waitFor();
  assert.equal(await page.getByLabel('Prénom').inputValue(), 'Augusta');
  assert.equal(await page.getByTestId('username').textContent(), username);
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

const phone = await context.newPage();
watchCsp(phone);
await phone.setViewportSize({ width: 375, height: 812 });
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

await step('no page broke the Content-Security-Policy', page, async () => {
  assert.deepEqual(cspViolations, []);
});

await browser.close();
console.log(failed ? 'end-to-end: FAILED' : 'end-to-end: all steps passed');
process.exit(failed ? 1 : 0);
