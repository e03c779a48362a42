// End to end in Firefox ESR (Debian's package, driven through geckodriver): the one-file edition
// opened from file:// walks through, autosaves, survives a reload, and downloads the work; the
// hosted build, served under a sub-path, loads its report generator on the first download.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveDist } from './support.mjs';
import { startFirefox } from './webdriver.mjs';

let firefox;
let fileUrl;
let downloads;

before(async () => {
  const folder = await mkdtemp(join(tmpdir(), 'ff-usb-'));
  downloads = await mkdtemp(join(tmpdir(), 'ff-downloads-'));
  const copy = join(folder, 'assessment.html');
  await copyFile(resolve(process.env.SINGLE_FILE ?? 'dist-single/midnight-blizzard-self-assessment.html'), copy);
  fileUrl = pathToFileURL(copy).href;
  firefox = await startFirefox({
    geckodriver: process.env.GECKODRIVER ?? 'geckodriver',
    firefox: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    downloadDir: downloads,
  });
});

after(async () => {
  await firefox?.quit();
});

test('Firefox: the one-file edition from file:// answers, autosaves, reloads and downloads', async () => {
  await firefox.goto(fileUrl);
  assert.match(await firefox.text('[data-testid=version]'), /one-file edition/);
  await firefox.click('[data-testid=start-new]');
  await firefox.type('[data-testid=organisation]', 'Firefox Org');
  await firefox.click('[data-testid=to-questions]');
  const first = await firefox.script('return document.querySelector("[data-question-id]").dataset.questionId');
  await firefox.click(`[data-question-id="${first}"] input[value=fully]`);
  assert.notEqual(await firefox.text('[data-testid=overall-score]'), '0');
  // The autosave writes a quarter of a second after the last change.
  await firefox.waitForText('[data-testid=save-status]', /Saved in this browser/);

  await firefox.refresh();
  await firefox.click('[data-testid=continue]');
  await firefox.click('[data-testid=to-questions]');
  const kept = await firefox.script(
    'return document.querySelector(arguments[0]).checked',
    [`[data-question-id="${first}"] input[value=fully]`],
  );
  assert.equal(kept, true, 'the answer survived the reload');

  await firefox.script('document.querySelectorAll(".family-nav button").forEach((b) => { if (b.textContent.includes("Saved assessments")) b.click(); })');
  await firefox.click('[data-testid=save-file]');
  let files = [];
  for (let i = 0; i < 100 && !files.some((f) => f.endsWith('.json')); i += 1) {
    await new Promise((done) => setTimeout(done, 100));
    files = await readdir(downloads);
  }
  const name = files.find((f) => f.endsWith('.json'));
  assert.match(name ?? '', /^firefox-org_\d{4}-\d{2}-\d{2}_assessment\.json$/);
  const saved = JSON.parse(await readFile(join(downloads, name), 'utf8'));
  assert.equal(saved.assessment.answers[first].response.level, 'fully');

  // The results page and a report download work too.
  await firefox.script('document.querySelectorAll(".family-nav button").forEach((b) => { if (b.textContent.trim() === "Results") b.click(); })');
  assert.match(await firefox.text('[data-testid=tier]'), /Tier \d of 4/);
  await firefox.click('[data-testid=download-html]');
  let report;
  for (let i = 0; i < 100 && !report; i += 1) {
    await new Promise((done) => setTimeout(done, 100));
    report = (await readdir(downloads)).find((f) => f.endsWith('_report.html'));
  }
  assert.match(await readFile(join(downloads, report), 'utf8'), /Firefox Org/);
});

test('Firefox: the hosted build under a sub-path loads the report generator and downloads a report', async () => {
  const server = await serveDist(process.env.DIST_DIR ?? 'dist', '/tools/assessment/');
  try {
    await firefox.goto(server.url);
    assert.match(await firefox.text('[data-testid=version]'), /hosted/);
    await firefox.click('[data-testid=start-new]');
    await firefox.type('[data-testid=organisation]', 'Hosted Fox');
    await firefox.click('[data-testid=to-questions]');
    await firefox.script('document.querySelectorAll(".family-nav button").forEach((b) => { if (b.textContent.trim() === "Results") b.click(); })');
    await firefox.click('[data-testid=download-csv]');
    let plan;
    for (let i = 0; i < 100 && !plan; i += 1) {
      await new Promise((done) => setTimeout(done, 100));
      plan = (await readdir(downloads)).find((f) => f.startsWith('hosted-fox_') && f.endsWith('_action-plan.csv'));
    }
    assert.ok(plan, `no action plan arrived; status: ${await firefox.text('[data-testid=download-status]')}`);
    assert.match(await readFile(join(downloads, plan), 'utf8'), /^\uFEFFrank,id,title,action/);
  } finally {
    await server.close();
  }
});
