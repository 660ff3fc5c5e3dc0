import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseCsv } from '../../src/lib/csv.ts';
import { buildDownloads } from '../../src/lib/pipeline/downloads.ts';
import { formatProblem } from '../../src/lib/pipeline/problems.ts';
import { noteViProblem } from '../../src/lib/pipeline/read.ts';
import { buildDataset } from '../../src/lib/pipeline/run.ts';
import { datasetSchema } from '../../src/lib/schema/dataset.ts';
import { fixtures, miniDataset } from './helpers.ts';
import { loadDataFiles } from '../../scripts/lib/files.ts';
import { DEFAULT_SEED, writeSyntheticData } from '../../scripts/lib/synthetic.ts';

const repo = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'tinhgon-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function runScript(script: string, args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [join(repo, 'scripts', script), ...args], { env: { ...process.env, ...env }, encoding: 'utf8', cwd: repo });
}

function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[join(entry.parentPath, entry.name).slice(dir.length)] = readFileSync(join(entry.parentPath, entry.name), 'base64');
  }
  return out;
}

describe('buildDataset on the mini fixture', () => {
  const { dataset, problems } = buildDataset(miniDataset());
  test('succeeds and matches the dataset schema (the one source of the page types)', () => {
    expect(dataset).not.toBeNull();
    expect(() => datasetSchema.parse(dataset)).not.toThrow();
  });
  test('keeps conflicting values from two sources and marks both', () => {
    const ht = dataset!.observations.filter((o) => o.unit === 'ha-tinh' && o.date === '2025-07-01');
    expect(ht.map((o) => [o.value, o.conflicts_with.length])).toEqual([[69, 1], [70, 1]]);
  });
  test('reports a national total that differs from the sum of provinces as a warning', () => {
    expect(problems.map(formatProblem)).toContain(
      'tests/fixtures/mini/observations/sample.csv:7:5: warning national-sum-mismatch: national communes on 2025-07-01 is 170 but the 2 provinces sum to 165 (difference 5); both are kept and shown ("170")',
    );
  });
  test('rolls Long An and old Tây Ninh up into the new Tây Ninh', () => {
    expect(dataset!.beforeAfter.find((b) => b.unit === 'tay-ninh' && b.metric === 'communes')).toMatchObject({
      before: { value: 270, covered: 2, of: 2 },
      after: { value: 96 },
      change: { absolute: -174 },
    });
  });
  test('resolves a code by date and keeps an unattributed event', () => {
    expect(dataset!.events.map((e) => e.unit)).toEqual(['', 'long-an']);
  });
  test('a figure from a secondary site follows the others, so an equal primary figure is cited first', () => {
    const files = miniDataset([{ path: 'extra-obs.csv', text: 'unit,metric,date,period_start,value,denominator,status,source,locator,note\nha-tinh,communes,2024-01-01,,210,,reported,copy-c,para 1,\nha-tinh,communes,2024-01-01,,210,,reported,press-b,headline,\n' }]);
    files.sources.push({ path: 'extra-sources.csv', text: 'id,publisher,title,url,published,language,kind,accessed,note\ncopy-c,Trang tổng hợp,Bản sao,https://example.org/c,2025-06-21,vi,secondary,2026-11-22,fixture\n' });
    const d = buildDataset(files).dataset!;
    const hn = d.observations.filter((o) => o.unit === 'ha-tinh' && o.date === '2024-01-01');
    expect(hn.map((o) => o.source)).toEqual(['press-b', 'copy-c']);
  });
  test('coverage lists missing combinations with zero observations', () => {
    expect(dataset!.coverage.find((c) => c.metric === 'staff_cut_party' && c.unit === 'ha-tinh')).toMatchObject({ observations: 0 });
    expect(dataset!.coverage.find((c) => c.metric === 'communes' && c.unit === 'tay-ninh')).toMatchObject({ observations: 1, rolled_up: '2/2' });
  });
});

