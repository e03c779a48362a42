// End to end: progress over time. An assessment answered, duplicated for a re-assessment (which
// links the two), changed (better, worse, a risk accepted, a scan imported), compared, its trend
// shown, the report's "since the previous assessment" section and the changes CSV checked; then
// an assessment made without duplicating is linked to the series by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage, foreignRequests, servedApp, axeViolations, screenshot } from './support.mjs';
import { Walkthrough } from './pages.mjs';

const ctx = servedApp();
const SCUBAGEAR = 'crates/assessment-core/tests/fixtures/scanners/scubagear-v1.8.0/ScubaResults_fa5589b7-d528-4f80.json';
const ORG = 'Series Org <b>&';

async function nav(page, label) {
  await page.locator('.family-nav button', { hasText: label }).click();
}

async function toMfa(page) {
  await nav(page, 'MFA and password-spray');
  await page.locator('[data-question-id]').first().waitFor();
}

/** The score the library lists for the entry named exactly `name`. */
async function listedScore(page, name) {
  const rows = await page.locator('[data-entry-id]').evaluateAll((nodes) => nodes.map((row) => ({
    name: row.querySelector('th').firstChild.textContent.trim(),
    score: row.querySelectorAll('td')[2].textContent,
  })));
  const row = rows.find((r) => r.name === name);
  assert.ok(row, `the library lists ${name}: ${JSON.stringify(rows)}`);
  return Number(row.score.match(/^(\d+)/)[1]);
}

function changeRow(page, id) {
  return page.locator(`[data-testid="change-rows"] tr[data-question-id="${id}"]`);
}

/** The records of a CSV text (RFC 4180 quoting), header first. */
function csvRecords(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; } else if (c === '\n') { record.push(field.replace(/\r$/, '')); records.push(record); record = []; field = ''; } else field += c;
  }
  if (field || record.length) { record.push(field); records.push(record); }
  return records;
}

