// End to end: work is never lost and input is never trusted. Autosave and reload, every kind of
// bad file, storage that throws or is full, unreadable stored data, the library, the failure
// screen, and the Content-Security-Policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage, foreignRequests, servedApp } from './support.mjs';
import { Walkthrough, fit } from './pages.mjs';

const ctx = servedApp();

/** Starts an assessment, names it, answers the first question "partly" (under way) and notes evidence. */
async function startWork(page) {
  const app = new Walkthrough(page);
  await page.goto(ctx.server.url);
  await app.start();
  await app.fillDetails({ organisation: 'Kept Org', assessor: 'Tester' });
  await app.toQuestions();
  const [first] = await app.questionIds();
  await app.answer(first, 'partial');
  await page.locator(`[data-question-id="${first}"] .record summary`).click();
  await page.locator(`#q-${first}-note`).fill('evidence kept');
  await page.getByTestId('save-status').filter({ hasText: 'Saved in this browser' }).waitFor();
  return { app, first };
}

/** The current work is exactly as `startWork` left it. */
async function assertWorkIntact(page, first) {
  const checked = page.locator(`[data-question-id="${first}"] input[value=partial]`);
  if (!(await checked.count())) {
    await page.locator('.family-nav button', { hasText: 'Exposure review' }).click();
  }
  assert.equal(await checked.isChecked(), true, 'the answer is still there');
  assert.equal(await page.locator(`#q-${first}-note`).inputValue(), 'evidence kept');
}

async function importFile(page, name, buffer) {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer });
}

async function savedFileText(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('save-file').click(),
  ]);
  return readFile(await download.path(), 'utf8');
}

test('work survives a reload', async () => {
  const { context, page } = await openPage(ctx.browser);
  const { first } = await startWork(page);
  await page.reload();
  await page.getByTestId('continue').click();
  assert.equal(await page.getByTestId('organisation').inputValue(), 'Kept Org');
  await page.getByTestId('to-questions').click();
  await assertWorkIntact(page, first);
  assert.match(await page.getByTestId('save-status').textContent(), /Saved in this browser at \d\d:\d\d/);
  await context.close();
});

test('a change made just before leaving the page is still saved', async () => {
  const { context, page } = await openPage(ctx.browser);
  const { app, first } = await startWork(page);
  const [, second] = await app.questionIds();
  await app.answer(second, 'dont-know');
  await page.reload(); // at once: the pending autosave is written when the page is hidden
  await page.getByTestId('continue').click();
  await page.getByTestId('to-questions').click();
  assert.equal(await page.locator(`[data-question-id="${second}"] input[value=dont-know]`).isChecked(), true);
  await assertWorkIntact(page, first);
  await context.close();
});

test('starting a new assessment right after a change keeps that change in the old one', async () => {
  const { context, page } = await openPage(ctx.browser);
  const { app } = await startWork(page);
  const [, second] = await app.questionIds();
  await app.answer(second, 'fully');
  // Within the autosave's delay: go to the start page and begin a new assessment.
  await page.locator('.family-nav button', { hasText: 'Start' }).first().click();
  await page.getByTestId('start-new').click();
  await app.fillDetails({ organisation: 'Second Org', assessor: 'Tester' });
  await page.getByTestId('save-status').filter({ hasText: 'Saved in this browser' }).waitFor();
  await page.locator('.family-nav button', { hasText: 'Saved assessments' }).click();
  const rows = page.locator('[data-entry-id]');
  await rows.nth(1).waitFor();
  assert.equal(await rows.count(), 2, 'two assessments, each under its own entry');
  const old = rows.filter({ hasText: 'Kept Org' });
  await old.getByRole('button', { name: /^Open/ }).click();
  await page.getByTestId('to-results').waitFor();
  await page.locator('.family-nav button', { hasText: 'Exposure review' }).click();
  assert.equal(await page.locator(`[data-question-id="${second}"] input[value=fully]`).isChecked(), true);
  await context.close();
});