describe('cross-table rules', () => {
  const withFile = (kind: 'sources' | 'events', text: string) => {
    const files = miniDataset();
    files[kind].push({ path: `extra-${kind}.csv`, text });
    return buildDataset(files).problems.filter((p) => p.file === `extra-${kind}.csv`).map(formatProblem);
  };
  test.each([
    ['an unused source is a warning', 'sources', 'id,publisher,title,url,published,language,kind,accessed,note\nlonely,P,T,,2020,vi,press,2026-11-22,\n',
      ['extra-sources.csv:2:1: warning source-unused: no observation, event, lineage or seat row cites this source ("lonely")']],
    ['a source id defined twice', 'sources', 'id,publisher,title,url,published,language,kind,accessed,note\npress-b,P,T,,2020,vi,press,2026-11-22,\n',
      ['extra-sources.csv:2:1: id-duplicate: already defined at tests/fixtures/mini/sources.csv:3 ("press-b")']],
    ['a bad URL and kind', 'sources', 'id,publisher,title,url,published,language,kind,accessed,note\nx1,P,T,ftp://x,2020,vi,blog,2026-11-22,\n',
      ['extra-sources.csv:2:4: url-invalid: must start with http:// or https:// ("ftp://x")', 'extra-sources.csv:2:7: kind-invalid: must be one of law, government, press, dataset, secondary ("blog")']],
    ['a language that is not an ISO 639-1 code', 'sources', 'id,publisher,title,url,published,language,kind,accessed,note\nx2,P,T,,2020,Tiếng Việt,press,2026-11-22,\nx3,P,T,,2020,JA,press,2026-11-22,\n',
      ['extra-sources.csv:2:6: language-invalid: must be an ISO 639-1 code of two lower-case letters (vi, en, ja…) ("Tiếng Việt")', 'extra-sources.csv:3:6: language-invalid: must be an ISO 639-1 code of two lower-case letters (vi, en, ja…) ("JA")']],
    ['an event for a dissolved province after the merger', 'events', 'id,unit,date,type,title_vi,title_en,source,locator,note\nev-x,long-an,2025-08-01,plan,a,b,press-b,p1,\n',
      ['extra-events.csv:2:2: unit-not-valid: Long An (long-an) existed until 2025-06-30, so it cannot have a figure dated 2025-08-01; from 2025-07-01 it is part of Tây Ninh (tay-ninh) ("long-an")']],
    ['an event without unit or note', 'events', 'id,unit,date,type,title_vi,title_en,source,locator,note\nev-y,,2019,plan,a,b,press-b,p1,\n',
      ['extra-events.csv:2:2: unit-missing: an event without a unit needs a note saying why the province is not named ("")']],
    ['an event of unknown type and duplicate id', 'events', 'id,unit,date,type,title_vi,title_en,source,locator,note\nev-a,ha-tinh,2019,party,a,b,press-b,p1,\n',
      ['extra-events.csv:2:1: id-duplicate: already used at tests/fixtures/mini/events.csv:2 ("ev-a")', 'extra-events.csv:2:4: type-invalid: must be one of plan, resolution, decision, merger, review, deadline, directive, congress ("party")']],
    ['a Party congress typed as a review', 'events', 'id,unit,date,type,title_vi,title_en,source,locator,note\nev-c1,ha-tinh,2025-09-20,review,Đại hội Đảng bộ tỉnh Hà Tĩnh lần thứ XX,Ha Tinh party congress,press-b,p1,\n',
      ['extra-events.csv:2:4: type-congress: title_vi names a Party congress ("Đại hội … Đảng bộ"), so the type must be congress ("review")']],
    ['a congress whose title names none', 'events', 'id,unit,date,type,title_vi,title_en,source,locator,note\nev-c2,ha-tinh,2025-09-20,congress,Hội nghị Tỉnh ủy,Plenum,press-b,p1,\n',
      ['extra-events.csv:2:4: type-congress: a congress event needs "Đại hội … Đảng bộ" in title_vi ("congress")']],
  ] as const)('%s', (_, kind, text, expected) => expect(withFile(kind, text)).toEqual(expected));

  test('lineage: a dissolved province without a successor, and a successor that is not current', () => {
    const files = miniDataset();
    files.lineage = { path: 'lineage.csv', text: 'from,to,effective,legal_basis,source,locator,note\ntay-ninh-cu,long-an,2025-07-01,NQ,law-a,a,\nha-tinh,ha-tinh,2025-07-01,NQ,law-a,a,\n' };
    expect(buildDataset(files).problems.filter((p) => p.file === 'lineage.csv').map(formatProblem)).toEqual([
      'lineage.csv:1:1: lineage-missing: Long An (long-an) was dissolved but has no successor row ("long-an")',
      'lineage.csv:2:2: lineage-invalid: the successor must be a current unit ("long-an")',
      'lineage.csv:2:3: lineage-invalid: long-an does not exist on 2025-07-01 ("2025-07-01")',
    ]);
  });
});

