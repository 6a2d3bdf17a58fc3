// Issue 15, point 20: the CLI's text speaks as the views do (times as
// 23:50:16, amounts in the language's money format, the rooms used unless
// --all-rooms, a Total line), --json keeps raw units and its shape, and each
// command has its own --help. The real CLI as a child process, over a cache
// filled by a real sync of the seed (May 2009: 132,07 €).
import { beforeAll, describe, expect, it } from 'vitest';
import { syncedCache, tempDir } from '../export/helpers';
import { COMMAND_HELP } from '../../../src/cli/help';
import { runProcess } from './helpers';

let db: string;
const env = { ...process.env, HOME: tempDir(), XDG_CONFIG_HOME: tempDir() };

beforeAll(async () => {
  const cache = await syncedCache();
  cache.db.close();
  db = cache.file;
}, 60_000);

const oai = (...args: string[]) => runProcess(['--import', 'tsx', 'src/cli/main.ts', ...args], env);
const lines = (text: string) => text.split('\n').filter((line) => line !== '');

describe('summary as text', () => {
  it('English (UK): the rooms used, times as hh:mm:ss, euros as the views write them, and the Total', async () => {
    const { code, stdout } = await oai('summary', '--period', '2009-05', '--db', db);
    expect(code).toBe(0);
    expect(lines(stdout)).toEqual([
      'Room Number  Cardholder            Conferences  Accumulated Time   Charge',
      '32 002 6     Leo                             1          00:01:00    €0.09',
      '33 270 3     Marilene BALLESTER             19          23:50:16  €116.59',
      '33 584 8     Jean-Baptiste Godeau            3          02:58:52   €15.39',
      'Total                                       23          26:50:08  €132.07',
    ]);
  }, 30_000);

  it('French: the same table in French words and money format', async () => {
    const { code, stdout } = await oai('summary', '--period', '2009-05', '--db', db, '--lang', 'fr');
    expect(code).toBe(0);
    const [header, , marilene, , total] = lines(stdout);
    expect(header).toMatch(/^Numéro de salle\s+Titulaire\s+Conférences\s+Temps cumulé\s+Montant$/);
    expect(marilene).toMatch(/^33 270 3\s+Marilene BALLESTER\s+19\s+23:50:16\s+116,59\u00a0€$/);
    expect(total).toMatch(/^Total\s+23\s+26:50:08\s+132,07\u00a0€$/);
    expect(stdout).not.toMatch(/cents| s /);
  }, 30_000);

  it('--all-rooms lists every room; the Total agrees with --json to the cent; --json keeps its shape and raw units', async () => {
    const all = lines((await oai('summary', '--period', '2009-05', '--db', db, '--all-rooms', '--lang', 'en-US')).stdout);
    const json = JSON.parse((await oai('summary', '--period', '2009-05', '--db', db, '--json', '--lang', 'fr')).stdout);
    expect(Object.keys(json)).toEqual(['account', 'period', 'rooms', 'total']);
    expect(all).toHaveLength(json.rooms.length + 2);
    expect(json.rooms.length).toBeGreaterThan(3);
    expect(all.some((line) => /^30 007 6\s+Pablo\s+0\s+00:00:00\s+€0\.00$/.test(line))).toBe(true);
    expect(json.rooms.find((r: { roomNumber: string }) => r.roomNumber === '332703')).toEqual({
      roomNumber: '332703',
      cardholder: 'Marilene BALLESTER',
      conferenceCount: 19,
      accumulatedSeconds: 85816,
      chargeCents: 11659,
    });
    expect(json.total).toEqual({ conferenceCount: 23, accumulatedSeconds: 96608, chargeCents: 13207 });
    const totalCents = Math.round(Number(all.at(-1)!.match(/€([\d,.]+)$/)![1]!.replace(/,/g, '')) * 100);
    expect(totalCents).toBe(json.total.chargeCents);
  }, 60_000);
});

describe('search and report as text', () => {
  it('search: dates, times and amounts as the views write them, in each language', async () => {
    const en = lines((await oai('search', 'ballester', 'board', '--db', db)).stdout);
    expect(en[0]).toMatch(/^Date\s+Time\s+Room Number\s+Cardholder\s+Billing Code\s+Length\s+Charge$/);
    expect(en).toContainEqual(expect.stringMatching(/^15\/05\/2009\s+14:33\s+33 270 3\s+Marilene BALLESTER\s+BOARD\s+00:26:45\s+€7\.02$/));
    expect(en.at(-1)).toMatch(/^\d+ conferences$/);
    const fr = lines((await oai('search', 'ballester', 'board', '--db', db, '--lang', 'fr')).stdout);
    expect(fr).toContainEqual(expect.stringMatching(/^15\/05\/2009\s+14:33\s+33 270 3\s+Marilene BALLESTER\s+BOARD\s+00:26:45\s+7,02\u00a0€$/));
    expect(fr.at(-1)).toMatch(/^\d+ conférences$/);
  }, 60_000);

  it('report: amounts per month and a Total row; --json keeps cents', async () => {
    const fr = lines((await oai('report', '--from', '2009-05', '--to', '2009-05', '--db', db, '--lang', 'fr')).stdout);
    expect(fr[0]).toMatch(/^Code de facturation\s+2009-05\s+Total$/);
    expect(fr).toContainEqual(expect.stringMatching(/^Non attribué\s+40,48\u00a0€\s+40,48\u00a0€$/));
    expect(fr.at(-1)).toMatch(/^Total\s+132,07\u00a0€\s+132,07\u00a0€$/);
    const json = JSON.parse((await oai('report', '--from', '2009-05', '--to', '2009-05', '--db', db, '--json')).stdout);
    expect(json.total.total.chargeCents).toBe(13207);
  }, 60_000);
});

describe('--help and usage errors', () => {
  it.each(Object.keys(COMMAND_HELP))('%s --help prints its own usage and options, exit 0', async (command) => {
    const { code, stdout, stderr } = await oai(command, '--help');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(new RegExp(`^usage: npm run cli -- ${command} `));
    expect(stdout).toMatch(/\noptions:\n( {2}--\S.*\n)+/);
    for (const [option] of COMMAND_HELP[command]!.options) expect(stdout).toContain(`  ${option}`);
  }, 30_000);

  it('an unknown option or language still fails with a clear message and exit 2', async () => {
    const unknown = await oai('summary', '--period', '2009-05', '--bogus', '--db', db);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^oai: Unknown option '--bogus'.*\nusage: npm run cli -- summary --period YYYY-MM/);
    expect(unknown.stdout).toBe('');
    const language = await oai('summary', '--period', '2009-05', '--lang', 'de', '--db', db);
    expect(language.code).toBe(2);
    expect(language.stderr).toContain('--lang must be en-GB, en-US, fr (en: en-GB), got "de"');
  }, 30_000);
});
