// End to end: the guided walk-through in Chromium against the release build on 127.0.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, foreignRequests, axeViolations, screenshot, servedApp } from './support.mjs';
import { Walkthrough } from './pages.mjs';

const ctx = servedApp();

const PROFILE = {
  m365: 'yes',
  entra_licence: 'm365-e3',
  azure: 'no',
  hybrid: 'yes',
  exchange_onprem: 'no',
  ms_correspondence: 'yes',
  ms_notified: 'no',
  msp_provider: 'no',
  msp_customer: 'yes',
  defender_apps: 'no',
};

test('a keyboard-only walk-through reaches the summary with every question answered', async () => {
  const { context, page, requests, errors } = await openPage(ctx.browser);
  const app = new Walkthrough(page);
  await page.goto(ctx.server.url);
  await page.getByTestId('start-new').waitFor();
  const started = Date.now();

  // Start, details and profile, all from the keyboard.
  await app.pressButtonByKeyboard('start-new');
  await app.tabUntil(() => document.activeElement?.id === 'organisation');
  await page.keyboard.type('Example Health Trust');
  await page.keyboard.press('Tab');
  await page.keyboard.type('A. Assessor');
  for (const [question, option] of Object.entries(PROFILE)) {
    await app.tabUntil(
      (q) => document.activeElement?.matches(`[data-profile-id="${q}"] input[type=radio]`),
      question,
    );
    const values = await page
      .locator(`[data-profile-id="${question}"] input[type=radio]`)
      .evaluateAll((nodes) => nodes.map((n) => n.value));
    await page.keyboard.press('Space');
    for (let i = 0; i < values.indexOf(option); i += 1) await page.keyboard.press('ArrowRight');
    assert.equal(
      await page.locator(`[data-profile-id="${question}"] input:checked`).getAttribute('value'),
      option,
    );
  }
  await app.pressButtonByKeyboard('to-questions');

  // Every family page: answer each question by keyboard (Space = the worst level, each arrow one
  // level up), cycling through the levels the question's type offers.
  let answered = 0;
  for (;;) {
    await page.locator('#main .page-heading').waitFor();
    for (const id of await app.questionIds()) {
      const levels = (await page.locator(`[data-question-id="${id}"] input[type=radio]`).count()) - 2;
      await app.answerByKeyboard(id, answered % levels);
      answered += 1;
    }
    const isLast = (await app.heading()).startsWith('Incident response');
    await app.pressButtonByKeyboard('next');
    if (isLast) break;
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(`keyboard walk-through: ${answered} questions answered in ${seconds.toFixed(1)} s`);

  assert.equal(await app.heading(), 'Summary');
  assert.equal(
    await page.getByTestId('summary-status').textContent(),
    'You have answered every applicable question.',
  );
  const progress = await page.getByTestId('progress').textContent();
  assert.match(progress, new RegExp(`${answered} of ${answered} applicable questions answered`));
  assert.ok(answered >= 60 && answered < 96, `a typical profile sees ${answered} questions`);
  await screenshot(page, 'summary');
  assert.deepEqual(foreignRequests(requests, ctx.server.origin), [], 'no request left the origin');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the first Tab reaches the skip link, which moves focus to the main content', async () => {
  const { context, page } = await openPage(ctx.browser);
  await page.goto(ctx.server.url);
  await page.getByTestId('start-new').waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  await context.close();
});

test('answering changes the live score and unanswered questions look different', async () => {
  const { context, page } = await openPage(ctx.browser);
  const app = new Walkthrough(page);
  await page.goto(ctx.server.url);
  await app.start();
  await app.toQuestions();
  const [first, second] = await app.questionIds();
  assert.equal(await app.score(), '0');
  assert.match(await page.locator(`[data-question-id="${first}"]`).getAttribute('class'), /unanswered/);
  await app.answer(first, 'fully');
  const after = Number(await app.score());
  assert.ok(after > 0);
  assert.match(await page.locator(`[data-question-id="${first}"]`).getAttribute('class'), /\banswered/);
  await app.answer(second, 'dont-know');
  assert.equal(Number(await app.score()), after, "don't know adds nothing");
  await app.answer(first, 'none');
  assert.equal(await app.score(), '0');
  await context.close();
});

test('the profile hides questions that do not apply and says why', async () => {
  const { context, page } = await openPage(ctx.browser);
  const app = new Walkthrough(page);
  await page.goto(ctx.server.url);
  await app.start();
  await app.chooseProfile({ azure: 'no' });
  const hidden = page.locator('[data-hidden-id="PRV-12"]');
  assert.match(
    await hidden.textContent(),
    /You answered .No. to .Does your organisation run workloads in Azure/,
  );
  await context.close();
});

test('axe finds no violations on any page type, in light and dark, wide and narrow', async () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [1280, 360]) {
      const { context, page } = await openPage(ctx.browser);
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 900 });
      const app = new Walkthrough(page);
      const tag = `${colorScheme}-${width}`;
      await page.goto(ctx.server.url);
      await page.getByTestId('start-new').waitFor();
      assert.deepEqual(await axeViolations(page), [], `start ${tag}`);
      await screenshot(page, `start-${tag}`);

      await app.start();
      await app.fillDetails({ organisation: 'Example', assessor: 'Me', notifiedOn: '2024-04-11' });
      await app.chooseProfile({ azure: 'no', ms_correspondence: 'yes' });
      assert.deepEqual(await axeViolations(page), [], `details ${tag}`);
      await screenshot(page, `details-${tag}`);

      await app.toQuestions();
      const [first, second] = await app.questionIds();
      await app.answer(first, 'partial');
      await app.answer(second, 'not-applicable');
      await page.locator(`[data-question-id="${first}"] details summary`).first().click();
      await page.locator(`[data-question-id="${first}"] .record summary`).click();
      assert.deepEqual(await axeViolations(page), [], `family ${tag}`);
      await screenshot(page, `family-${tag}`);

      await page.locator('.family-nav button', { hasText: 'Summary' }).click();
      await page.locator('#main .page-heading', { hasText: 'Summary' }).waitFor();
      assert.deepEqual(await axeViolations(page), [], `summary ${tag}`);
      await screenshot(page, `summary-${tag}`);

      await page.locator('.family-nav button', { hasText: 'First pass' }).click();
      const quick = page.locator('[data-testid=first-pass-questions] [data-question-id]');
      await quick.first().waitFor();
      await quick.first().locator('.terms summary, details summary').first().click();
      assert.deepEqual(await axeViolations(page), [], `first pass ${tag}`);
      await screenshot(page, `first-pass-${tag}`);

      await page.locator('.family-nav button', { hasText: 'Glossary' }).click();
      await page.getByTestId('glossary').waitFor();
      assert.deepEqual(await axeViolations(page), [], `glossary ${tag}`);
      await screenshot(page, `glossary-${tag}`);
      await context.close();
    }
  }
});