describe('seats', () => {
  const seats = (text: string) => {
    const files = miniDataset();
    files.seats = { path: 'seats.csv', text: `unit,seat_vi,seat_en,source,locator,note,note_vi\n${text}` };
    const r = buildDataset(files);
    return { problems: r.problems.filter((p) => p.file === 'seats.csv').map(formatProblem), seats: r.dataset?.seats ?? [] };
  };
  test('two sources that name different seats are both kept', () => {
    const r = seats('long-an,Tân An,Tan An,press-b,para 2,,\nlong-an,Bến Lức,Ben Luc,press-c,para 1,,\n');
    expect(r.problems).toEqual([]);
    expect(r.seats.map((s) => [s.seat_vi, s.source])).toEqual([['Tân An', 'press-b'], ['Bến Lức', 'press-c']]);
  });
  test('a valid row is kept, with its source counted as used', () => {
    const r = seats('long-an,Tân An,Tan An,press-b,para 2,A provincial city.,Một thành phố thuộc tỉnh.\nha-tinh,Hà Tĩnh,Ha Tinh,press-b,para 3,,\n');
    expect(r.problems).toEqual([]);
    expect(r.seats.map((s) => [s.unit, s.seat_vi, s.seat_en])).toEqual([['long-an', 'Tân An', 'Tan An'], ['ha-tinh', 'Hà Tĩnh', 'Ha Tinh']]);
  });
  test.each([
    ['an unknown unit', 'long-am,Tân An,Tan An,press-b,p,,', ['seats.csv:2:1: unit-unknown: no unit with this id; did you mean Long An (long-an)? ("long-am")']],
    ['a province formed on 1 July 2025', 'tay-ninh,Tân An,Tan An,press-b,p,,', ['seats.csv:2:1: unit-not-valid: a seat is recorded for a province of the map of 2025-06-30 ("tay-ninh")']],
    ['the country', 'viet-nam,Hà Nội,Ha Noi,press-b,p,,', ['seats.csv:2:1: unit-not-valid: a seat is recorded for a province of the map of 2025-06-30 ("viet-nam")']],
    ['one source giving a province two seats', 'long-an,Tân An,Tan An,press-b,p,,\nlong-an,Bến Lức,Ben Luc,press-b,p,,', ['seats.csv:3:4: seat-duplicate: this source already gives long-an a seat on line 2 ("press-b")']],
    ['an English name with diacritics', 'long-an,Tân An,Tân An,press-b,p,,', ['seats.csv:2:3: seat-en-diacritics: English pages write names without diacritics ("Tân An")']],
    ['an English name that is another place', 'long-an,Tân An,Ben Luc,press-b,p,,', ['seats.csv:2:3: seat-en-mismatch: is not "Tân An" without diacritics ("Ben Luc")']],
    ['a missing name, source and locator', 'long-an,,Tan An,,,,', ['seats.csv:2:2: seat_vi-missing: "seat_vi" is required ("")', 'seats.csv:2:4: source-missing: "source" is required ("")', 'seats.csv:2:5: locator-missing: "locator" is required ("")']],
    ['an unknown source', 'long-an,Tân An,Tan An,presss-b,p,,', ['seats.csv:2:4: source-unknown: not in the sources files; did you mean press-b? ("presss-b")']],
    ['a Vietnamese note without the English one', 'long-an,Tân An,Tan An,press-b,p,,Thành phố.', ['seats.csv:2:7: note-vi-alone: note_vi translates note: write the note (English) first ("Thành phố.")']],
  ] as const)('%s', (_, text, expected) => {
    const r = seats(`${text}\n`);
    expect(r.problems).toEqual(expected);
  });
});

