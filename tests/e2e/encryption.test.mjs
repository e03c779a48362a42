// End to end: passphrase-protected files. Saved encrypted in the browser and decrypted by
// Debian's age tool; encrypted by the age tool and opened in the browser; a wrong passphrase and
// a file that is not what its name says leave the work untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage, foreignRequests, axeViolations, screenshot, servedApp } from './support.mjs';
import { Walkthrough } from './pages.mjs';

const ctx = servedApp();
const PASSPHRASE = 'four unrelated words here';

/** Runs Debian's age in a pseudo-terminal (it reads passphrases only from a terminal). */
function age(args, answers) {
  const run = spawnSync('script', ['-qec', `age ${args}`, '/dev/null'], { input: answers, encoding: 'utf8' });
  assert.equal(run.status, 0, `age ${args}: ${run.stdout} ${run.stderr}`);
}

async function startWork(page) {
  const app = new Walkthrough(page);
  await page.goto(ctx.server.url);
  await app.start();
  await app.fillDetails({ organisation: 'Sealed Org', assessor: 'Tester' });
  await app.toQuestions();
  const [first] = await app.questionIds();
  await app.answer(first, 'partial');
  await page.getByTestId('save-status').filter({ hasText: 'Saved in this browser' }).waitFor();
  return first;
}

async function toFileActions(page) {
  await page.locator('.family-nav button', { hasText: 'Saved assessments' }).click();
  await page.getByTestId('save-encrypted').click();
}

test('save encrypted, decrypt it with the age tool, open it again with the passphrase', async () => {
  const { context, page, requests } = await openPage(ctx.browser);
  const first = await startWork(page);
  await toFileActions(page);
  const status = page.getByTestId('crypt-status');

  // Too short, then typed differently: refused with the reason, nothing saved.
  await page.getByTestId('passphrase').fill('short');
  await page.getByTestId('passphrase-again').fill('short');
  await page.getByTestId('encrypt-submit').click();
  assert.match(await status.textContent(), /at least 12 characters/);
  await page.getByTestId('passphrase').fill(PASSPHRASE);
  await page.getByTestId('passphrase-again').fill(PASSPHRASE + '!');
  await page.getByTestId('encrypt-submit').click();
  assert.match(await status.textContent(), /not the same/);
  assert.match(await page.getByTestId('encrypt-form').textContent(), /cannot be recovered/);
  assert.deepEqual(await axeViolations(page), []);

  await page.getByTestId('passphrase-again').fill(PASSPHRASE);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('encrypt-submit').click(),
  ]);
  assert.match(download.suggestedFilename(), /^sealed-org_\d{4}-\d{2}-\d{2}_assessment\.json\.age$/);
  await status.filter({ hasText: 'saved to your downloads' }).waitFor();
  assert.equal(await page.getByTestId('passphrase').inputValue(), '', 'the passphrase is cleared');
  assert.equal(await page.getByTestId('passphrase-again').inputValue(), '');
  assert.ok(!page.url().includes(PASSPHRASE), 'never in the URL');
  await screenshot(page, 'save-encrypted');

  // The browser's file, decrypted outside the app by the age tool.
  const dir = mkdtempSync(join(tmpdir(), 'mbsa-age-'));
  const sealedPath = join(dir, download.suggestedFilename());
  await download.saveAs(sealedPath);
  const sealed = readFileSync(sealedPath);
  assert.ok(sealed.subarray(0, 22).toString() === 'age-encryption.org/v1\n');
  assert.ok(!sealed.includes(Buffer.from('Sealed Org')), 'nothing readable without the passphrase');
  const plainPath = join(dir, 'plain.json');
  age(`-d -o ${plainPath} ${sealedPath}`, `${PASSPHRASE}\n`);
  const plain = JSON.parse(readFileSync(plainPath, 'utf8'));
  assert.equal(plain.kind, 'midnight-blizzard-self-assessment');
  assert.equal(plain.assessment.details.organisation, 'Sealed Org');
  assert.equal(plain.assessment.answers[first].response.level, 'partial');

  // After a reload and a fresh start, the encrypted file opens with its passphrase.
  await page.reload();
  await page.getByTestId('start-new').click();
  await page.getByTestId('organisation').fill('Other work');
  const input = page.getByTestId('import-file');
  await page.locator('.family-nav button', { hasText: 'Saved assessments' }).click();
  await input.setInputFiles(sealedPath);
  const prompt = page.getByTestId('decrypt-form');
  await prompt.waitFor();
  await page.getByTestId('decrypt-passphrase').fill('not the passphrase at all');
  await page.getByTestId('decrypt-submit').click();
  await prompt.getByTestId('crypt-status').filter({ hasText: 'does not open the file' }).waitFor();
  assert.equal(await page.getByTestId('decrypt-passphrase').inputValue(), '', 'cleared after use');
  await page.locator('.family-nav button', { hasText: 'Details' }).click();
  assert.equal(await page.getByTestId('organisation').inputValue(), 'Other work', 'work untouched');
  assert.deepEqual(await axeViolations(page), []);

  await page.getByTestId('decrypt-passphrase').fill(PASSPHRASE);
  await page.getByTestId('decrypt-submit').click();
  await page.getByTestId('import-confirm').waitFor();
  assert.match(await page.getByTestId('import-confirm').textContent(), /Sealed Org/);
  await page.getByTestId('import-confirm-open').click();
  await page.locator('.family-nav button', { hasText: 'Details' }).click();
  assert.equal(await page.getByTestId('organisation').inputValue(), 'Sealed Org');
  // Undo goes back to the work the opening replaced.
  await page.getByTestId('undo-open').click();
  assert.equal(await page.getByTestId('organisation').inputValue(), 'Other work');
  assert.deepEqual(foreignRequests(requests, ctx.server.origin), []);
  await context.close();
});

