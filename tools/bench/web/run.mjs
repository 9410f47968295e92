// npm run bench:web [-- --runs=5] [--only=round,meeting] [--mode=click,load] [--limit=300] [--load-limit=N] [--no-write] [--requests]
//                   [--before=DIR [--before-label=TEXT] [--label=TEXT]] [--web-dist=DIR] [--title=TEXT]
// --before: also measure another build of the web app (dist/web of a copy built before a change, say), served by the
// same built server on its own fresh database, the two builds taking turns run by run; the table shows both side by
// side (--before-label, --label name them; the limit applies to this build only). --web-dist: measure that build
// instead of dist/web. --title heads the measurement in docs/benchmarks.md. --requests prints what each measured run
// fetched and when (a waterfall, to see what a screen waits for).
//
// How long each screen of the built web app takes from the navigation to being interactive, in headless Chromium
// (Debian's /usr/bin/chromium through playwright-core) against the built server (dist/api serving dist/web) on a fresh
// database with the SSOM demo data, signed in as the demo coordinator. The data the screens show (a version, an open
// consultation round with comments, a meeting with an adopted resolution in the register) is made through the API first.
//
// Two ways in, both measured for every screen:
// - click: a client-side navigation, by clicking the screen's link on the page people come from (the dashboard, the
//   round, the decisions page...). Measured from the click event in the page to the first frame where the screen is
//   ready. The page the link is on is opened afresh for every run (a full load: no code of the previous run is left in
//   the page) and left to settle first (the browser idle, no request for half a second), as while someone reads it
//   before clicking. The HTTP cache is kept, as for someone who used the app before (hashed assets are cached a year).
// - load: a full page load of the screen's address (typed, bookmarked, reloaded). Measured from the navigation start
//   (performance.timeOrigin of the new document) to the first frame where the screen is ready.
//
// "Ready" (interactive) means, checked in every animation frame: the page's address is the screen's; <main> holds the
// screen's h1 with its expected text; no "Loading…" status (.loading) and nothing aria-busy in <main>; and the
// screen's own content is there (a selector per screen, e.g. the triage table, the editor's editable text once its
// state arrived). Median of --runs (5) per screen and way.
//
// Exits with 1 when a screen's median after a link click is --limit (300) ms or more: that is how people move from
// screen to screen, and what the screens loaded on demand used to take most of a second for. A full page load also
// starts the app itself (downloads, compiles and runs React, the router and the translations, as for any screen) and
// is reported, but checked only against --load-limit when one is given (see docs/benchmarks.md).
// Writes the table into docs/benchmarks.md unless --no-write (or --only).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = join(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
const { createFreshDatabase } = require(join(root, 'tools/test-db.cjs'));
const pl = JSON.parse(readFileSync(join(root, 'apps/web/src/i18n/pl.json'), 'utf8'));
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')).map(([k, ...v]) => [k, v.length ? v.join('=') : true]));
const runs = Number(args.runs ?? 5);
const limit = Number(args.limit ?? 300);
const loadLimit = args['load-limit'] === undefined ? Infinity : Number(args['load-limit']);
const modes = String(args.mode ?? 'click,load').split(',');
const only = args.only ? new Set(String(args.only).split(',')) : null;
const PASSWORD = 'demo-ssom-2026';
const COORDINATOR = 'koordynator@som.example';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const freePort = () => new Promise((resolve) => { const probe = createServer().listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)); }); });
const median = (values) => { const s = [...values].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

for (const file of ['dist/api/main.js', args['web-dist'] ? join(String(args['web-dist']), 'index.html') : 'dist/web/index.html']) {
  if (!existsSync(file.startsWith('/') ? file : join(root, file))) throw new Error(`${file} is missing: build first (npx nx run-many -t build --projects=api,web)`);
}
if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

// ---------------------------------------------------------------- the server
async function startServer(webDist) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'commonplan-bench-web-'));
  const database = await createFreshDatabase(process.env.DATABASE_URL);
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = { ...process.env, NODE_ENV: 'test', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, PUBLIC_URL: baseUrl, SEED_DEMO: 'true', LOGIN_LIMIT_PER_IP: '100000', LOGIN_LIMIT_PER_ACCOUNT: '10000', PUBLIC_COMMENTS_PER_IP: '100000' };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  delete env.WEB_DIST;
  if (webDist) env.WEB_DIST = webDist;
  if (database) env.DATABASE_URL = database.url;
  const child = spawn(process.execPath, [join(root, 'dist/api/main.js')], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (let i = 0; ; i++) {
    if (await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false)) break;
    if (i > 450 || child.exitCode !== null) {
      await stop();
      throw new Error(`the server did not start: ${stderr.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { baseUrl, stop, database: database ? 'PostgreSQL' : 'the embedded PostgreSQL (PGlite)' };
}

// ---------------------------------------------------------------- the data the screens show
async function makeData(baseUrl) {
  const call = async (token, method, path, body) => {
    const response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = await response.json().catch(() => null);
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(payload)}`);
    return payload;
  };
  const login = async (email) => (await call(null, 'POST', '/auth/login', { email, password: PASSWORD })).token;
  const token = await login(COORDINATOR);
  const me = await call(token, 'GET', '/auth/me');
  const workspace = me.workspaces[0];
  const documents = await call(token, 'GET', `/workspaces/${workspace.id}/documents`);
  const document = documents.find((d) => d.kind === 'strategy') ?? documents[0];
  const version = await call(token, 'POST', `/documents/${document.id}/versions`, { name: 'Projekt do konsultacji' });
  const round = await call(token, 'POST', `/workspaces/${workspace.id}/rounds`, {
    documentId: document.id,
    versionId: version.id,
    title: 'Konsultacje strategii rozwoju SSOM',
    audiences: ['members', 'partners', 'public'],
    channels: ['online_form', 'email'],
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    closesAt: new Date(Date.now() + 35 * 24 * 3600_000).toISOString(),
  });
  await call(token, 'POST', `/rounds/${round.id}/announce`, {});
  await call(token, 'POST', `/rounds/${round.id}/open`, {});
  for (let i = 1; i <= 12; i++) {
    await call(null, 'POST', `/public/rounds/${round.id}/comments`, {
      part: `Rozdział ${(i % 3) + 1}`,
      justification: `Uwaga numer ${i}: prosimy o doprecyzowanie celów i wskaźników dla gmin powiatu.`,
      proposedWording: i % 2 ? 'Nowe brzmienie zapisu.' : undefined,
      submitter: { kind: 'person', name: `Mieszkaniec ${i}`, type: 'resident' },
    });
  }
  const bodies = await call(token, 'GET', `/workspaces/${workspace.id}/bodies`);
  const assembly = bodies.find((b) => b.kind === 'general_assembly');
  const resolution = await call(token, 'POST', `/workspaces/${workspace.id}/resolutions`, { bodyId: assembly.id, kind: 'ordinary', title: 'w sprawie programu współpracy gmin' });
  const meeting = await call(token, 'POST', `/workspaces/${workspace.id}/meetings`, {
    bodyId: assembly.id,
    title: 'Walne Zebranie Członków SSOM',
    startsAt: new Date().toISOString(),
    place: 'Szczecin, Urząd Miasta',
    agenda: [resolution.id],
  });
  await call(token, 'POST', `/meetings/${meeting.id}/open`, {});
  const reps = ['wojewodztwo', 'szczecin', 'swinoujscie', 'powiat-policki', 'police', 'dobra', 'kolbaskowo', 'nowe-warpno', 'gryfino'];
  const repTokens = await Promise.all(reps.map((slug) => login(`przedstawiciel.${slug}@som.example`)));
  for (const rep of repTokens) await call(rep, 'POST', `/meetings/${meeting.id}/check-in`, {});
  const vote = await call(token, 'POST', `/resolutions/${resolution.id}/votes`, { meetingId: meeting.id });
  for (const rep of repTokens) await call(rep, 'POST', `/votes/${vote.id}/ballots`, { choice: 'for' });
  await call(token, 'POST', `/votes/${vote.id}/close`, {});
  const adopted = await call(token, 'GET', `/resolutions/${resolution.id}`);
  return { workspace, document, version, round, meeting, resolution: adopted };
}

