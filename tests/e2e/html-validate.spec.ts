// Zero HTML validation errors: every page in dist/ checked by html-validate with the project's rules
// (.htmlvalidate.mjs, where each relaxed rule says why). Reads files only; no browser.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { expect, test } from '@playwright/test';
import config from '../../.htmlvalidate.mjs';

const dist = join(import.meta.dirname, '..', '..', 'dist');

test('every page in dist/ is valid HTML', async () => {
  test.setTimeout(180_000);
  expect(existsSync(dist), 'dist/ is missing: run `npm run build` first').toBe(true);
  const files = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const validator = new HtmlValidate(config);
  const errors: string[] = [];
  for (const file of files) {
    const report = await validator.validateString(readFileSync(file, 'utf8'), relative(dist, file));
    for (const result of report.results) {
      for (const m of result.messages) errors.push(`${result.filePath}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
    }
  }
  console.log(`html-validate: ${files.length} pages, ${errors.length} error(s)`);
  expect(errors.slice(0, 40), `${errors.length} validation error(s)`).toEqual([]);
});
