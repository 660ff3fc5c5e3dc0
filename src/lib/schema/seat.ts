import { z } from 'zod';

/**
 * Where a province's People's Committee sat on 30 June 2025 (its tỉnh lỵ), with the source that says so.
 * Readers search by a city name ("nha trang"), and the province page names it. The city names are names,
 * not figures, but they are facts and so carry a source and a locator like everything else.
 */
export const seatSchema = z.object({
  unit: z.string(),
  seat_vi: z.string().min(1),
  seat_en: z.string().min(1),
  source: z.string(),
  locator: z.string(),
  note: z.string(),
  note_vi: z.string(),
});
export type Seat = z.output<typeof seatSchema>;

/** The day a seat describes: the last day of the 63-province map. */
export const SEAT_DATE = '2025-06-30';

/**
 * Where a seat row stands among its province's rows (in the dataset's order, primary sources first):
 * whether the site shows its place first, and which sources name another place. seats.csv and the API
 * both say it.
 */
export function seatStanding(seats: readonly Seat[], s: Seat): { shown_first: boolean; conflicts_with: string[] } {
  const same = seats.filter((x) => x.unit === s.unit);
  return { shown_first: same[0]?.seat_vi === s.seat_vi, conflicts_with: same.filter((x) => x.seat_vi !== s.seat_vi).map((x) => x.source) };
}
