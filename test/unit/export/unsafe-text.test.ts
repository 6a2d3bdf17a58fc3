// Provider text that XML 1.0 forbids (U+FFFE, U+FFFF, C0 controls other than
// tab, newline and carriage return, lone surrogates) synced from a real
// provider on loopback: every workbook of the month still opens, in exceljs
// and in a second reader (openpyxl), with the rest of the text kept; the
// suggested file names drop those characters too. And a time zone this
// runtime does not know: times in UTC, with the note in the title block.
/* eslint-disable no-control-regex -- control characters are what these tests look for */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Presentation, ViewRef } from '../../../src/shared/bridge';
import { defaultExportFileName, exportView } from '../../../src/main/export';
import { sheetName } from '../../../src/main/export/sheet-table';
import { listCachedAccounts, periodConferences, type ViewScope } from '../../../src/main/cache';
import { startDemoProvider, type DemoProviderOptions } from '../../../src/main/demo';
import { runSync } from '../../../src/main/sync/sync-engine';
import { demoClient, tempCache, type TempCache } from '../sync/helpers';
import { ACCOUNT, about, fact, findRow, openpyxlPython, readWorkbook, seconds, sheet, table, tempDir } from './helpers';

const EN: Presentation = { language: 'en-US', dateStyle: 'locale' };
const FR: Presentation = { language: 'fr', dateStyle: 'locale' };
const ROOM = '332703';

/** The seed month's names with characters Excel's XML refuses, around text that must survive. */
const HOSTILE = {
  company: 'Meeting\uFFFEOne \u0001Phoenix',
  cardholder: 'Marilène\uFFFF BALLESTER\u0007 😀',
  autoCode: 'R&D\u001F/2009',
  participant: 'Jean\uFFFEDupont',
  lone: 'Élodie\uD800 Lefèvre\uDC00',
  phone: '+33\u0000 1 ** ** 12 34',
  code: 'PROJ\u000B-42',
};
const CLEAN = {
  company: 'MeetingOne Phoenix',
  cardholder: 'Marilène BALLESTER 😀',
  autoCode: 'R&D/2009',
  participant: 'JeanDupont',
  // SQLite keeps text as UTF-8: a lone surrogate reaches the cache as U+FFFD (valid XML).
  lone: 'Élodie\uFFFD Lefèvre\uFFFD',
  phone: '+33 1 ** ** 12 34',
  code: 'PROJ-42',
};

type Json = Record<string, unknown>;
const list = (json: unknown, key: string) => (json as Record<string, Json[]>)[key]!;

/** A demo provider whose seed month carries HOSTILE's text, synced into a fresh cache. */
async function syncedWith(options: DemoProviderOptions, hostile: boolean): Promise<TempCache> {
  const provider = await startDemoProvider({ now: '2009-05-20', ...options });
  try {
    if (hostile) {
      const mutate = (apply: (json: unknown) => void) => ({
        kind: 'mutate' as const,
        mutate: (json: unknown) => {
          apply(json);
          return json;
        },
      });
      provider.faults.add({ path: /\/accounts\/\d+$/, times: Infinity, action: mutate((json) => ((json as Json).companyName = HOSTILE.company)) });
      provider.faults.add({
        path: '/periods/2009-05/rooms',
        times: Infinity,
        action: mutate((json) => {
          for (const room of list(json, 'rooms')) {
            if (room.roomNumber === ROOM) Object.assign(room, { cardholder: HOSTILE.cardholder, autoBillingCode: HOSTILE.autoCode });
          }
        }),
      });
      provider.faults.add({
        path: '/periods/2009-05/conferences',
        times: Infinity,
        action: mutate((json) => {
          for (const conference of list(json, 'conferences')) {
            if (conference.roomNumber !== ROOM) continue;
            conference.billingCode = HOSTILE.code;
            const [first, second] = conference.participants as Json[];
            Object.assign(first!, { name: HOSTILE.participant, phone: HOSTILE.phone });
            if (second) second.name = HOSTILE.lone;
          }
        }),
      });
    }
    const cache = tempCache();
    const report = await runSync({ cache: cache.handle, client: demoClient(provider), origin: provider.url, pageLimit: 500 });
    if (report.status !== 'ok') throw new Error(`demo sync failed: ${report.error ?? JSON.stringify(report.periods)}`);
    return cache;
  } finally {
    await provider.close();
  }
}