test('a re-assessment is compared with the one it came from, shows its trend, and the reports say what changed', async () => {
  const { context, page, requests } = await openPage(ctx.browser);
  const app = new Walkthrough(page);
  await page.goto(ctx.server.url);
  await app.start();
  await app.fillDetails({ organisation: ORG, assessor: 'Tester', assessedOn: '2026-06-01' });
  await app.toQuestions();
  await toMfa(page);
  await app.answer('MFA-06', 'partial');
  await app.answer('MFA-07', 'fully');
  await app.answer('MFA-09', 'largely');

  // Duplicate for the re-assessment and open the copy.
  await nav(page, 'Saved assessments');
  await page.locator('[data-entry-id]').first().getByRole('button', { name: /^Duplicate/ }).click();
  const copy = page.locator('[data-entry-id]').nth(1);
  assert.match(await copy.textContent(), /\(copy\)/);
  await copy.getByRole('button', { name: /^Open/ }).click();
  await nav(page, 'Details and profile');
  await page.getByTestId('assessed-on').fill('2026-11-30');

  // Better, worse, a risk accepted, a scan imported.
  await toMfa(page);
  await app.answer('MFA-06', 'fully');
  await app.answer('MFA-07', 'none');
  await nav(page, 'Results');
  const action = page.locator('[data-testid="plan"] [data-action-id="MFA-07"]');
  await action.getByRole('button', { name: /Accept as a risk/ }).click();
  await page.locator('#accept-MFA-07-justification').fill('Rollout after the kiosk refresh =SUM(A1)');
  await page.locator('#accept-MFA-07-approver').fill('CISO');
  await page.locator('#accept-MFA-07-expires').fill('2099-03-31');
  await action.getByRole('button', { name: 'Record the acceptance' }).click();
  await nav(page, 'Saved assessments');
  await page.getByTestId('import-file').setInputFiles({
    name: 'ScubaResults_fa5589b7-d528-4f80.json', mimeType: 'application/json', buffer: await readFile(SCUBAGEAR),
  });
  await page.getByTestId('scan-preview').waitFor();
  const previewRow = page.locator('[data-testid="scan-preview"] tr[data-question-id="PRV-02"]');
  assert.equal(await previewRow.getByTestId('scan-change').textContent(), 'Improved, newly answered, evidence changed',
    'the preview classifies what the scan would change as a comparison does');
  await page.getByTestId('scan-confirm').click();

  // Compare: the copy is the later one and the original, which it re-assesses, the earlier.
  await nav(page, 'Saved assessments');
  await page.locator('[data-entry-id]').nth(1).waitFor();
  const before = await listedScore(page, ORG);
  // The open assessment's score as the page shows it (the library lists it as of the last save).
  const after = Number(await app.score());
  await page.getByTestId('compare-button').click();
  await page.getByTestId('compare-run').waitFor();
  const shown = (id) => page.getByTestId(id).evaluate((s) => s.selectedOptions[0].textContent);
  assert.match(await shown('compare-before'), /^Series Org <b>& \(2026-06-01, score \d+\)$/);
  assert.match(await shown('compare-after'), /^Series Org <b>& \(copy\) \(2026-11-30, score \d+\)$/);
  await page.getByTestId('compare-run').click();
  const comparison = page.getByTestId('comparison');
  await comparison.waitFor();
  const delta = after - before;
  const signed = delta > 0 ? `+${delta}` : delta < 0 ? `\u2212${-delta}` : '±0';
  assert.equal(await page.getByTestId('overall-change').textContent(), `${before} → ${after} (${signed})`);
  assert.equal(await changeRow(page, 'MFA-06').getAttribute('data-change'), 'improved');
  assert.equal(await changeRow(page, 'MFA-07').getAttribute('data-change'), 'regressed risk-accepted');
  assert.equal(await changeRow(page, 'PRV-02').getAttribute('data-change'), 'improved newly-answered evidence-changed');
  const cells = await changeRow(page, 'MFA-07').locator('td').allTextContents();
  assert.deepEqual(cells, ['Fully in place', 'Not in place', 'Regressed, risk accepted']);
  assert.equal(await changeRow(page, 'MFA-09').count(), 0, 'an unchanged answer is not a change row');
  await screenshot(page, 'comparison');
  const unchanged = page.getByTestId('unchanged');
  assert.equal(await unchanged.locator('li[data-question-id="MFA-09"]').isVisible(), false, 'unchanged questions are hidden');
  await unchanged.locator('summary').click();
  assert.match(await unchanged.locator('li[data-question-id="MFA-09"]').textContent(), /Largely in place/);
  assert.match(await page.getByTestId('plan-progress').textContent(), /Actions closed: \d+.*New actions: \d+.*Still open: \d+.*Overdue: \d+/s);
  assert.equal(await page.getByTestId('incomparable-rows').count(), 0, 'one bank version: everything compares');
  for (const [colorScheme, width] of [['light', 1280], ['dark', 360]]) {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width, height: 900 });
    assert.deepEqual(await axeViolations(page), [], `axe on the comparison, ${colorScheme} at ${width} px`);
  }
  await screenshot(page, 'comparison-dark-360');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });

  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-changes').click()]);
  assert.match(csvDownload.suggestedFilename(), /^changes_\d{4}-\d{2}-\d{2}\.csv$/);
  const records = csvRecords((await readFile(await csvDownload.path(), 'utf8')).replace(/^\uFEFF/, ''));
  assert.deepEqual(records[0], ['id', 'title', 'family', 'before', 'after', 'change', 'why not compared']);
  const mfa02 = records.find((r) => r[0] === 'MFA-07');
  assert.deepEqual(mfa02.slice(3, 6), ['Fully in place', 'Not in place', 'Regressed, risk accepted']);
  assert.equal(records.length - 1, await page.locator('[data-testid="change-rows"] tbody tr').count());

  const improvedRows = await page.locator('[data-testid="change-rows"] tr[data-change~="improved"]')
    .evaluateAll((rows) => rows.map((r) => r.dataset.questionId));

  // The trend of the series: the chart and its table carry the two scores the library lists.
  await page.getByTestId('trend-button').click();
  const trend = page.getByTestId('trend');
  await trend.waitFor();
  assert.equal(await trend.locator('svg[role="img"] title').textContent(), 'Overall score over 2 assessments, 0 to 100');
  const overall = await trend.locator('[data-testid="trend-table"] tbody tr td:nth-of-type(2)').allTextContents();
  assert.deepEqual(overall.map(Number), [before, after]);
  const improved = await trend.locator('[data-testid="top-improved"] li').evaluateAll((items) => items.map((i) => i.dataset.questionId));
  assert.ok(improved.length >= 1 && improved.length <= 5, `top improved: ${improved}`);
  for (const id of improved) assert.ok(improvedRows.includes(id), `${id} improved`);
  assert.match(await trend.locator('[data-testid="top-concerns"]').textContent(), /MFA-07.*Got worse/s);
  for (const [colorScheme, width] of [['dark', 360], ['light', 1280]]) {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width, height: 900 });
    assert.deepEqual(await axeViolations(page), [], `axe on the trend, ${colorScheme} at ${width} px`);
    await trend.screenshot({ path: `test-artifacts/trend-${colorScheme}-${width}.png` });
  }

  // The reports of the re-assessment say what changed since the previous one.
  await nav(page, 'Results');
  for (const kind of ['html', 'md']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`download-${kind}`).click()]);
    const text = await readFile(await download.path(), 'utf8');
    assert.match(text, /Since the previous assessment/, kind);
    assert.match(text, /MFA-07/, kind);
    if (kind === 'html') assert.ok(!text.includes('Series Org <b>'), 'the name is text in the HTML report');
  }

  // An assessment started afresh, not duplicated, joins the series by hand.
  await nav(page, 'Start');
  await page.getByTestId('start-new').click();
  await app.fillDetails({ organisation: ORG, assessor: 'Tester', assessedOn: '2026-12-01' });
  await app.toQuestions();
  await toMfa(page);
  await app.answer('MFA-06', 'fully');
  await nav(page, 'Saved assessments');
  await page.locator('[data-entry-id]').nth(2).waitFor();
  await page.getByTestId('compare-button').click();
  await page.getByTestId('compare-run').waitFor();
  assert.match(await shown('compare-after'), /2026-12-01/);
  const copyOption = await page.getByTestId('compare-before').locator('option', { hasText: '(copy)' }).getAttribute('value');
  await page.getByTestId('compare-before').selectOption(copyOption);
  await page.getByTestId('compare-run').click();
  await page.getByTestId('link-series').waitFor();
  assert.match(await page.getByTestId('link-series').textContent(), /re-assesses “Series Org <b>& \(copy\)”/);
  await page.getByTestId('link-series').click();
  // The link reaches the library with the next autosave; the series then has three assessments.
  const title = trend.locator('svg[role="img"] title');
  for (let i = 0; i < 20; i += 1) {
    await page.getByTestId('trend-button').click();
    await page.locator('[data-testid="trend"], [data-testid="trend-none"]').first().waitFor();
    if ((await title.count()) && (await title.textContent()).includes('3 assessments')) break;
    await page.waitForTimeout(250);
  }
  assert.equal(await title.textContent(), 'Overall score over 3 assessments, 0 to 100');
  // The earlier assessment from a file: the original, as saved.
  const original = await page.evaluate(() => {
    const index = JSON.parse(localStorage.getItem('mbsa.v1.index'));
    return localStorage.getItem(`mbsa.v1.assessment.${index.entries[0].id}`);
  });
  await page.getByTestId('compare-file').setInputFiles({
    name: 'series-org_2026-06-01_assessment.json', mimeType: 'application/json', buffer: Buffer.from(original),
  });
  await page.locator('#comparison-heading', { hasText: 'from the assessment from the file' }).waitFor();
  assert.equal(await page.getByTestId('link-series').count(), 0, 'a file is not a library entry to link');
  assert.equal(await changeRow(page, 'MFA-06').getAttribute('data-change'), 'improved');
  assert.deepEqual(foreignRequests(requests, ctx.server.origin), []);
  await context.close();
});
