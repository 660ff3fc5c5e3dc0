import { describe, expect, test } from 'vitest';
import { loadDataFiles } from '../../scripts/lib/files.ts';
import { formatProblem } from '../../src/lib/pipeline/problems.ts';
import { buildDataset } from '../../src/lib/pipeline/run.ts';
import { buildDownloads } from '../../src/lib/pipeline/downloads.ts';
import { parseCsv } from '../../src/lib/csv.ts';

// Invariants of the real dataset in data/: they hold for any correct future version of it.
const { dataset, problems } = buildDataset(loadDataFiles());

describe('the real dataset', () => {
  test('builds without errors', () => {
    expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    expect(dataset).not.toBeNull();
  });
  const d = dataset!;
  const pre = d.units.filter((u) => u.era === 'pre-2025' || (u.era === 'current' && u.valid_from === ''));
  const current = d.units.filter((u) => u.era === 'current');

  test('has the 63 pre-2025 and the 34 current provinces', () => {
    expect(pre).toHaveLength(63);
    expect(current).toHaveLength(34);
  });
  test('every pre-2025 province has exactly one successor', () => {
    for (const u of pre) expect(d.lineage.filter((l) => l.from === u.id), u.id).toHaveLength(1);
  });
  test('every current province has at least one predecessor, and codes are unique within each map', () => {
    for (const u of current) expect(d.lineage.filter((l) => l.to === u.id).length, u.id).toBeGreaterThanOrEqual(1);
    expect(new Set(pre.map((u) => u.code)).size).toBe(63);
    expect(new Set(current.map((u) => u.code)).size).toBe(34);
  });
  test('every source is used', () => {
    expect(problems.filter((p) => p.rule === 'source-unused').map(formatProblem)).toEqual([]);
  });
  test('every province of the 63-province map has a seat from a source (centrally-run cities have none)', () => {
    const provinces = pre.filter((u) => u.type === 'province');
    expect(provinces).toHaveLength(57);
    for (const u of provinces) expect(d.seats.some((s) => s.unit === u.id), u.id).toBe(true);
    for (const s of d.seats) expect(pre.find((u) => u.id === s.unit)?.type, s.unit).toBe('province');
  });
  test('the published files keep what datapackage.json declares: enums, patterns, dates', () => {
    const files = buildDownloads(d);
    const pkg = JSON.parse(files.get('datapackage.json')!);
    for (const r of pkg.resources) {
      const rows = parseCsv(files.get(r.path)!).rows;
      for (const f of r.schema.fields as { name: string; type: string; constraints?: { enum?: string[]; pattern?: string } }[]) {
        for (const row of rows) {
          const v = row.cells[f.name];
          if (v === '' || v === undefined) continue;
          if (f.constraints?.enum) expect(f.constraints.enum, `${r.name}.${f.name}`).toContain(v);
          if (f.constraints?.pattern) expect(v, `${r.name}.${f.name}`).toMatch(new RegExp(`^(?:${f.constraints.pattern})$`));
          if (f.type === 'date') expect(v, `${r.name}.${f.name}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (f.type === 'integer') expect(v, `${r.name}.${f.name}`).toMatch(/^-?\d+$/);
        }
      }
    }
  });
  test('every observation has a source and a locator', () => {
    const ids = new Set(d.sources.map((s) => s.id));
    for (const o of d.observations) {
      expect(ids.has(o.source), o.id).toBe(true);
      expect(o.locator, o.id).not.toBe('');
    }
  });
  test('commune totals: each national total equals the provinces\u2019 sum, or the gap is reported', () => {
    const checks = d.nationalChecks.filter((c) => c.metric === 'communes');
    expect(checks.length).toBeGreaterThan(0);
    for (const c of checks) {
      if (c.covered === c.of) {
        const warned = problems.some((p) => p.rule === 'national-sum-mismatch' && p.message.includes(`on ${c.date} `));
        expect(c.difference === 0 || warned, `${c.date}: ${c.national} vs ${c.sum}`).toBe(true);
      } else {
        // Partial coverage: the site shows "k of n" next to the total; the sum must not exceed it.
        expect(c.sum, c.date).toBeLessThanOrEqual(c.national);
      }
    }
  });
  test('the after-arrangement commune counts of all 34 provinces add up to the national 3,321', () => {
    const after = current.map((u) => d.observations.find((o) => o.unit === u.id && o.metric === 'communes' && o.date === '2025-07-01'));
    expect(after.every(Boolean)).toBe(true);
    expect(after.reduce((s, o) => s + o!.value, 0)).toBe(3321);
  });
  test('all text is NFC', () => {
    const json = JSON.stringify(d);
    expect(json.normalize('NFC')).toBe(json);
  });
  test('notes speak to readers: no working files or tools of ours', () => {
    const internal = /search tool|công cụ tìm kiếm|pages corpus|kho pages|\b\d{3}_[0-9a-f]{16}\.txt|\bhelper\b|\bstaging\b|\bpublished =/i;
    // A source's id ("pop-xemtinviet-63-provinces-2023") means nothing to a reader: name the source instead.
    const ids = new Set(d.sources.map((x) => x.id));
    const namesAnId = (text: string) => (text.match(/[a-z0-9]+(?:-[a-z0-9]+){2,}/g) ?? []).some((w) => ids.has(w));
    const notes = [...d.sources, ...d.observations, ...d.events].flatMap((r) => [['note', r.id, r.note], ['note_vi', r.id, 'note_vi' in r ? r.note_vi : '']]);
    expect(notes.filter(([, , text]) => internal.test(text) || namesAnId(text)).map(([col, id]) => `${id} ${col}`)).toEqual([]);
  });
  test('English event titles name provinces as the English pages do ("Tay Ninh", not "Tây Ninh")', () => {
    const names = d.units.filter((u) => u.name_vi !== u.name_en).map((u) => u.name_vi);
    const vietnameseName = (title: string) => names.find((n) => new RegExp(`(?<![\\p{L}])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(title));
    expect(d.events.filter((e) => vietnameseName(e.title_en)).map((e) => `${e.id}: ${vietnameseName(e.title_en)}`)).toEqual([]);
  });
});

describe('README coverage section', () => {
  test('matches the data (run `npm run coverage` after changing data/)', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { coverageMarkdown, replaceCoverageSection } = await import('../../src/lib/pipeline/coverage-report.ts');
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    expect(replaceCoverageSection(readme, coverageMarkdown(dataset!))).toBe(readme);
  });
});