/** A Python with openpyxl: Debian's python3-openpyxl (CI installs it) lives under /usr/bin/python3. */
/** Every sheet's text cells, as openpyxl reads them (throws when openpyxl cannot open the file). */
function openpyxlTexts(file: string): string[] {
  const python = openpyxlPython();
  if (python === null) {
    if (process.platform === 'linux') throw new Error('install python3-openpyxl (apt-get install python3-openpyxl): the second reader of these tests');
    return [];
  }
  const script = [
    'import json, sys, openpyxl',
    'book = openpyxl.load_workbook(sys.argv[1])',
    'print(json.dumps([c.value for s in book.worksheets for r in s.iter_rows() for c in r if isinstance(c.value, str)]))',
  ].join('\n');
  const run = spawnSync(python, ['-c', script, file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`openpyxl could not open ${file}: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[];
}

const dir = tempDir();
let fileCount = 0;
/** Views name a sign-in; these tests export with the scope given, so any name does. */
const PROFILE = 'test';

/** The one account a test cache synced (from its own loopback provider). */
function onlyScope(cache: TempCache): ViewScope {
  const [account, ...others] = listCachedAccounts(cache.db);
  if (account === undefined || others.length > 0) throw new Error('expected one cached account');
  return { provider: account.provider, accountNumber: account.accountNumber, roomNumber: null };
}

async function exportedFile(cache: TempCache, view: ViewRef, presentation = EN): Promise<string> {
  const file = path.join(dir, `export-${(fileCount += 1)}.xlsx`);
  await exportView(cache.db, onlyScope(cache), view, presentation, { file });
  return file;
}

describe('text Excel’s XML forbids', () => {
  let cache: TempCache;
  beforeAll(async () => {
    cache = await syncedWith({}, true);
  });
  afterAll(() => cache.db.close());

  it('every workbook of the month opens in exceljs and openpyxl, with the rest of the text kept', async () => {
    const conference = [...periodConferences(cache.db, onlyScope(cache), '2009-05')].find((c) => c.roomNumber === ROOM)!;
    const views: ViewRef[] = [
      { kind: 'summary', profileId: PROFILE, period: '2009-05', display: 'all', filter: '', sort: null },
      { kind: 'billingCodes', profileId: PROFILE, period: '2009-05' },
      { kind: 'room', profileId: PROFILE, period: '2009-05', roomNumber: ROOM, sort: null },
      { kind: 'conference', profileId: PROFILE, period: '2009-05', conferenceId: conference.id },
    ];
    for (const view of views) {
      for (const presentation of [EN, FR]) {
        const file = await exportedFile(cache, view, presentation);
        const workbook = await readWorkbook(file);
        const texts: string[] = [];
        for (const worksheet of workbook.worksheets) {
          worksheet.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && texts.push(cell.value))));
        }
        const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/u;
        expect(texts.filter((text) => forbidden.test(text)), `${view.kind} ${presentation.language}`).toEqual([]);
        expect(texts).toContain(CLEAN.company);
        const second = openpyxlTexts(file);
        if (second.length > 0) expect(second).toContain(CLEAN.company);
        if (view.kind === 'billingCodes') continue;
        expect(texts).toContain(view.kind === 'conference' ? CLEAN.participant : CLEAN.cardholder);
      }
    }
  });

  it('keeps names, phones, codes, emoji and accents minus the forbidden characters', async () => {
    const file = await exportedFile(cache, { kind: 'summary', profileId: PROFILE, period: '2009-05', display: 'all', filter: '', sort: null });
    const workbook = await readWorkbook(file);
    const summary = sheet(workbook, 'Summary');
    const room = summary.getRow(findRow(summary, ROOM));
    expect([room.getCell(2).value, room.getCell(3).value]).toEqual([CLEAN.cardholder, CLEAN.autoCode]);
    const participants = sheet(workbook, 'Participants');
    const { rows } = table(participants, 'Date', 'Total');
    const names = rows.map((row) => row.getCell(4).value);
    expect(names).toContain(CLEAN.participant);
    expect(names).toContain(CLEAN.lone);
    expect(rows.map((row) => row.getCell(5).value)).toContain(CLEAN.phone);
    const conferences = sheet(workbook, 'Conferences');
    expect(table(conferences, 'DATE', 'Total').rows.map((row) => row.getCell(6).value)).toContain(CLEAN.code);
    for (const text of openpyxlTexts(file)) expect(text).not.toMatch(/\uFFFE|\uFFFF|\u0000|\u0007/);
  });

  it('removes lone surrogates from what the user typed (the filter in the title block)', async () => {
    const view: ViewRef = { kind: 'summary', profileId: PROFILE, period: '2009-05', display: 'all', filter: 'ball\uD800ester\uFFFE', sort: null };
    const file = await exportedFile(cache, view);
    expect(fact(await readWorkbook(file), 'Filter').value).toBe('ballester');
    openpyxlTexts(file);
  });

  it('removes them from sheet titles and suggested file names', () => {
    expect(sheetName('Sum\uFFFEmary\u0001')).toBe('Summary');
    expect(sheetName('Conf\uD800érences: 2009/05')).toBe('Conférences- 2009-05');
    expect(defaultExportFileName({ kind: 'conference', profileId: PROFILE, period: '2009-05', conferenceId: 'c-1\uFFFE2\uD83D' }, ACCOUNT, 'en-GB')).toBe(
      `OAI_${ACCOUNT}_2009-05_conference-c-12.xlsx`,
    );
    expect(defaultExportFileName({ kind: 'room', profileId: PROFILE, period: '2009-05', roomNumber: '3327\u000003', sort: null }, ACCOUNT, 'en-GB')).toBe(
      `OAI_${ACCOUNT}_2009-05_room-332703.xlsx`,
    );
  });
});

describe('a time zone this runtime does not know', () => {
  let cache: TempCache;
  beforeAll(async () => {
    cache = await syncedWith({ timeZone: 'Mars/Olympus_Mons' }, false);
  });
  afterAll(() => cache.db.close());

  it('writes the times in UTC and says so in every table’s title block, in both languages', async () => {
    const start = [...periodConferences(cache.db, onlyScope(cache), '2009-05')]
      .filter((c) => c.roomNumber === ROOM)
      .map((c) => c.start)
      .sort()[0]!;
    const room: ViewRef = { kind: 'room', profileId: PROFILE, period: '2009-05', roomNumber: ROOM, sort: null };
    const englishBook = await readWorkbook(await exportedFile(cache, room));
    const english = sheet(englishBook, 'Conferences');
    findRow(about(englishBook), 'Times in UTC: the provider’s time zone "Mars/Olympus_Mons" is not known.');
    expect(fact(englishBook, 'START TIME and every time in').value).toBe("UTC (the account's time zone)");
    const first = table(english, 'DATE', 'Total').rows[0]!;
    const utcSeconds = (Date.parse(start) / 1000) % 86_400;
    expect(seconds(first.getCell(2).value)).toBe(utcSeconds);

    const summary: ViewRef = { kind: 'summary', profileId: PROFILE, period: '2009-05', display: 'all', filter: '', sort: null };
    const french = await readWorkbook(await exportedFile(cache, summary, FR));
    const note = "Heures en UTC : le fuseau horaire du fournisseur « Mars/Olympus_Mons » n'est pas connu.";
    const notes = about(french).getColumn(1).values.filter((value) => value === note);
    // One per table: Synthèse, Conférences, Participants.
    expect(notes).toHaveLength(french.worksheets.length - 1);
  });
});
