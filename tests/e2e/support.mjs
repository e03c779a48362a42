// Shared end-to-end helpers: a static server for the release build on 127.0.0.1, a Chromium
// launched from Debian's package, and a recorder of every request the page makes.
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { before, after } from 'node:test';
import { readFile, mkdir } from 'node:fs/promises';
import { join, extname, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** Serves `dir` on an ephemeral 127.0.0.1 port under `prefix` (e.g. "/" or "/tools/assessment/"). */
export async function serveDist(dir = process.env.DIST_DIR ?? 'dist', prefix = '/') {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    const relative = path.slice(prefix.length) || 'index.html';
    const file = normalize(join(root, relative));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(done)),
  };
}

/** Launches Debian's Chromium headless with the flags that keep it off the network. */
export async function launchBrowser(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...extraArgs,
    ],
  });
}

/** Opens a fresh context and page that record every request and every console error. */
export async function openPage(browser) {
  const context = await browser.newContext({ acceptDownloads: true });
  const requests = [];
  const errors = [];
  context.on('request', (request) => requests.push(request.url()));
  context.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    // Failed loads are reported with their URL by the response listener above.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(message.text());
    }
  });
  return { context, page, requests, errors };
}

/** Requests that went anywhere but `origin` (data: and blob: URLs never leave the machine). */
export function foreignRequests(requests, origin) {
  return requests.filter((url) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return false;
    return new URL(url).origin !== origin;
  });
}

/** Runs axe on the page and returns a readable list of violations (empty when clean). */
export async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Saves a full-page screenshot under test-artifacts/ for people to look at. */
export async function screenshot(page, name) {
  await mkdir('test-artifacts', { recursive: true });
  await page.screenshot({ path: `test-artifacts/${name}.png`, fullPage: true });
}

/**
 * Registers the usual hooks of a test file: the release build served on 127.0.0.1 and one
 * Chromium, both closed at the end. Returns an object whose `server` and `browser` are set once
 * the hooks have run.
 */
export function servedApp() {
  const shared = {};
  before(async () => {
    shared.server = await serveDist();
    shared.browser = await launchBrowser();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

/** The Python that `cargo xtask office` installs openpyxl and python-docx into. */
const OFFICE_PYTHON = '.tools/office-venv/bin/python';

/**
 * What a downloaded workbook (`kind` "xlsx") or Word document ("docx") holds, as read by openpyxl
 * or python-docx (tests/office/summary.py): independent readers, not the code that wrote the file.
 */
export function officeSummary(kind, path) {
  if (!existsSync(OFFICE_PYTHON)) {
    throw new Error(`${OFFICE_PYTHON} is missing: run cargo xtask office once to set up the readers`);
  }
  const out = execFileSync(OFFICE_PYTHON, ['tests/office/summary.py', kind, path], { maxBuffer: 64 << 20 });
  return JSON.parse(out.toString('utf8'));
}
