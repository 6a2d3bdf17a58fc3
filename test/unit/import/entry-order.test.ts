// An .xlsx is a zip whose parts may come in any order. exceljs's streaming
// reader parses a sheet as soon as it has the shared strings and the
// relationships, and read a date cell's workbook properties (1900 or 1904
// dates) before xl/workbook.xml had arrived: "Cannot read properties of
// undefined (reading 'model')". The app's own Downloads sometimes came out in
// that order (its streaming writer adds workbook.xml last), so importing them
// failed now and then. Here the order is forced.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { exportView } from '../../../src/main/export';
import { parseImportFile } from '../../../src/main/import/parse-file';
import { PROFILE, syncedCache, tempDir, type SyncedCache } from '../export/helpers';

let cache: SyncedCache;
beforeAll(async () => {
  cache = await syncedCache();
});
afterAll(() => cache.db.close());

/** The same parts, workbook.xml last: relationships, shared strings and styles before the sheets. */
async function workbookLast(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
  const rank = (name: string) =>
    name === 'xl/workbook.xml' ? 9 : name.startsWith('xl/worksheets/') ? 5 : name === 'xl/styles.xml' || name === 'xl/sharedStrings.xml' ? 3 : 1;
  const reordered = new JSZip();
  for (const name of [...names].sort((a, b) => rank(a) - rank(b))) reordered.file(name, await zip.files[name]!.async('uint8array'));
  const out = file.replace(/\.xlsx$/, '-reordered.xlsx');
  writeFileSync(out, await reordered.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return out;
}

it('reads a workbook whose sheets come before xl/workbook.xml, dates and all', async () => {
  const file = path.join(tempDir(), 'own.xlsx');
  await exportView(cache.db, cache.scope, { kind: 'summary', profileId: PROFILE, period: '2009-05', display: 'all', filter: '', sort: null }, { language: 'fr', dateStyle: 'locale' }, { file });
  const inOrder = await parseImportFile(file, { timeZone: 'Europe/Paris' });
  const reordered = await parseImportFile(await workbookLast(file), { timeZone: 'Europe/Paris' });
  expect(reordered.problems).toEqual([]);
  expect(reordered.conferences.length).toBeGreaterThan(0);
  expect(reordered.conferences).toEqual(inOrder.conferences);
});
