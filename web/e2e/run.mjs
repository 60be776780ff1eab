// End to end in a real Chromium (Debian's, driven by playwright-core) against the real
// stack over HTTPS: person → browser → nginx → FastCGI → PostgreSQL / TMDB stand-in.
//   BASE_URL=https://localhost:8443 ARTIFACTS_DIR=… node e2e/run.mjs
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE_URL = process.env.BASE_URL ?? 'https://localhost:8443';
const ARTIFACTS = process.env.ARTIFACTS_DIR ?? join(process.cwd(), 'e2e-artifacts');
const EXECUTABLE = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ROWS = 20;
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
page.on('console', (message) => {
  if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
});
const panel = page.getByRole('navigation', { name: 'Compte' });

await step('home shows the twenty rows', page, async () => {
  await page.goto(BASE_URL + '/');
  await page.waitForFunction((rows) => document.querySelectorAll('[data-testid=row]').length === rows && [...document.querySelectorAll('[data-testid=row]')].every((row) => row.querySelector('[data-testid=poster]')), ROWS, { timeout: 20000 });
  const counts = await page.$$eval('[data-testid=row]', (rows) => rows.map((row) => row.querySelectorAll('[data-testid=poster]').length));
  assert.equal(counts.length, ROWS);
  for (const count of counts) assert.ok(count >= 12, `a row has only ${count} posters`);
  assert.deepEqual(cspViolations, []);
});

await step('sign up signs the user in', page, async () => {
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

await step('log out signs the user out', page, async () => {
  await panel.getByRole('button', { name: 'Déconnexion' }).click();
  await panel.getByRole('link', { name: 'Connexion' }).waitFor();
});

await step('wrong password shows the message', page, async () => {
  await panel.getByRole('link', { name: 'Connexion' }).click();
  await page.getByLabel("Nom d'utilisateur").fill(username);
  await page.getByLabel('Mot de passe').fill('pas le bon mot de passe');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('alert').waitFor();
  assert.equal(await page.getByRole('alert').textContent(), 'Mot de passe incorrect');
});

await step('log in, change the first name in the profile, and it persists', page, async () => {
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByTestId('username').waitFor();
  await panel.getByRole('link', { name: 'Profil' }).click();
  await page.getByLabel('Prénom').fill('Augusta');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByRole('status').waitFor();
  await page.reload();
  await page.getByLabel('Prénom').waitFor();
  assert.equal(await page.getByLabel('Prénom').inputValue(), 'Augusta');
  assert.equal(await page.getByTestId('username').textContent(), username);
});

const phone = await context.newPage();
await phone.setViewportSize({ width: 375, height: 740 });
await step('a phone-sized screen has no horizontal scrolling', phone, async () => {
  await phone.goto(BASE_URL + '/');
  await phone.waitForSelector('[data-testid=poster]');
  const widths = await phone.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  assert.ok(widths.scroll <= widths.viewport, `page is ${widths.scroll}px wide in a ${widths.viewport}px viewport`);
});

await browser.close();
console.log(failed ? 'end-to-end: FAILED' : 'end-to-end: all steps passed');
process.exit(failed ? 1 : 0);
