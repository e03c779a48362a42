// End to end: the release build served on 127.0.0.1, driven in Chromium like a user would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  serveDist, launchBrowser, openPage, foreignRequests, axeViolations, screenshot,
} from './support.mjs';

let server;
let browser;

before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const score = (page) => page.getByTestId('overall-score').textContent();

test('answering questions changes the live score, without leaving the origin', async () => {
  const { context, page, requests, errors } = await openPage(browser);
  await page.goto(server.url);
  const questions = page.locator('[data-question-id]');
  await questions.first().waitFor();
  assert.ok((await questions.count()) >= 5, 'the slice lists several questions');
  assert.equal(await score(page), '0');

  // Answer every question "fully" by clicking its radio: the score never falls and reaches 100.
  const ids = await questions.evaluateAll((nodes) => nodes.map((n) => n.dataset.questionId));
  let previous = 0;
  for (const id of ids) {
    await page.locator(`[data-question-id="${id}"] input[type=radio][value=fully]`).check();
    const now = Number(await score(page));
    assert.ok(now >= previous, `score fell after answering ${id} (${previous} -> ${now})`);
    previous = now;
  }
  assert.ok(previous > 0);
  assert.equal(await score(page), '100');

  // Lowering one answer lowers the score again.
  await page.locator(`[data-question-id="${ids[0]}"] input[type=radio][value=none]`).check();
  assert.ok(Number(await score(page)) < 100);

  await screenshot(page, 'slice-answered');
  assert.deepEqual(foreignRequests(requests, server.origin), [], 'no request left the origin');
  assert.deepEqual(errors, [], 'no errors in the console');
  await context.close();
});

test('the profile hides questions that do not apply and says why', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(server.url);
  const azureQuestion = page.locator('[data-question-id="PRV-12"]');
  await azureQuestion.waitFor();
  await page.locator('[data-profile-id="azure"] input[value=no]').check();
  await azureQuestion.waitFor({ state: 'detached' });
  const hidden = page.locator('[data-hidden-id="PRV-12"]');
  assert.match(await hidden.textContent(), /You answered .No. to .Does your organisation run workloads in Azure/);
  await page.locator('[data-profile-id="azure"] input[value=yes]').check();
  await azureQuestion.waitFor();
  await context.close();
});

test('keyboard alone can answer a question', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(server.url);
  const first = page.locator('[data-question-id] input[type=radio]').first();
  await first.waitFor();
  await first.focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const checked = await page.locator('[data-question-id] input[type=radio]:checked').first();
  assert.equal(await checked.getAttribute('value'), 'fully');
  assert.notEqual(await score(page), '0');
  await context.close();
});

test('axe finds no accessibility violations', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(server.url);
  await page.locator('[data-question-id]').first().waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await page.locator('[data-question-id] input[type=radio][value=partial]').first().check();
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});
