// End to end: the hosted build served under an intranet-style sub-path, over plain HTTP on a
// host name that is not localhost (so the page is not a secure context, like a typical intranet
// server), completes a journey with no request beyond its own files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serveDist, launchBrowser, openPage, foreignRequests } from './support.mjs';
import { DOWNLOADS, Walkthrough } from './pages.mjs';

const PREFIX = '/tools/assessment/';
let server;
let browser;

before(async () => {
  server = await serveDist(process.env.DIST_DIR ?? 'dist', PREFIX);
  // Chromium treats 127.0.0.1 and localhost as secure; a mapped intranet name is not.
  browser = await launchBrowser(['--host-resolver-rules=MAP intranet.example 127.0.0.1']);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('under a sub-path, on plain HTTP, outside a secure context, the journey works', async () => {
  const { context, page, requests, errors } = await openPage(browser);
  const port = new URL(server.url).port;
  const origin = `http://intranet.example:${port}`;
  const app = new Walkthrough(page);
  await page.goto(`${origin}${PREFIX}`);
  await page.getByTestId('start-new').waitFor();
  assert.equal(await page.evaluate(() => window.isSecureContext), false, 'like a plain-HTTP intranet server');
  assert.equal(await page.evaluate(() => typeof crypto.subtle), 'undefined');

  await app.start();
  await app.fillDetails({ organisation: 'Intranet Org', assessor: 'Tester' });
  await app.toQuestions();
  const [first] = await app.questionIds();
  await app.answer(first, 'partial');
  await page.reload();
  await page.getByTestId('continue').click();
  await page.locator('.family-nav button', { hasText: 'Saved assessments' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-file').click()]);
  const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(saved.assessment.answers[first].response.level, 'partial');
  // Encryption works without crypto.subtle: the ciphers are the app's own.
  assert.match(await app.encryptedRoundTrip('intranet passphrase words'), /_assessment\.json\.age$/);
  await page.getByTestId('import-cancel').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(saved)) });
  await page.getByTestId('import-confirm-open').click();
  await page.getByTestId('to-results').click();
  await page.getByTestId('tier').waitFor();
  const files = await app.downloadAll();
  assert.equal(Object.keys(files).length, DOWNLOADS.length, 'every report downloads outside a secure context');
  assert.ok(files.xlsx.bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04')), 'the workbook is a zip');
  assert.equal(JSON.parse(files.oscal.text)['assessment-results'].metadata['oscal-version'], '1.2.2');

  const paths = requests.map((url) => new URL(url)).filter((u) => u.protocol.startsWith('http'));
  assert.ok(paths.every((u) => u.pathname.startsWith(PREFIX)), 'every file comes from the sub-path');
  assert.deepEqual(foreignRequests(requests, origin), []);
  assert.deepEqual(errors, []);
  await context.close();
});