// ---------------------------------------------------------------- the screens
function screens({ workspace, document, version, round, meeting, resolution }) {
  const w = `/w/${workspace.id}`;
  const table = (section) => `section[aria-labelledby="${section}"] table`;
  return [
    { name: 'dashboard', path: w, heading: workspace.name, content: `${table('documents-heading')}, ${table('rounds-heading')}`, from: `${w}/decisions` },
    { name: 'document editor', path: `${w}/d/${document.id}`, heading: document.title, content: '.doc-text[aria-busy="false"] .ProseMirror[contenteditable="true"] h2', from: w },
    { name: 'version', path: `${w}/d/${document.id}/v/${version.id}`, heading: version.name, content: '.facts code.hash', from: `${w}/rounds/${round.id}` },
    { name: 'round', path: `${w}/rounds/${round.id}`, heading: round.title, content: '.round-facts', from: w },
    { name: 'triage', path: `${w}/rounds/${round.id}/comments`, heading: round.title, content: table('triage-table-heading'), from: `${w}/rounds/${round.id}` },
    { name: 'report', path: `${w}/rounds/${round.id}/report`, heading: pl.report.heading, content: '.report-publish', from: `${w}/rounds/${round.id}` },
    { name: 'decisions', path: `${w}/decisions`, heading: pl.decisions.page.heading, content: `${table('meetings-heading')}, ${table('resolutions-heading')}`, from: w },
    { name: 'meeting', path: `${w}/meetings/${meeting.id}`, heading: meeting.title, content: '#quorum', from: `${w}/decisions` },
    { name: 'resolution', path: `${w}/resolutions/${resolution.id}`, heading: resolution.title, content: '#votes-heading', from: `${w}/decisions` },
    { name: 'register', path: `${w}/register`, heading: pl.decisions.register.heading, content: table('register-heading'), from: `${w}/decisions` },
    { name: 'public round page', path: `/consultations/${round.id}`, heading: round.title, content: '.passage-picker .ProseMirror, #consulted-heading', from: `${w}/rounds/${round.id}` },
    { name: 'public register', path: `/registers/${workspace.slug}`, heading: pl.decisions.register.heading, content: 'main table', from: `${w}/register` },
    { name: 'people', path: `${w}/people`, heading: pl.people.title, content: table('manage-heading'), from: w },
    { name: 'audit', path: `${w}/audit`, heading: pl.audit.title, content: 'section[aria-labelledby="entries-heading"] li, section[aria-labelledby="entries-heading"] table', from: w },
  ];
}

