// End to end: the one-file edition, copied to another folder and opened from file:// as a person
// would by double-clicking it, does everything the hosted build does without any request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, openPage, axeViolations, screenshot, officeSummary } from './support.mjs';
import { DOWNLOADS, Walkthrough } from './pages.mjs';

let browser;
let fileUrl;

before(async () => {
  const source = resolve(process.env.SINGLE_FILE ?? 'dist-single/midnight-blizzard-self-assessment.html');
  const folder = await mkdtemp(join(tmpdir(), 'usb-stick-'));
  const copy = join(folder, 'assessment.html');
  await copyFile(source, copy);
  fileUrl = pathToFileURL(copy).href;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Requests other than the page itself and in-memory data: and blob: URLs. */
function outside(requests) {
  return requests.filter((url) => url !== fileUrl && !url.startsWith('data:') && !url.startsWith('blob:'));
}

test('the one-file edition works from file:// with no request at all', async () => {
  const { context, page, requests, errors } = await openPage(browser);
  const app = new Walkthrough(page);
  await page.goto(fileUrl);
  await page.getByTestId('start-new').waitFor();
  assert.match(await page.getByTestId('version').textContent(), /one-file edition/);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /connect-src 'none'/);

  await app.start();
  await app.fillDetails({ organisation: 'USB Org', assessor: 'Tester' });
  await app.toQuestions();
  const [first, second] = await app.questionIds();
  await app.answer(first, 'fully');
  await app.answer(second, 'none');
  await page.getByTestId('save-status').filter({ hasText: 'Saved in this browser' }).waitFor();

  // Autosave works from file:// too.
  await page.reload();
  await page.getByTestId('continue').click();
  await page.getByTestId('to-questions').click();
  assert.equal(await page.locator(`[data-question-id="${first}"] input[value=fully]`).isChecked(), true);

  // Save to file, then open it again.
  await page.locator('.family-nav button', { hasText: 'Saved assessments' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-file').click()]);
  assert.match(download.suggestedFilename(), /^usb-org_\d{4}-\d{2}-\d{2}_assessment\.json$/);
  const saved = await readFile(await download.path());
  assert.match(await app.encryptedRoundTrip('usb stick passphrase'), /^usb-org_.*_assessment\.json\.age$/);
  await page.getByTestId('import-cancel').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'again.json', mimeType: 'application/json', buffer: saved });
  await page.getByTestId('import-confirm-open').click();
  await page.locator('#main .page-heading', { hasText: 'Summary' }).waitFor();

  await page.getByTestId('to-results').click();
  await page.getByTestId('tier').waitFor();
  const files = await app.downloadAll();
  assert.equal(Object.keys(files).length, DOWNLOADS.length, 'every report downloads from file://');
  assert.match(files.html.text, /USB Org/);
  assert.match(files.html.text, /single-file/);
  // The editable files come from the office module embedded in the file, read back independently.
  assert.match(files.xlsx.name, /^usb-org_\d{4}-\d{2}-\d{2}_action-plan\.xlsx$/);
  assert.match(files.docx.name, /^usb-org_\d{4}-\d{2}-\d{2}_report\.docx$/);
  const workbook = officeSummary('xlsx', files.xlsx.path);
  assert.equal(workbook.about.Organisation, 'USB Org');
  assert.match(workbook.about['App version'], /single-file edition/);
  const document = officeSummary('docx', files.docx.path);
  assert.match(document.header, /USB Org/);
  assert.equal(document.headings.at(-1), 'Approval');
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'single-file-results');
  assert.deepEqual(outside(requests), [], 'nothing but the file itself was loaded');
  assert.deepEqual(errors, []);
  await context.close();
});