test('every kind of bad file is refused with a plain message and the work is untouched', async () => {
  const { context, page, requests } = await openPage(ctx.browser);
  const { first } = await startWork(page);
  await page.locator('.family-nav button', { hasText: 'Saved assessments' }).click();
  const good = await savedFileText(page);
  const kind = 'midnight-blizzard-self-assessment';
  const cases = [
    ['empty.json', Buffer.alloc(0), /The file is empty/],
    ['image.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /This file is not text \(it may be a PDF, a spreadsheet or a picture\)/],
    ['cut.json', Buffer.from(good.slice(0, Math.floor(good.length / 2))), /ends too early .* cut off/],
    ['broken.json', Buffer.from('{"kind": oops}'), /not valid JSON \(problem at line 1/],
    ['list.json', Buffer.from('[1, 2, 3]'), /not an assessment saved by this tool/],
    ['scuba.json', Buffer.from('{"MetaData": {"Tool": "ScubaGear"}, "Results": {}}'), /This ScubaGear file holds no check results, so there is nothing in it to use\./],
    ['newer.json', Buffer.from(good.replace('"version": 3', '"version": 9')), /newer version of the tool \(file format 9/],
    ['noversion.json', Buffer.from(good.replace('"version": 3,', '')), /does not say which format version/],
    ['types.json', Buffer.from(good.replace('"level": "partial"', '"level": 42')), /cannot use at assessment\.answers\..*\.response/],
    ['date.json', Buffer.from(good.replace(/"assessed_on": "[^"]*"/, '"assessed_on": "31/12/2024"')), /assessment\.details\.assessed_on/],
    [
      'twice.json',
      Buffer.from(`{"kind":"${kind}","version":1,"assessment":{"answers":{"MFA-01":{"response":{"state":"dont-know"}},"MFA-01":{"response":{"state":"dont-know"}}}}}`),
      /answers question MFA-01 twice/,
    ],
    ['huge.json', Buffer.alloc(5 * 1024 * 1024 + 1, 0x20), /too large/],
    [
      'long.json',
      Buffer.from(good.replace('"note": "evidence kept"', `"note": "${'x'.repeat(50001)}"`)),
      /longer than 50000 characters/,
    ],
  ];
  for (const [name, buffer, message] of cases) {
    await importFile(page, name, buffer);
    const error = page.getByTestId('import-error');
    await error.waitFor();
    const text = await error.textContent();
    assert.match(text, message, `${name}: ${text}`);
    assert.match(text, /current assessment has not been changed/);
    assert.equal(await page.getByTestId('import-confirm').count(), 0, `${name} must not offer to open`);
    console.log(`${name}: ${text.replace('The file was not opened', '').replace('Your current assessment has not been changed.', '').replace('Dismiss', '').trim()}`);
    await error.getByRole('button', { name: 'Dismiss' }).click();
  }
  await assertWorkIntact(page, first);
  assert.deepEqual(foreignRequests(requests, ctx.server.origin), []);
  await context.close();
});

test('opening a file asks first, keeps the current work in the library, shows hostile text as text, and can be undone', async () => {
  const { context, page } = await openPage(ctx.browser);
  const { first } = await startWork(page);
  await page.locator('.family-nav button', { hasText: 'Saved assessments' }).click();
  const good = await savedFileText(page);
  const hostile = '<img src=x onerror=alert(1)><b>bold</b> =SUM(A1) \u202Eevil';
  const other = JSON.parse(good);
  other.assessment.details.organisation = hostile;
  other.assessment.answers = { 'MFA-01': { response: { state: 'dont-know' } }, 'GONE-01': { response: { state: 'dont-know' } } };
  await importFile(page, 'other.json', Buffer.from(JSON.stringify(other)));
  const dialog = page.getByTestId('import-confirm');
  await dialog.waitFor();
  assert.match(await dialog.textContent(), /GONE-01/, 'what cannot be kept is named before opening');
  await page.getByTestId('import-cancel').click();
  await assertWorkIntact(page, first);

  await page.locator('.family-nav button', { hasText: 'Saved assessments' }).click();
  await importFile(page, 'other.json', Buffer.from(JSON.stringify(other)));
  await page.getByTestId('import-confirm-open').click();
  await page.locator('#main .page-heading', { hasText: 'Summary' }).waitFor();
  assert.equal(await page.locator('img[src=x]').count(), 0, 'markup in a file is never rendered');
  await page.locator('.family-nav button', { hasText: 'Saved assessments' }).click();
  const rows = page.locator('[data-entry-id]');
  assert.equal(await rows.count(), 2, 'the replaced assessment stays in the library');
  assert.match(await page.getByTestId('library').textContent(), /<b>bold<\/b>/);

  await page.getByTestId('undo-open').click();
  await page.getByTestId('to-questions').count();
  await page.locator('.family-nav button', { hasText: 'Exposure review' }).click();
  await assertWorkIntact(page, first);
  await context.close();
});

test('the library renames, duplicates and deletes with confirmation', async () => {
  const { context, page } = await openPage(ctx.browser);
  await startWork(page);
  await page.locator('.family-nav button', { hasText: 'Saved assessments' }).click();
  const row = page.locator('[data-entry-id]').first();
  await row.getByRole('button', { name: /^Rename/ }).click();
  await row.locator('input').fill('Baseline 2024');
  await row.getByRole('button', { name: 'Save name' }).click();
  assert.match(await row.textContent(), /Baseline 2024/);
  await row.getByRole('button', { name: /^Duplicate/ }).click();
  assert.equal(await page.locator('[data-entry-id]').count(), 2);
  const copy = page.locator('[data-entry-id]').nth(1);
  assert.match(await copy.textContent(), /Baseline 2024 \(copy\)/);
  await copy.getByRole('button', { name: /^Delete/ }).click();
  assert.match(await copy.textContent(), /cannot be undone/);
  await copy.getByRole('button', { name: 'Yes, delete it' }).click();
  assert.equal(await page.locator('[data-entry-id]').count(), 1);
  await context.close();
});

test('storage that throws: the app works in memory, says so, and offers a download', async () => {
  const { context, page } = await openPage(ctx.browser);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  const app = new Walkthrough(page);
  await page.goto(ctx.server.url);
  await app.start();
  await app.fillDetails({ organisation: 'Memory Org', assessor: 'Tester' });
  const banner = page.getByTestId('storage-banner');
  await banner.waitFor();
  assert.match(await banner.textContent(), /offers no storage here.*kept in this tab only/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-work').click()]);
  assert.match(download.suggestedFilename(), /^memory-org_\d{4}-\d{2}-\d{2}_assessment\.json$/);
  const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(saved.assessment.details.organisation, 'Memory Org');
  await app.toQuestions();
  const [first] = await app.questionIds();
  await app.answer(first, 'fully');
  assert.notEqual(await app.score(), '0', 'the app keeps working');
  await context.close();
});

test('storage that is full: the banner says so and nothing is lost in the tab', async () => {
  const { context, page } = await openPage(ctx.browser);
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key.endsWith('probe')) return setItem.call(this, key, value);
      throw new DOMException('quota', 'QuotaExceededError');
    };
  });
  const app = new Walkthrough(page);
  await page.goto(ctx.server.url);
  await app.start();
  await app.fillDetails({ organisation: 'Full Org', assessor: 'Tester' });
  await page.getByTestId('storage-banner').waitFor();
  assert.match(await page.getByTestId('save-status').textContent(), /storage is full/);
  assert.equal(await page.getByTestId('organisation').inputValue(), 'Full Org');
  await context.close();
});

test('storage that fills up: the banner names what to save and delete, and the open work is kept', async () => {
  const { context, page } = await openPage(ctx.browser);
  await startWork(page);
  // A second assessment; then the browser refuses every further write.
  await page.locator('.family-nav button', { hasText: 'Start' }).click();
  await page.getByTestId('start-new').click();
  const app = new Walkthrough(page);
  await app.fillDetails({ organisation: 'Second Org', assessor: 'Tester' });
  await page.getByTestId('save-status').filter({ hasText: 'Saved in this browser' }).waitFor();
  await page.evaluate(() => {
    Storage.prototype.setItem = function () { throw new DOMException('quota', 'QuotaExceededError'); };
  });
  await page.getByTestId('assessor').fill('Tester, after the storage filled up');
  const advice = page.getByTestId('storage-full-advice');
  await advice.waitFor();
  assert.match(await advice.textContent(), /Saved assessments take \d+ KB of this browser's storage\. To make room, .*“Kept Org” \(\d+ KB\)/);
  assert.doesNotMatch(await advice.textContent(), /Second Org/, 'the open assessment is never suggested');
  assert.equal(await page.getByTestId('assessor').inputValue(), 'Tester, after the storage filled up');
  assert.equal(await page.getByTestId('download-work').count(), 1);
  await context.close();
});

test('unreadable stored data is kept aside, reported, and never overwritten', async () => {
  const { context, page } = await openPage(ctx.browser);
  await page.goto(ctx.server.url);
  await page.evaluate(() => {
    localStorage.setItem('mbsa.v1.index', JSON.stringify({ version: 1, entries: [{ id: 'a1', name: 'Old', organisation: 'Old', assessed_on: null, answered: 0, applicable: 1, score: 0, saved_at: '2026-01-01T00:00:00Z' }], current: 'a1', next_number: 2 }));
    localStorage.setItem('mbsa.v1.assessment.a1', '{"kind": "midnight-blizzard-self-assessment", "version": 1, "assessment": {"answers": ');
  });
  await page.reload();
  const notices = page.getByTestId('notices');
  await notices.waitFor();
  assert.match(await notices.textContent(), /could not be opened: The file ends too early/);
  assert.match(await notices.textContent(), /kept untouched under the storage key/);
  const app = new Walkthrough(page);
  await app.start();
  await app.fillDetails({ organisation: 'New work', assessor: 'x' });
  await page.getByTestId('save-status').filter({ hasText: 'Saved' }).waitFor();
  const stored = await page.evaluate(() => ({
    original: localStorage.getItem('mbsa.v1.assessment.a1'),
    rescued: Object.keys(localStorage).filter((k) => k.startsWith('mbsa.v1.unreadable.')).length,
  }));
  assert.match(stored.original, /"answers": $/, 'the unreadable data was not overwritten');
  assert.equal(stored.rescued, 1);
  await context.close();
});

test('delete all my data removes everything the app stored', async () => {
  const { context, page } = await openPage(ctx.browser);
  await startWork(page);
  await page.evaluate(() => localStorage.setItem('unrelated', 'kept'));
  await page.locator('.family-nav button', { hasText: 'Saved assessments' }).click();
  await page.getByTestId('delete-all').click();
  await page.getByTestId('delete-all-confirm').click();
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(keys, ['unrelated']);
  await page.reload();
  assert.equal(await page.getByTestId('continue').count(), 0);
  await context.close();
});

test('a failure shows a plain message and a download of the saved work', async () => {
  const { context, page } = await openPage(ctx.browser);
  await startWork(page);
  await page.goto(`${ctx.server.url}#simulate-failure`);
  await page.reload();
  const screen = page.locator('.failure');
  await screen.waitFor();
  assert.match(await screen.textContent(), /Something went wrong.*Your work is safe/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('failure-download').click()]);
  const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(saved.assessment.details.organisation, 'Kept Org');
  await context.close();
});

test('the Content-Security-Policy is in force: a fetch to another origin is refused', async () => {
  const { context, page, requests } = await openPage(ctx.browser);
  const blocked = [];
  context.on('requestfailed', (r) => blocked.push(`${r.url()} ${r.failure()?.errorText}`));
  await page.goto(ctx.server.url);
  await page.getByTestId('start-new').waitFor();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /connect-src 'self'/);
  const outcome = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    let fetched;
    try {
      await fetch('http://127.0.0.2:9/track');
      fetched = 'allowed';
    } catch (error) {
      fetched = 'refused';
    }
    const img = new Image();
    img.src = 'http://127.0.0.2:9/pixel.gif';
    await new Promise((done) => setTimeout(done, 200));
    return { fetched, violations };
  });
  assert.equal(outcome.fetched, 'refused');
  assert.ok(outcome.violations.includes('connect-src'), JSON.stringify(outcome.violations));
  assert.ok(outcome.violations.includes('img-src'), JSON.stringify(outcome.violations));
  // Chromium reports the image it refused as a request that failed with reason "csp";
  // nothing else was attempted, and nothing was sent.
  assert.deepEqual(foreignRequests(requests, ctx.server.origin), ['http://127.0.0.2:9/pixel.gif']);
  assert.deepEqual(blocked, ['http://127.0.0.2:9/pixel.gif csp']);
  await context.close();
});

