// End to end: the results page shows score and tier with what holds it, the family chart with its
// numbers in text, the ranked plan with filters, and risk acceptance.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, axeViolations, screenshot, servedApp } from './support.mjs';
import { Walkthrough } from './pages.mjs';

const ctx = servedApp();

test('results: score, tier with gating answers, chart numbers, plan filters and risk acceptance', async () => {
  const { context, page } = await openPage(ctx.browser);
  const app = new Walkthrough(page);
  await page.goto(ctx.server.url);
  await app.start();
  await app.fillDetails({ organisation: 'Results Org', assessor: 'Tester', notifiedOn: '2024-04-02' });
  await app.chooseProfile({ m365: 'yes', ms_correspondence: 'yes', entra_licence: 'm365-e5' });
  await app.toQuestions();
  // Everything fully in place on every page except MFA-01, which is left "partly".
  for (;;) {
    for (const id of await app.questionIds()) {
      await app.answer(id, id === 'MFA-01' ? 'partial' : 'fully');
    }
    const isLast = (await app.heading()).startsWith('Incident response');
    await page.getByTestId('next').click();
    if (isLast) break;
  }
  await page.getByTestId('to-results').click();
  await page.locator('#main .page-heading', { hasText: 'Results' }).waitFor();

  assert.match(await page.getByTestId('tier').textContent(), /Tier 0 of 4: Exposed/);
  const gating = page.locator('[data-gating-id]');
  assert.equal(await gating.count(), 1, 'exactly one answer holds the tier');
  assert.match(await gating.first().textContent(), /MFA-01.*now: Partly in place; needed: at least Largely in place/);
  assert.match(await page.getByTestId('results-score').textContent(), /^99 \/ 100$/);
  assert.match(await page.getByTestId('family-scores').textContent(), /MFA and password-spray defence.*\/ 100/);

  const plan = page.getByTestId('plan');
  assert.match(await page.getByTestId('plan-count').textContent(), /Showing 1 of 1 actions/);
  const action = plan.locator('[data-action-id="MFA-01"]');
  assert.match(await action.textContent(), /Do now|#1/);
  // What each select displays is what it filters by: "All" while the whole plan is shown.
  const shown = (testId) => page.getByTestId(testId).evaluate((s) => s.selectedOptions[0].textContent);
  for (const id of ['filter-horizon', 'filter-severity', 'filter-status']) {
    assert.equal(await shown(id), 'All', id);
  }
  assert.equal(await action.getByTestId('action-status').evaluate((s) => s.selectedOptions[0].textContent), 'Open');
  await page.getByTestId('filter-severity').selectOption('Medium');
  assert.equal(await shown('filter-severity'), 'Medium');
  assert.match(await page.getByTestId('plan-count').textContent(), /Showing 0 of 1 actions/);
  // Leaving the page and coming back keeps the filter, and the select still shows it.
  await page.locator('.family-nav button', { hasText: 'Summary' }).click();
  await page.locator('.family-nav button', { hasText: 'Results' }).click();
  assert.equal(await shown('filter-severity'), 'Medium');
  assert.match(await page.getByTestId('plan-count').textContent(), /Showing 0 of 1 actions/);
  await page.getByTestId('filter-severity').selectOption('');
  assert.equal(await shown('filter-severity'), 'All');

  await action.getByRole('button', { name: /Accept as a risk/ }).click();
  await action.getByRole('button', { name: 'Record the acceptance' }).click();
  assert.match(await action.textContent(), /Give a justification, an approver and an expiry date/);
  await page.locator('#accept-MFA-01-justification').fill('Legacy kiosk accounts until March');
  await page.locator('#accept-MFA-01-approver').fill('CISO');
  await page.locator('#accept-MFA-01-expires').fill('2099-03-31');
  await action.getByRole('button', { name: 'Record the acceptance' }).click();
  const risks = page.getByTestId('accepted-risks');
  assert.match(await risks.textContent(), /MFA-01.*Legacy kiosk accounts until March.*CISO.*2099-03-31/);
  assert.equal(await plan.locator('[data-action-id="MFA-01"]').count(), 0, 'accepted risks leave the open plan');
  assert.match(await page.getByTestId('tier').textContent(), /Exposed/, 'an accepted risk still gates');
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'results');
  await context.close();
});