test('the first pass gives a provisional result and carries every answer into the full assessment', async () => {
  const { context, page } = await openPage(ctx.browser);
  const app = new Walkthrough(page);
  await page.goto(ctx.server.url);
  await page.getByTestId('first-pass').click();
  await app.chooseProfile({ m365: 'yes', entra_licence: 'business-premium', azure: 'no', organisation: 'public-school' });
  const ids = await page
    .locator('[data-testid=first-pass-questions] [data-question-id]')
    .evaluateAll((nodes) => nodes.map((n) => n.dataset.questionId));
  assert.ok(ids.length >= 10 && ids.length <= 25, `${ids.length} first-pass questions`);
  for (const id of ids) await app.answer(id, 'fully');
  assert.equal(
    await page.getByTestId('provisional-score').textContent(),
    `Provisional score: 100 out of 100, over the ${ids.length} first-pass questions (${ids.length} answered).`,
  );
  assert.match(await page.getByTestId('provisional-tier').textContent(), /^Provisional tier: Tier \d of 4: /);
  await screenshot(page, 'first-pass-answered');

  await page.getByTestId('continue-full').click();
  await page.getByTestId('to-questions').click();
  await page.locator('.family-nav button', { hasText: 'Results' }).click();
  const overall = Number((await page.getByTestId('results-score').textContent()).split(' ')[0]);
  assert.ok(overall > 0 && overall < 100, `the full score counts the rest too: ${overall}`);
  // Every first-pass answer is there on its family page.
  await page.locator('.family-nav button', { hasText: 'Exposure review' }).click();
  for (;;) {
    for (const id of await app.questionIds()) {
      if (ids.includes(id)) {
        assert.equal(await page.locator(`[data-question-id="${id}"] input[value=fully]`).isChecked(), true, id);
      }
    }
    const isLast = (await app.heading()).startsWith('Incident response');
    await page.getByTestId('next').click();
    if (isLast) break;
  }
  await context.close();
});
