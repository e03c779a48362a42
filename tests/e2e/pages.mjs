// Page object for the walk-through: the steps a person takes, expressed once for every journey.
import { readFile } from 'node:fs/promises';

/** The levels each answer type offers, worst first (as `AnswerType::levels` in the core). */
const LEVELS = {
  setting: ['none', 'fully'],
  action: ['none', 'partial', 'fully'],
  coverage: ['none', 'partial', 'largely', 'fully'],
};
const ORDER = ['none', 'partial', 'largely', 'fully'];

/** The highest level `type` offers that claims no more than `level`; other answers pass through. */
export function fit(type, level) {
  if (!ORDER.includes(level)) return level;
  return LEVELS[type].filter((l) => ORDER.indexOf(l) <= ORDER.indexOf(level)).pop();
}

/** The report formats and the test id of each download button. */
export const DOWNLOADS = ['html', 'json', 'csv', 'md', 'oscal', 'xlsx', 'docx'];

export class Walkthrough {
  constructor(page) {
    this.page = page;
  }

  score() {
    return this.page.getByTestId('overall-score').textContent();
  }

  heading() {
    return this.page.locator('#main .page-heading').textContent();
  }

  async start() {
    await this.page.getByTestId('start-new').click();
    await this.page.getByTestId('organisation').waitFor();
  }

  async fillDetails({ organisation, assessor, assessedOn, notifiedOn }) {
    await this.page.getByTestId('organisation').fill(organisation);
    await this.page.getByTestId('assessor').fill(assessor);
    if (assessedOn) await this.page.getByTestId('assessed-on').fill(assessedOn);
    if (notifiedOn) await this.page.getByTestId('notified-on').fill(notifiedOn);
  }

  async chooseProfile(answers) {
    for (const [question, option] of Object.entries(answers)) {
      await this.page.locator(`[data-profile-id="${question}"] input[value="${option}"]`).check();
    }
  }

  async toQuestions() {
    await this.page.getByTestId('to-questions').click();
    await this.page.locator('[data-question-id]').first().waitFor();
  }

  questionIds() {
    return this.page
      .locator('[data-question-id]')
      .evaluateAll((nodes) => nodes.map((n) => n.dataset.questionId));
  }

  answerType(id) {
    return this.page.locator(`[data-question-id="${id}"]`).getAttribute('data-answer-type');
  }

  /** The first question on the page that takes `type` answers. */
  async firstOfType(type) {
    return this.page.locator(`[data-answer-type="${type}"]`).first().getAttribute('data-question-id');
  }

  async answer(id, value) {
    await this.page.locator(`[data-question-id="${id}"] input[type=radio][value="${value}"]`).check();
  }

  /** Answers every applicable question of every family page with `choose(id, type)`, ending on the summary. */
  async answerAll(choose) {
    for (;;) {
      for (const id of await this.questionIds()) await this.answer(id, choose(id, await this.answerType(id)));
      const isLast = (await this.heading()).startsWith('Incident response');
      await this.page.getByTestId('next').click();
      if (isLast) break;
    }
  }

  /** Clicks every download button on the results page; returns { kind: { name, path, text } }. */
  async downloadAll() {
    const files = {};
    for (const kind of DOWNLOADS) {
      const [download] = await Promise.all([
        this.page.waitForEvent('download'),
        this.page.getByTestId(`download-${kind}`).click(),
      ]);
      const path = await download.path();
      const bytes = await readFile(path);
      files[kind] = { name: download.suggestedFilename(), path, bytes, text: bytes.toString('utf8') };
    }
    return files;
  }

  /**
   * From a page with the file panel: saves the work encrypted with `passphrase`, opens the file
   * again with it, and leaves the confirmation showing. Returns the encrypted file's name.
   */
  async encryptedRoundTrip(passphrase) {
    await this.page.getByTestId('save-encrypted').click();
    await this.page.getByTestId('passphrase').fill(passphrase);
    await this.page.getByTestId('passphrase-again').fill(passphrase);
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('encrypt-submit').click(),
    ]);
    const sealed = await readFile(await download.path());
    await this.page.getByTestId('import-file').setInputFiles({
      name: download.suggestedFilename(), mimeType: 'application/octet-stream', buffer: sealed,
    });
    await this.page.getByTestId('decrypt-passphrase').fill(passphrase);
    await this.page.getByTestId('decrypt-submit').click();
    await this.page.getByTestId('import-confirm').waitFor();
    return download.suggestedFilename();
  }

  /** Presses Tab until the focused element satisfies `test` (run in the page); fails after `limit`. */
  async tabUntil(test, arg, limit = 60) {
    for (let i = 0; i < limit; i += 1) {
      await this.page.keyboard.press('Tab');
      if (await this.page.evaluate(test, arg)) return;
    }
    throw new Error(`Tab never reached the wanted element after ${limit} presses`);
  }

  /** Keyboard only: Tab into question `id`'s radio group, Space to select, arrows to `steps` further. */
  async answerByKeyboard(id, steps) {
    await this.tabUntil(
      (qid) => document.activeElement?.matches(`[data-question-id="${qid}"] input[type=radio]`),
      id,
    );
    await this.page.keyboard.press('Space');
    for (let i = 0; i < steps; i += 1) await this.page.keyboard.press('ArrowRight');
  }

  /** Keyboard only: Tab to a button with the given data-testid and press Enter. */
  async pressButtonByKeyboard(testid) {
    await this.tabUntil(
      (tid) => document.activeElement?.getAttribute('data-testid') === tid,
      testid,
      400,
    );
    await this.page.keyboard.press('Enter');
  }
}