test('a full journey (answers, results, every download, import) stays on the page\'s own files under the CSP', async () => {
  const { context, page, requests, errors } = await openPage(ctx.browser);
  const app = new Walkthrough(page);
  await page.goto(ctx.server.url);
  await app.start();
  await app.fillDetails({ organisation: 'Journey Org', assessor: 'Tester' });
  await app.toQuestions();
  await app.answerAll((id, type) => fit(type, 'largely'));
  await page.getByTestId('to-results').click();
  const files = await app.downloadAll();
  await page.locator('.family-nav button', { hasText: 'Saved assessments' }).click();
  await page.getByTestId('import-file').setInputFiles({ name: files.json.name, mimeType: 'application/json', buffer: Buffer.from(files.json.text) });
  await page.getByTestId('import-confirm-open').click();
  await page.getByTestId('to-results').click();
  await page.getByTestId('tier').waitFor();
  const refused = await page.evaluate(() => fetch('http://127.0.0.2:9/beacon').then(() => false, () => true));
  assert.equal(refused, true, 'the CSP refuses a connection to another origin');
  assert.deepEqual(foreignRequests(requests, ctx.server.origin), [], 'not one request left the page\'s own files');
  assert.deepEqual(errors.filter((e) => !e.includes('Content Security Policy')), []);
  await context.close();
});
