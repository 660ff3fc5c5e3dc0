import type { PartialDate } from '../dates.ts';
import { overlapsInterval } from '../dates.ts';
import type { Unit } from '../schema/unit.ts';
import { editDistance, foldDiacritics } from '../text.ts';

export type UnitResolution =
  | { ok: true; unit: Unit }
  | { ok: false; rule: 'unit-unknown'; message: string }
  | { ok: false; rule: 'unit-not-valid'; message: string };

export const unitValidAt = (unit: Unit, date: PartialDate) => overlapsInterval(date, unit.valid_from, unit.valid_to);

function describeInterval(u: Unit): string {
  if (u.valid_from && u.valid_to) return `existed from ${u.valid_from} to ${u.valid_to}`;
  if (u.valid_to) return `existed until ${u.valid_to}`;
  if (u.valid_from) return `exists from ${u.valid_from}`;
  return 'is always valid';
}

/** Finds units by id, GSO code or name (with or without diacritics), resolving ambiguity by date. */
export class UnitIndex {
  private readonly byId = new Map<string, Unit>();
  private readonly byCode = new Map<string, Unit[]>();
  private readonly byName = new Map<string, Unit[]>();
  /** One resolution object per unit, reused: most rows name a unit by its id. */
  private readonly found = new Map<Unit, UnitResolution>();
  readonly units: readonly Unit[];
  /** Successor of each dissolved unit, for messages such as "part of Tây Ninh from 2025-07-01". */
  private readonly successorOf: ReadonlyMap<string, string>;

  constructor(units: readonly Unit[], successorOf: ReadonlyMap<string, string> = new Map()) {
    this.units = units;
    this.successorOf = successorOf;
    for (const u of units) {
      this.byId.set(u.id, u);
      push(this.byCode, u.code, u);
      for (const name of [u.name_vi, u.name_en, ...u.aliases]) push(this.byName, foldDiacritics(name), u);
    }
  }

  get(id: string): Unit | undefined {
    return this.byId.get(id);
  }

  resolve(text: string, date: PartialDate | null): UnitResolution {
    const exact = this.byId.get(text);
    // The common case first: an id, valid at the date (an id names one unit; no other can be meant).
    if (exact && (date === null || unitValidAt(exact, date))) return this.ok(exact);
    const candidates = exact ? [exact] : (this.byCode.get(text) ?? this.byName.get(foldDiacritics(text)) ?? []);
    if (candidates.length === 0) {
      const hint = this.nearest(text);
      return { ok: false, rule: 'unit-unknown', message: `no unit has this id, code or name${hint ? `; did you mean ${hint}?` : ''}` };
    }
    if (date === null) return this.ok(candidates[0]);
    const valid = candidates.filter((u) => unitValidAt(u, date));
    if (valid.length >= 1) {
      // Several units share a code or name across eras; the one valid at the date wins.
      return this.ok(valid[valid.length - 1]);
    }
    const u = candidates[0];
    const next = this.successorOf.get(u.id);
    const successor = next && next !== u.id ? this.byId.get(next) : undefined;
    const where = successor ? `; from ${successor.valid_from} it is part of ${successor.name_vi} (${successor.id})` : '';
    return {
      ok: false,
      rule: 'unit-not-valid',
      message: `${u.name_vi} (${u.id}) ${describeInterval(u)}, so it cannot have a figure dated ${date.text}${where}`,
    };
  }

  private ok(unit: Unit): UnitResolution {
    let r = this.found.get(unit);
    if (!r) this.found.set(unit, (r = { ok: true, unit }));
    return r;
  }

  /** The closest name or id, compared without diacritics: "Ha Tinh" for "Ha Tihn". */
  nearest(text: string): string | null {
    const folded = foldDiacritics(text);
    if (folded === '') return null;
    let best: { label: string; d: number } | null = null;
    for (const u of this.units) {
      for (const candidate of [u.id.replace(/-/g, ' '), foldDiacritics(u.name_vi), ...u.aliases.map(foldDiacritics)]) {
        const d = editDistance(folded, candidate);
        if (!best || d < best.d) best = { label: `${u.name_vi} (${u.id})`, d };
      }
    }
    return best && best.d <= Math.max(2, Math.floor(folded.length / 3)) ? best.label : null;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}
