import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/lib/pipeline/problems.ts';
import { buildDataset } from '../../src/lib/pipeline/run.ts';
import { fixtureFile, fixtures, miniDataset } from './helpers.ts';

// Each tests/fixtures/bad/<name>.csv is an observations file added to the valid mini dataset;
// <name>.expected lists, exactly and in order, the messages the pipeline must print for it.
const cases = readdirSync(join(fixtures, 'bad')).filter((f) => f.endsWith('.csv')).sort();

describe('bad-input corpus', () => {
  test('the corpus is not empty', () => expect(cases.length).toBeGreaterThan(15));
  test.each(cases)('%s reports its exact messages and fails the build', (name) => {
    const file = fixtureFile(`bad/${name}`);
    const { dataset, problems } = buildDataset(miniDataset([file]));
    const messages = problems.filter((p) => p.file === file.path).map(formatProblem);
    const expected = readFileSync(join(fixtures, 'bad', name.replace(/\.csv$/, '.expected')), 'utf8').trim().split('\n');
    expect(messages).toEqual(expected);
    expect(dataset).toBeNull();
  });
});