/** In the page: its performance.now() once the screen is ready (see the top of this file), false before. */
function isReady({ path, heading, content }) {
  if (location.pathname !== path) return false;
  const main = document.querySelector('main');
  const h1 = main?.querySelector('h1');
  if (!h1 || !h1.textContent?.includes(heading) || h1.getClientRects().length === 0) return false;
  if (main.querySelector('.loading, [aria-busy="true"]')) return false;
  return main.querySelector(content) !== null && performance.now();
}

/** Resolves with the page's performance.now() at the first animation frame where the screen is ready. */
async function readyAt(page, screen, timeout = 20_000) {
  const target = { path: screen.path, heading: screen.heading, content: screen.content };
  const handle = await page.waitForFunction(isReady, target, { polling: 'raf', timeout }).catch(async (error) => {
    const seen = await page.evaluate(() => ({
      path: location.pathname,
      h1: document.querySelector('main h1')?.textContent,
      busy: [...document.querySelectorAll('main .loading, main [aria-busy="true"]')].map((e) => e.outerHTML.slice(0, 200)),
    }));
    throw new Error(`${screen.name} was not ready within ${timeout} ms (${error.message}); the page: ${JSON.stringify(seen)}`);
  });
  return handle.jsonValue();
}

async function signIn(page) {
  await page.goto('/login');
  await page.locator('input[type="email"]').fill(COORDINATOR);
  await page.locator('input[type="password"]').fill(PASSWORD);
  await page.getByRole('button', { name: pl.auth.login.submit }).click();
  await page.waitForURL(/\/w\/[0-9a-f-]{36}$/);
  await page.locator('main h1').waitFor();
}

