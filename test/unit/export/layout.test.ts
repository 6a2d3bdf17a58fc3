// Issue 15, point 14: on screen only the column header is frozen (row 1), it
// repeats on every printed page (print titles), the title block is in the
// printed page's header/footer and on the About sheet, says which time zone
// START TIME is in, and Unallocated is in the workbook's language everywhere.
// Read back with exceljs and with openpyxl (the second reader).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportView } from '../../../src/main/export';
import type { Presentation, ViewRef } from '../../../src/shared/bridge';
import { about, fact, openpyxlPython, PROFILE, readWorkbook, syncedCache, tempDir, type SyncedCache } from './helpers';

const EN: Presentation = { language: 'en-GB', dateStyle: 'locale' };
const FR: Presentation = { language: 'fr', dateStyle: 'locale' };
const VIEWS: readonly ViewRef[] = [
  { kind: 'summary', profileId: PROFILE, period: '2009-05', display: 'all', filter: '', sort: null },
  { kind: 'billingCodes', profileId: PROFILE, period: '2009-05' },
  { kind: 'room', profileId: PROFILE, period: '2009-05', roomNumber: '332703', sort: null },
  { kind: 'codeConferences', profileId: PROFILE, period: '2009-05', billingCode: null, sort: null },
  { kind: 'chargeback', profileId: PROFILE, by: 'code', from: null, to: null },
];
const WORDS = {
  en: { unallocated: 'Unallocated', other: 'Non attribué', zoneLabel: 'START TIME and every time in', zone: "Europe/Paris (the account's time zone)" },
  fr: { unallocated: 'Non attribué', other: 'Unallocated', zoneLabel: 'START TIME et toutes les heures en', zone: 'Europe/Paris (fuseau horaire du compte)' },
} as const;

interface OpenpyxlSheet {
  name: string;
  freeze: string | null;
  printTitles: string | null;
  header: string;
  footer: string;
  firstRow: unknown[];
  texts: string[];
}

/** What openpyxl reads of each sheet: freeze pane, print titles, page header/footer, row 1 and every text. */
function openpyxlSheets(file: string): OpenpyxlSheet[] {
  const script = [
    'import json, sys, openpyxl',
    'book = openpyxl.load_workbook(sys.argv[1])',
    'def part(h): return " | ".join(x.text or "" for x in (h.left, h.center, h.right))',
    'print(json.dumps([{"name": s.title, "freeze": s.freeze_panes, "printTitles": s.print_title_rows,',
    '  "header": part(s.oddHeader), "footer": part(s.oddFooter),',
    '  "firstRow": [c.value for c in next(s.iter_rows(max_row=1))] if s.max_row else [],',
    '  "texts": [c.value for r in s.iter_rows() for c in r if isinstance(c.value, str)]} for s in book.worksheets], default=str))',
  ].join('\n');
  const python = openpyxlPython();
  if (python === null) throw new Error('install python3-openpyxl (apt-get install python3-openpyxl): the second reader of these tests');
  const run = spawnSync(python, ['-c', script, file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`openpyxl could not open ${file}: ${run.stderr}`);
  return JSON.parse(run.stdout) as OpenpyxlSheet[];
}

let cache: SyncedCache;
const dir = tempDir();
let count = 0;
beforeAll(async () => {
  cache = await syncedCache();
});
afterAll(() => cache.db.close());

async function exported(view: ViewRef, presentation: Presentation): Promise<string> {
  const file = path.join(dir, `layout-${(count += 1)}.xlsx`);
  await exportView(cache.db, cache.scope, view, presentation, { file }, { generatedAt: new Date('2009-05-20T12:00:00Z') });
  return file;
}

describe.each([
  ['en', EN],
  ['fr', FR],
] as const)('the layout of every workbook (%s)', (language, presentation) => {
  const words = WORDS[language];

  for (const view of VIEWS) {
    it(`${view.kind}: only the header frozen and printed on every page, the title block in the page header and on the About sheet`, async () => {
      const file = await exported(view, presentation);
      const workbook = await readWorkbook(file);
      const tables = workbook.worksheets.slice(0, -1);
      expect(tables.length).toBeGreaterThan(0);
      for (const sheet of tables) {
        expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
        expect(sheet.getRow(1).getCell(1).font?.bold, sheet.name).toBe(true);
        expect(sheet.pageSetup.printTitlesRow, sheet.name).toBe('1:1');
      }
      expect(fact(workbook, words.zoneLabel).value).toBe(words.zone);

      const sheets = openpyxlSheets(file);
      expect(sheets.map((s) => s.name)).toEqual(workbook.worksheets.map((s) => s.name));
      for (const sheet of sheets.slice(0, -1)) {
        expect(sheet.freeze, sheet.name).toBe('A2');
        expect(sheet.printTitles, sheet.name).toBe('$1:$1');
        // Row 1 is the column header, never a title.
        expect(sheet.firstRow[0], sheet.name).toBe(tables.find((t) => t.name === sheet.name)!.getRow(1).getCell(1).value);
        expect(sheet.header, sheet.name).toContain('602127');
        expect(sheet.header, sheet.name).toContain('&P / &N');
        expect(sheet.footer, sheet.name).toContain(`${words.zoneLabel}: ${words.zone}`);
      }
      const aboutSheet = sheets.at(-1)!;
      expect(aboutSheet.name).toBe(about(workbook).name);
      expect(aboutSheet.texts).toContain(words.zone);

      // Unallocated in the workbook's language, everywhere in the file.
      const texts = sheets.flatMap((s) => [...s.texts, s.header, s.footer]);
      expect(texts.filter((text) => text.includes(words.other))).toEqual([]);
      if (view.kind !== 'room') expect(texts).toContain(words.unallocated);
    });
  }
});

it('the Conferences sheet’s START TIME header stays OAI’s in French, its zone stated on the About sheet', async () => {
  const workbook = await readWorkbook(await exported(VIEWS[2]!, FR));
  expect(workbook.worksheets.map((s) => s.name)).toEqual(['Conférences', 'À propos']);
  expect(workbook.worksheets[0]!.getRow(1).getCell(2).value).toBe('START TIME');
  expect(fact(workbook, 'START TIME et toutes les heures en').value).toBe('Europe/Paris (fuseau horaire du compte)');
});
