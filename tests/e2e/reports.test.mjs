// End to end: every report downloads with the right name and content (the Excel and Word files
// read back by openpyxl and python-docx), the HTML report opens from file:// showing the
// organisation and score without any request, and both the results page and the report print to
// PDF on A4 and Letter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openPage, foreignRequests, servedApp, officeSummary } from './support.mjs';
import { Walkthrough, fit } from './pages.mjs';

const ctx = servedApp();

const HOSTILE = '<script>alert(1)</script> =SUM(A1) "Q"';

test('every format downloads, the HTML report stands alone offline, and pages print', async () => {
  const { context, page, requests } = await openPage(ctx.browser);
  const app = new Walkthrough(page);
  await page.goto(ctx.server.url);
  await app.start();
  await app.fillDetails({ organisation: 'Report Org', assessor: HOSTILE, assessedOn: '2024-05-01', notifiedOn: '2024-04-02' });
  await app.toQuestions();
  await app.answerAll((id, type) => fit(type, id.startsWith('MFA') ? 'partial' : 'largely'));
  await page.getByTestId('to-results').click();
  const score = (await page.getByTestId('results-score').textContent()).split(' ')[0];
  const label = page.getByTestId('confidentiality-label');
  assert.equal(await label.inputValue(), 'Confidential', 'the Word report is labelled unless changed');
  await label.fill('Board & auditors only <b>');

  const files = await app.downloadAll();
  assert.deepEqual(
    Object.fromEntries(Object.entries(files).map(([k, f]) => [k, f.name])),
    {
      html: 'report-org_2024-05-01_report.html',
      json: 'report-org_2024-05-01_assessment.json',
      csv: 'report-org_2024-05-01_action-plan.csv',
      md: 'report-org_2024-05-01_summary.md',
      oscal: 'report-org_2024-05-01_oscal-assessment-results.json',
      xlsx: 'report-org_2024-05-01_action-plan.xlsx',
      docx: 'report-org_2024-05-01_report.docx',
    },
  );
  const workbook = officeSummary('xlsx', files.xlsx.path);
  assert.deepEqual(workbook.sheets, ['Action plan', 'Accepted risks', 'Answers', 'About']);
  assert.equal(workbook.about.Organisation, 'Report Org');
  assert.equal(workbook.about.Assessor, HOSTILE, 'typed text is a text cell, as typed');
  assert.equal(String(workbook.about.Score), score, 'the workbook has the score the page shows');
  assert.equal(workbook.frozen, 'A2');
  assert.equal(workbook.formulas, 0, 'no cell is a formula');
  assert.ok(workbook.actions > 0 && workbook.validations.includes(`O2:O${workbook.actions + 1}`), 'status drop-down on every action');
  const document = officeSummary('docx', files.docx.path);
  assert.equal(document.headings[0], 'Executive summary');
  assert.equal(document.headings.at(-1), 'Approval');
  assert.match(document.header, /Report Org · assessment of 2024-05-01 · Board & auditors only <b>/);
  assert.match(document.footer, /Board & auditors only <b> · Page/);
  assert.ok(document.texts.includes(HOSTILE), 'typed text appears as text in the Word report');
  assert.equal(document.repeated_headers, document.tables, 'every table repeats its header row');
  assert.equal(JSON.parse(files.json.text).assessment.details.organisation, 'Report Org');
  assert.ok(JSON.parse(files.oscal.text)['assessment-results'].results.length >= 1);
  assert.ok(files.csv.text.startsWith('\uFEFFrank,id,title,action'), 'CSV with a byte-order mark and a header row');
  assert.match(files.md.text, /Report Org/);

  // The HTML report, opened from disk, shows the organisation and the score and loads nothing.
  const folder = await mkdtemp(join(tmpdir(), 'report-'));
  const copy = join(folder, files.html.name);
  await copyFile(files.html.path, copy);
  const offline = await openPage(ctx.browser);
  await offline.page.goto(pathToFileURL(copy).href);
  const body = await offline.page.locator('body').textContent();
  assert.match(body, /Report Org/);
  assert.ok(body.includes(`${score}`), `the report shows the score ${score}`);
  assert.ok(body.includes(HOSTILE), 'typed text appears as text');
  assert.equal(await offline.page.locator('script').count(), 0, 'the report has no scripts');
  assert.deepEqual(offline.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), []);
  await mkdir('test-artifacts', { recursive: true });
  for (const format of ['A4', 'Letter']) {
    const pdf = await offline.page.pdf({ format, printBackground: true });
    assert.ok(pdf.length > 10_000, `report prints to ${format}`);
    await writeFile(`test-artifacts/report-${format}.pdf`, pdf);
  }
  await offline.context.close();

  // The results page itself prints too.
  for (const format of ['A4', 'Letter']) {
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format });
    assert.ok(pdf.length > 10_000, `results print to ${format}`);
    await writeFile(`test-artifacts/results-${format}.pdf`, pdf);
  }
  assert.deepEqual(foreignRequests(requests, ctx.server.origin), []);
  await context.close();
});

test('the on-demand module (guidance and report generator) loads only after the first screen, and a failed load is explained and retried', async () => {
  const { context, page, requests } = await openPage(ctx.browser);
  const app = new Walkthrough(page);
  const generator = (url) => url.includes('/reports/assessment-reports');
  let refuse = true;
  await page.route((url) => generator(url.href), (route) => (refuse ? route.abort() : route.continue()));
  await page.goto(ctx.server.url);
  await page.getByTestId('start-new').waitFor();
  assert.deepEqual(requests.filter(generator), [], 'the first screen loads nothing of the module');

  // Leaving the first screen asks for the guidance; refused, the person is told, in words.
  await app.start();
  await page.getByText('The explanations of the questions').waitFor();
  assert.ok(requests.some(generator), 'leaving the first screen asked for the module');
  await app.fillDetails({ organisation: 'Lazy Org', assessor: 'A', assessedOn: '2024-05-01', notifiedOn: '' });
  await app.toQuestions();
  await app.answerAll((id, type) => fit(type, 'largely'));
  await page.getByTestId('to-results').click();

  // The generator cannot be fetched: the user is told, in words, and the work is untouched.
  await page.getByTestId('download-csv').click();
  const status = page.getByTestId('download-status');
  await status.getByText('could not be made').waitFor();

  // The assessment file needs no generator.
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
  assert.equal(json.suggestedFilename(), 'lazy-org_2024-05-01_assessment.json');

  // Once the generator can be fetched, the next click loads it and the file arrives.
  refuse = false;
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  assert.equal(csv.suggestedFilename(), 'lazy-org_2024-05-01_action-plan.csv');
  assert.equal((await status.textContent()).trim(), '', 'the status clears when the file is ready');
  assert.deepEqual(foreignRequests(requests, ctx.server.origin), []);
  await context.close();
});