/** --requests: what the page fetched during a measured run (ms from the navigation or click), to see a waterfall. */
async function requestsSince(page, since) {
  return page.evaluate((t0) => performance.getEntriesByType('resource').filter((e) => e.startTime >= t0 - 1).map((e) => `    ${e.startTime - t0 < 0 ? 0 : (e.startTime - t0).toFixed(0).padStart(4)}–${(e.responseEnd - t0).toFixed(0).padStart(4)} ms ${e.name.replace(location.origin, '')}`), since);
}

async function measureClick(page, screen, fromScreen) {
  await page.goto(screen.from);
  if (fromScreen) await readyAt(page, fromScreen);
  else await page.locator(`main a[href="${screen.path}"], header a[href="${screen.path}"]`).first().waitFor();
  // Let the page settle as it would while someone reads it before clicking (idle work done, sockets connected).
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 })));
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.addEventListener('click', () => (window.__benchClickAt = performance.now()), { capture: true, once: true }));
  await page.locator(`main a[href="${screen.path}"], header a[href="${screen.path}"]`).first().click();
  const at = await readyAt(page, screen);
  const clickAt = await page.evaluate(() => window.__benchClickAt);
  if (args.requests) console.log(`  ${screen.name}, click: ready at ${(at - clickAt).toFixed(0)} ms\n${(await requestsSince(page, clickAt)).join('\n')}`);
  return at - clickAt;
}

async function measureLoad(page, screen) {
  await page.goto('about:blank');
  await page.goto(screen.path, { waitUntil: 'commit' });
  const at = await readyAt(page, screen);
  if (args.requests) console.log(`  ${screen.name}, load: ready at ${at.toFixed(0)} ms\n${(await requestsSince(page, 0)).join('\n')}`);
  return at;
}

// ---------------------------------------------------------------- the run
/** A server with its data and a signed-in browser page, for this build or for the one given by --before. */
async function prepare(browser, label, webDist) {
  const server = await startServer(webDist);
  try {
    const data = await makeData(server.baseUrl);
    const all = screens(data);
    const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 }, locale: 'pl-PL' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page);
    return { label, server, page, errors, list: all.filter((s) => !only || only.has(s.name) || only.has(s.name.split(' ')[0])), byPath: new Map(all.map((s) => [s.path, s])) };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
const loadBefore = loadAverage();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const chromiumVersion = browser.version();
const targets = [];
const results = [];
try {
  if (args.before) targets.push(await prepare(browser, String(args['before-label'] ?? 'before'), String(args.before)));
  targets.push(await prepare(browser, args.before ? String(args.label ?? 'after') : 'this build', args['web-dist'] ? String(args['web-dist']) : null));
  for (const [index, screen] of targets.at(-1).list.entries()) {
    const row = { name: screen.name };
    for (const target of targets) row[target.label] = {};
    for (const mode of modes) {
      const times = new Map(targets.map((t) => [t, []]));
      // One run first, not counted: the HTTP cache then holds what someone who used the app before would have. The
      // builds take turns, so that what else the machine does meanwhile falls on both alike.
      for (let i = 0; i <= runs; i++) {
        for (const target of targets) {
          const own = target.list[index];
          const ms = mode === 'click' ? await measureClick(target.page, own, target.byPath.get(own.from)) : await measureLoad(target.page, own);
          if (i > 0) times.get(target).push(ms);
        }
      }
      for (const target of targets) {
        const list = times.get(target);
        row[target.label][mode] = { median: median(list), min: Math.min(...list), max: Math.max(...list) };
      }
    }
    results.push(row);
    console.log(`${screen.name.padEnd(18)} ${targets.map((t) => `${targets.length > 1 ? `${t.label}: ` : ''}${modes.map((m) => `${m} ${row[t.label][m].median.toFixed(0).padStart(4)} ms`).join(', ')}`).join('   ')}`);
  }
  for (const target of targets) if (target.errors.length) console.log(`script errors in the page (${target.label}):\n  ${target.errors.join('\n  ')}`);
} finally {
  await browser.close();
  for (const target of targets) await target.server.stop();
}
const loadAfter = loadAverage();

