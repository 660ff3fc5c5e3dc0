// Loaded on click only: zips the workbook parts (src/lib/share/xlsx.ts) with fflate into a real .xlsx.
import { strToU8, zipSync } from 'fflate';
import type { Cell } from '../lib/share/chart-data.ts';
import { xlsxParts } from '../lib/share/xlsx.ts';

export function xlsxBlob(sheet: string, note: string, columns: readonly string[], rows: readonly Cell[][]): Blob {
  const parts = xlsxParts(sheet, note, columns, rows);
  const files = Object.fromEntries(Object.entries(parts).map(([name, xml]) => [name, strToU8(xml)]));
  return new Blob([zipSync(files, { level: 6 }) as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