describe('downloads', () => {
  const { dataset } = buildDataset(miniDataset());
  const files = buildDownloads(dataset!);
  test('every table is published as CSV and JSON and described in datapackage.json', () => {
    const pkg = JSON.parse(files.get('datapackage.json')!);
    expect(pkg.licenses[0].name).toBe('CC-BY-4.0');
    for (const r of pkg.resources) {
      expect(files.has(r.path)).toBe(true);
      const table = parseCsv(files.get(r.path)!);
      expect(table.header).toEqual(r.schema.fields.map((f: { name: string }) => f.name));
      expect(r.bytes).toBe(Buffer.byteLength(files.get(r.path)!));
      expect(JSON.parse(files.get(r.path.replace('.csv', '.json'))!)).toHaveLength(table.rows.length);
    }
    expect(pkg.resources.map((r: { name: string }) => r.name)).toEqual(['observations', 'units', 'lineage', 'seats', 'metrics', 'sources', 'events', 'coverage']);
  });
  test('declared constraints hold on every row (enum; pattern, anchored as Table Schema patterns are)', () => {
    const pkg = JSON.parse(files.get('datapackage.json')!);
    let checked = 0;
    for (const r of pkg.resources) {
      const rows = parseCsv(files.get(r.path)!).rows;
      for (const f of r.schema.fields as { name: string; constraints?: { enum?: string[]; pattern?: string } }[]) {
        const { enum: allowed, pattern } = f.constraints ?? {};
        if (!allowed && !pattern) continue;
        for (const row of rows) {
          const v = row.cells[f.name];
          if (v === '' || v === undefined) continue;
          if (allowed) expect(allowed, `${r.name}.${f.name}`).toContain(v);
          if (pattern) expect(v, `${r.name}.${f.name}`).toMatch(new RegExp(`^(?:${pattern})$`));
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2);
  });
  test('foreign keys are declared and hold: every reference names a row of the table it points to', () => {
    const pkg = JSON.parse(files.get('datapackage.json')!);
    const keys = (resource: string, field: string) => new Set(parseCsv(files.get(`${resource}.csv`)!).rows.map((r) => r.cells[field]));
    let checked = 0;
    for (const r of pkg.resources) {
      for (const fk of r.schema.foreignKeys ?? []) {
        const known = keys(fk.reference.resource, fk.reference.fields[0]);
        for (const row of parseCsv(files.get(r.path)!).rows) {
          const v = row.cells[fk.fields[0]];
          if (v !== '') expect(known.has(v), `${r.name}.${fk.fields[0]} = ${v}`).toBe(true);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });
  test('observations CSV carries source id and locator on every row', () => {
    const rows = parseCsv(files.get('observations.csv')!).rows;
    expect(rows).toHaveLength(dataset!.observations.length);
    expect(rows.every((r) => r.cells.source && r.cells.locator)).toBe(true);
  });
  test('a note that starts like a formula is neutralised in the CSV, kept as is in JSON', () => {
    const files2 = miniDataset([{ path: 'x.csv', text: 'unit,metric,date,period_start,value,denominator,status,source,locator,note\nha-tinh,staff_cut_party,2019,,1,,reported,press-c,p,=cmd|\' /C calc\'!A0\n' }]);
    const d = buildDataset(files2).dataset!;
    const out = buildDownloads(d);
    expect(out.get('observations.csv')).toContain(`,'=cmd|' /C calc'!A0,`);
    expect(out.get('observations.json')).toContain(`"note":"=cmd|' /C calc'!A0"`);
  });
});

describe('scripts', () => {
  test('a failed run leaves the previous outputs byte-for-byte unchanged', () => {
    const data = join(work, 'data');
    const out = join(work, 'out');
    cpSync(join(fixtures, 'mini'), data, { recursive: true });
    const ok = runScript('build-data.ts', [], { TINHGON_DATA_DIR: data, TINHGON_OUT_DIR: out });
    expect(ok.status, ok.stderr).toBe(0);
    const before = snapshotDir(out);
    expect(Object.keys(before)).toContain('/public/data/datapackage.json');
    writeFileSync(join(data, 'observations', 'bad.csv'), readFileSync(join(fixtures, 'bad', 'many-problems.csv')));
    const bad = runScript('build-data.ts', [], { TINHGON_DATA_DIR: data, TINHGON_OUT_DIR: out });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('bad.csv:2:3: date-invalid:');
    expect(bad.stderr).toContain('bad.csv:2:9: locator-missing:');
    expect(bad.stderr).toContain('nothing written, previous outputs left as they were');
    expect(snapshotDir(out)).toEqual(before);
  });

  test('the published CITATION.cff names the site\'s address when the build has one', () => {
    const out = join(work, 'cff');
    const data = join(work, 'cff-data');
    cpSync(join(fixtures, 'mini'), data, { recursive: true });
    const r = runScript('build-data.ts', [], { TINHGON_DATA_DIR: data, TINHGON_OUT_DIR: out, SITE_URL: 'https://tinhgon.test' });
    expect(r.status, r.stderr).toBe(0);
    const cff = readFileSync(join(out, 'public', 'data', 'CITATION.cff'), 'utf8');
    expect(cff).toMatch(/^url: "https:\/\/tinhgon\.test\/"$/m);
    expect(cff).not.toContain('tinhgon.example');
  });

  test('the benchmark\'s synthetic data passes every rule of the pipeline (every event type included)', () => {
    const dir = join(work, 'synthetic');
    writeSyntheticData(join(fixtures, '..', '..', 'data'), dir, { observations: 2000, sources: 50, events: 400, nationalShare: 0.05, seed: DEFAULT_SEED, rowsPerFile: 0 });
    const r = buildDataset(loadDataFiles(dir));
    expect(r.problems.filter((p) => p.severity !== 'warning').map(formatProblem)).toEqual([]);
    expect(new Set(r.dataset!.events.map((e) => e.type)).has('congress')).toBe(true);
  });

  test('npm run validate accepts Vietnamese grouping for counts and rejects it for decimals, with a hint', () => {
    const file = join(work, 'contrib.csv');
    writeFileSync(file, '\uFEFFunit;metric;date;period_start;value;denominator;status;source;locator;note\r\nLong An;staff_cut_public_service;2019;;1.024;;reported;seed-004-long-an;para 9;\r\nlong-an;area_km2;2019;;4.494;;reported;seed-004-long-an;x;\r\n');
    const r = runScript('validate.ts', [file], {});
    expect(r.stdout).not.toContain(':2:5:');
    expect(r.stdout).toContain(':3:5: value-ambiguous:');
    expect(r.status).toBe(1);
  });
});


describe('streamed JSON', () => {
  test('jsonObjectChunks and jsonArrayChunks join to exactly JSON.stringify', async () => {
    const fc = (await import('fast-check')).default;
    const { jsonArrayChunks, jsonObjectChunks } = await import('../../src/lib/pipeline/downloads.ts');
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 5000 }), fc.string(), (arr, s) => {
        expect([...jsonArrayChunks(arr)].join('')).toBe(JSON.stringify(arr) + '\n');
        const obj = { version: s, rows: arr, empty: [], n: 3 };
        expect([...jsonObjectChunks(obj)].join('')).toBe(JSON.stringify(obj));
      }),
      { numRuns: 50 },
    );
  });
});

describe('note_vi (observations and sources)', () => {
  test.each([
    // note, note_vi, rule broken (null: fine)
    ['Count before the merger.', '', null],
    ['Count before the merger.', 'Số xã trước khi sắp xếp.', null],
    ['', '', null],
    ['', 'Số xã trước khi sắp xếp.', 'note-vi-alone'],
    ['Count before the merger.', 'Count before the merger.', 'note-vi-not-vietnamese'],
    ['Count before the merger.', 'So xa truoc khi sap xep.', 'note-vi-not-vietnamese'],
  ])('note %j, note_vi %j → %s', (note, noteVi, rule) => {
    expect(noteViProblem(note, noteVi)?.rule ?? null).toBe(rule);
  });

  test('a source with a note_vi in English is reported with file, line and column, and the source is not kept', () => {
    const files = miniDataset();
    const text = files.sources[0].text.replace(/\n$/, '');
    const header = text.split('\n')[0];
    const rows = text.split('\n').slice(1);
    const bad = `${header},note_vi\n${rows.map((r, i) => (i === 0 ? `${r},English only` : `${r},`)).join('\n')}\n`;
    const { problems } = buildDataset({ ...files, sources: [{ path: 'sources.csv', text: bad }, ...files.sources.slice(1)] });
    const p = problems.find((x) => x.rule === 'note-vi-not-vietnamese');
    expect(p && formatProblem(p)).toBe(`sources.csv:2:${header.split(',').length + 1}: note-vi-not-vietnamese: has no Vietnamese letter; write it in Vietnamese with full diacritics ("English only")`);
  });
});
