// Browser benchmarks (not tests): start-up time of the app and of the floor app, answer → repaint
// latency on the shipped and on a 2,000-question bank, time to generate each report download, and
// memory after a full journey. Prints one JSON object; `cargo xtask bench` writes it into
// docs/PERFORMANCE.md. Every figure is the median of several runs in headless Chromium.
import { serveDist, launchBrowser } from '../e2e/support.mjs';
import { Walkthrough, fit } from '../e2e/pages.mjs';
import { readFile } from 'node:fs/promises';

const SCUBAGEAR_SAMPLE = 'crates/assessment-core/tests/fixtures/scanners/scubagear-v1.8.0/ScubaResults_fa5589b7-d528-4f80.json';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const round = (value) => Math.round(value * 10) / 10;

/** Milliseconds from navigation start until `selector` is in the page, in a fresh context. */
async function startupOnce(browser, url, selector) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript((sel) => {
    new MutationObserver((_, observer) => {
      if (document.querySelector(sel)) {
        window.__ready = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, selector);
  await page.goto(url);
  await page.waitForFunction(() => window.__ready !== undefined);
  const ready = await page.evaluate(() => window.__ready);
  await context.close();
  return ready;
}

/**
 * Start-up of the app and of the floor app, median of 2 × RUNS runs each. The two are measured in
 * turn, run after run, so a machine that slows down or speeds up during the benchmark affects both
 * alike and their ratio stays fair.
 */
async function startups(browser, app, floor) {
  const times = { app: [], floor: [] };
  for (let i = 0; i < RUNS * 2; i += 1) {
    times.app.push(await startupOnce(browser, app.url, '[data-testid=start-new]'));
    times.floor.push(await startupOnce(browser, floor.url, '[data-testid=floor-button]'));
  }
  return { app: round(median(times.app)), floor: round(median(times.floor)) };
}

/** Milliseconds from clicking an answer until the DOM shows it and layout is done, median. */
async function repaint(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const app = new Walkthrough(page);
  await page.goto(url);
  await app.start();
  await app.toQuestions();
  const times = await page.evaluate(async (runs) => {
    const cards = [...document.querySelectorAll('[data-question-id]')];
    const values = ['fully', 'partial', 'largely', 'none'];
    const out = [];
    for (let i = 0; i < runs; i += 1) {
      const card = cards[i % cards.length];
      // Each answer type offers its own levels (a setting only on and off): take one of the
      // card's levels that is not chosen yet, so every click changes the answer.
      const radio = [...card.querySelectorAll('input[type=radio]')]
        .filter((r) => values.includes(r.value) && !r.checked)[i % 2] ?? card.querySelector('input[value="none"]:not(:checked)');
      const changed = new Promise((done) => {
        const observer = new MutationObserver(() => { observer.disconnect(); done(); });
        observer.observe(document.getElementById('main'), { subtree: true, attributes: true, childList: true, characterData: true });
      });
      const started = performance.now();
      radio.click();
      await changed;
      document.body.getBoundingClientRect(); // force style and layout, as a paint would
      out.push(performance.now() - started);
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    }
    return out;
  }, Math.max(RUNS * 3, 20));
  const questions = await page.locator('[data-question-id]').count();
  await context.close();
  return { ms: round(median(times)), questionsOnPage: questions };
}

/** Milliseconds to generate each report (click → Blob URL), median; then memory after the journey. */
async function downloads(browser, url) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (event) => {
      window.__wasmMemory = () => event.detail.wasm.memory.buffer.byteLength;
    });
  });
  const app = new Walkthrough(page);
  await page.goto(url);
  await app.start();
  await app.fillDetails({ organisation: 'Bench Org', assessor: 'Bench' });
  await app.toQuestions();
  for (;;) {
    for (const id of await app.questionIds()) await app.answer(id, fit(await app.answerType(id), 'largely'));
    const isLast = (await app.heading()).startsWith('Incident response');
    await page.getByTestId('next').click();
    if (isLast) break;
  }
  await page.getByTestId('to-results').click();
  // Generation time: from the click until the file's Blob URL is made (the download itself is
  // the browser's work, and Chromium throttles many downloads in a row). The first report of a
  // visit also fetches and compiles the report generator, so it is timed on its own.
  const { firstReportMs, firstOfficeMs, result } = await page.evaluate(async (runs) => {
    const made = URL.createObjectURL;
    let blobMade = null;
    URL.createObjectURL = (blob) => {
      blobMade?.(performance.now());
      return made.call(URL, blob);
    };
    const timeClick = (button) =>
      new Promise((resolve) => {
        const started = performance.now();
        blobMade = (at) => {
          blobMade = null;
          resolve(at - started);
        };
        button.click();
      });
    const round = (ms) => Math.round(ms * 10) / 10;
    const first = await timeClick(document.querySelector('[data-testid=download-csv]'));
    // The first editable file also fetches and compiles the office module (its writers).
    const firstOffice = await timeClick(document.querySelector('[data-testid=download-xlsx]'));
    const out = {};
    for (const kind of ['html', 'json', 'csv', 'md', 'oscal', 'xlsx', 'docx']) {
      const button = document.querySelector(`[data-testid=download-${kind}]`);
      const times = [];
      for (let i = 0; i < runs; i += 1) times.push(await timeClick(button));
      times.sort((a, b) => a - b);
      out[kind] = round(times[Math.floor(times.length / 2)]);
    }
    return { firstReportMs: round(first), firstOfficeMs: round(firstOffice), result: out };
  }, RUNS);
  const scanPreviewMs = await scanPreview(page);
  const crypt = await encryption(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  const wasm = await page.evaluate(() => window.__wasmMemory?.() ?? 0);
  await context.close();
  return { firstReportMs, firstOfficeMs, downloadsMs: result, scanPreviewMs, jsHeapBytes: heap, wasmMemoryBytes: wasm, ...crypt };
}