const ms = (v) => v.toFixed(0);
const MODE = { click: 'link click', load: 'full page load' };
const columns = targets.flatMap((t) => modes.map((m) => ({ label: t.label, mode: m })));
const table = [
  `| screen | ${columns.map((c) => `${targets.length > 1 ? `${c.label}: ` : ''}${MODE[c.mode]}, ms`).join(' | ')} |`,
  `|---|${columns.map(() => '---:').join('|')}|`,
  ...results.map((r) => `| ${r.name} | ${columns.map((c) => `${ms(r[c.label][c.mode].median)} (${ms(r[c.label][c.mode].min)}–${ms(r[c.label][c.mode].max)})`).join(' | ')} |`),
].join('\n');
console.log(`\n${table}\n\nmedian (min–max) of ${runs} runs; load average ${loadBefore} before, ${loadAfter} after`);
const current = targets.at(-1).label;
const limitOf = (mode) => (mode === 'click' ? limit : loadLimit);
const slow = results.flatMap((r) => modes.filter((m) => r[current][m].median >= limitOf(m)).map((m) => `${r.name} (${MODE[m]}): ${ms(r[current][m].median)} ms, limit ${limitOf(m)} ms`));
if (!args['no-write'] && !only) {
  const docs = join(root, 'docs/benchmarks.md');
  const title = '## Web app: time to an interactive screen';
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node.js ${process.versions.node}, Chromium ${chromiumVersion}`;
  const measured =
    `### Measured ${new Date().toISOString().slice(0, 10)}${args.title ? `: ${args.title}` : ''}\n\n` +
    `\`npm run bench:web${process.argv.length > 2 ? ` -- ${process.argv.slice(2).map((a) => a.replace(/=(.*\s.*)$/, "='$1'")).join(' ')}` : ''}\`: median (min–max) of ${runs} runs after one not counted; ` +
    `${targets[0].server.database}; headless Chromium at 1280×900; ${machine}; the machine's load average was ${loadBefore} before and ${loadAfter} after ` +
    `(other work on it slows every figure).\n\n${table}\n`;
  const text = readFileSync(docs, 'utf8');
  const start = text.indexOf(title);
  if (start === -1) {
    writeFileSync(docs, `${text.trimEnd()}\n\n${title}\n\n${measured}`);
  } else {
    // The section keeps its description, its notes and earlier measurements: the new one goes first, after the
    // description (before the earlier measurements, or else before the first subsection).
    const next = text.indexOf('\n## ', start + 1);
    const section = text.slice(start, next === -1 ? undefined : next);
    const earlier = section.indexOf('### Measured');
    const at = earlier !== -1 ? earlier : section.indexOf('\n### ') + 1;
    const updated = at <= 0 ? `${section.trimEnd()}\n\n${measured}` : `${section.slice(0, at)}${measured}\n${section.slice(at)}`;
    writeFileSync(docs, `${text.slice(0, start)}${updated.trimEnd()}\n${next === -1 ? '' : text.slice(next)}`);
  }
  console.log('written to docs/benchmarks.md');
}
if (slow.length) {
  console.log(`\ntoo slow: ${slow.join('; ')}`);
  process.exitCode = 1;
}