test('a file encrypted by the age tool opens; bad encrypted files are refused plainly', async () => {
  const { context, page } = await openPage(ctx.browser);
  await startWork(page);
  await page.locator('.family-nav button', { hasText: 'Saved assessments' }).click();
  const dir = mkdtempSync(join(tmpdir(), 'mbsa-age-'));
  const plainPath = join(dir, 'theirs.json');
  const file = {
    kind: 'midnight-blizzard-self-assessment',
    version: 1,
    assessment: { details: { organisation: 'From age' } },
  };
  writeFileSync(plainPath, JSON.stringify(file));
  const sealedPath = join(dir, 'theirs.json.age');
  age(`-p -o ${sealedPath} ${plainPath}`, `${PASSPHRASE}\n${PASSPHRASE}\n`);
  const input = page.getByTestId('import-file');
  await input.setInputFiles(sealedPath);
  await page.getByTestId('decrypt-passphrase').fill(PASSPHRASE);
  await page.getByTestId('decrypt-submit').click();
  await page.getByTestId('import-confirm').filter({ hasText: 'From age' }).waitFor();
  await page.getByTestId('import-cancel').click();

  // Tampered: one byte of the contents changed.
  const tampered = readFileSync(sealedPath);
  tampered[tampered.length - 5] ^= 1;
  await input.setInputFiles({ name: 'tampered.json.age', mimeType: 'application/octet-stream', buffer: tampered });
  await page.getByTestId('decrypt-passphrase').fill(PASSPHRASE);
  await page.getByTestId('decrypt-submit').click();
  await page.getByTestId('crypt-status').filter({ hasText: 'changed or cut short' }).waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();

  // An absurd work factor is refused before any work.
  const hostile = readFileSync(sealedPath).toString('latin1').replace(/ (\d+)\n/, ' 40\n');
  await input.setInputFiles({ name: 'hostile.json.age', mimeType: 'application/octet-stream', buffer: Buffer.from(hostile, 'latin1') });
  await page.getByTestId('decrypt-passphrase').fill(PASSPHRASE);
  await page.getByTestId('decrypt-submit').click();
  await page.getByTestId('crypt-status').filter({ hasText: 'work factor 40' }).waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Named as encrypted, but plain JSON.
  await input.setInputFiles({ name: 'plain.json.age', mimeType: 'application/octet-stream', buffer: Buffer.from(JSON.stringify(file)) });
  assert.match(await page.getByTestId('import-error').textContent(), /ends in \.age.*not encrypted/);
  await page.locator('.family-nav button', { hasText: 'Details' }).click();
  assert.equal(await page.getByTestId('organisation').inputValue(), 'Sealed Org', 'work untouched');
  await context.close();
});