/**
 * Milliseconds from choosing the real ScubaGear v1.8.0 sample (1.9 MB) to its preview on screen, against the
 * complete assessment (reading, parsing, previewing in the on-demand module, decoding and showing
 * it in the app), median of RUNS; each preview is cancelled again.
 */
async function scanPreview(page) {
  await page.locator('.family-nav button', { hasText: 'Saved assessments' }).click();
  const sample = await readFile(SCUBAGEAR_SAMPLE);
  const times = [];
  for (let i = 0; i < RUNS; i += 1) {
    times.push(await page.evaluate(([base64, name]) => new Promise((resolve) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const input = document.querySelector('[data-testid=import-file]');
      const files = new DataTransfer();
      files.items.add(new File([bytes], name, { type: 'application/json' }));
      input.files = files.files;
      const started = performance.now();
      const observer = new MutationObserver(() => {
        if (document.querySelector('[data-testid=scan-preview] tr[data-question-id]')) {
          observer.disconnect();
          resolve(performance.now() - started);
        }
      });
      observer.observe(document.body, { subtree: true, childList: true });
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }), [sample.toString('base64'), SCUBAGEAR_SAMPLE.split('/').pop()]));
    await page.getByTestId('scan-cancel').click();
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)] * 10) / 10;
}

/**
 * Milliseconds to encrypt the complete assessment (submit → encrypted file's Blob URL) and to
 * decrypt it again (submit → the confirmation shows what the file holds), with the work factor
 * the app writes.
 */
async function encryption(page) {
  const passphrase = 'bench passphrase words';
  await page.locator('.family-nav button', { hasText: 'Saved assessments' }).click();
  await page.getByTestId('save-encrypted').click();
  await page.getByTestId('passphrase').fill(passphrase);
  await page.getByTestId('passphrase-again').fill(passphrase);
  const downloaded = page.waitForEvent('download');
  const encryptMs = await page.evaluate(() => new Promise((resolve) => {
    const made = URL.createObjectURL;
    const started = performance.now();
    URL.createObjectURL = (blob) => {
      URL.createObjectURL = made;
      resolve(Math.round((performance.now() - started) * 10) / 10);
      return made.call(URL, blob);
    };
    document.querySelector('[data-testid=encrypt-submit]').click();
  }));
  const download = await downloaded;
  await page.getByTestId('import-file').setInputFiles(await download.path());
  await page.getByTestId('decrypt-passphrase').fill(passphrase);
  const decryptMs = await page.evaluate(() => new Promise((resolve) => {
    const started = performance.now();
    const observer = new MutationObserver(() => {
      if (document.querySelector('[data-testid=import-confirm]')) {
        observer.disconnect();
        resolve(Math.round((performance.now() - started) * 10) / 10);
      }
    });
    observer.observe(document.body, { subtree: true, childList: true });
    document.querySelector('[data-testid=decrypt-submit]').click();
  }));
  return { encryptMs, decryptMs };
}

const app = await serveDist(process.env.DIST_DIR ?? 'dist');
const floor = await serveDist(process.env.FLOOR_DIR ?? 'target/floor-dist');
const synthetic = await serveDist(process.env.SYNTHETIC_DIR ?? 'target/bench/dist-synthetic');
const browser = await launchBrowser();
try {
  const started = await startups(browser, app, floor);
  const result = {
    runs: RUNS,
    startupMs: started.app,
    floorStartupMs: started.floor,
    repaint: await repaint(browser, app.url),
    repaintSynthetic: await repaint(browser, synthetic.url),
    journey: await downloads(browser, app.url),
  };
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  await Promise.all([app.close(), floor.close(), synthetic.close()]);
}
