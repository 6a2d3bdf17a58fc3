// Issue 15, point 6: every count is written with the language's plural rules
// (Intl.PluralRules): no "1 rooms", and French 0 and 1 are singular.
import { describe, expect, it } from 'vitest';
import { en, fr, translator, type MessageKey } from '../../../src/shared/i18n';

const COUNTS = [0, 1, 2, 5] as const;

/** The text of `key` for each count in COUNTS. */
function forCounts(language: 'en-GB' | 'fr', key: MessageKey, values: Record<string, string | number> = {}): string[] {
  const t = translator(language);
  return COUNTS.map((count) => t(key, { ...values, count }));
}

describe('plural forms', () => {
  it('every message with a {count} is a plural message in both catalogues', () => {
    for (const catalog of [en, fr]) {
      for (const [key, message] of Object.entries(catalog)) {
        if (typeof message === 'string') expect(message, key).not.toContain('{count}');
      }
    }
  });

  it('rooms, conferences, participants', () => {
    expect(forCounts('en-GB', 'summary.count')).toEqual(['0 rooms', '1 room', '2 rooms', '5 rooms']);
    expect(forCounts('fr', 'summary.count')).toEqual(['0 salle', '1 salle', '2 salles', '5 salles']);
    expect(forCounts('en-GB', 'summary.countFiltered', { total: 9 })).toEqual(['0 rooms of 9', '1 room of 9', '2 rooms of 9', '5 rooms of 9']);
    expect(forCounts('fr', 'summary.countFiltered', { total: 9 })).toEqual(['0 salle sur 9', '1 salle sur 9', '2 salles sur 9', '5 salles sur 9']);
    expect(forCounts('en-GB', 'conference.count')).toEqual(['0 conferences', '1 conference', '2 conferences', '5 conferences']);
    expect(forCounts('fr', 'conference.count')).toEqual(['0 conférence', '1 conférence', '2 conférences', '5 conférences']);
    expect(forCounts('en-GB', 'conference.participantCount')).toEqual(['0 participants', '1 participant', '2 participants', '5 participants']);
    expect(forCounts('fr', 'conference.participantCount')).toEqual(['0 participant', '1 participant', '2 participants', '5 participants']);
  });

  it('rows written and synced, sync intervals, months kept', () => {
    expect(forCounts('en-GB', 'export.writingRows')).toEqual(['Writing the workbook… 0 rows', 'Writing the workbook… 1 row', 'Writing the workbook… 2 rows', 'Writing the workbook… 5 rows']);
    expect(forCounts('fr', 'export.writingRowsOf', { total: 9 })).toEqual([
      'Écriture du classeur… 0 ligne sur 9',
      'Écriture du classeur… 1 ligne sur 9',
      'Écriture du classeur… 2 lignes sur 9',
      'Écriture du classeur… 5 lignes sur 9',
    ]);
    expect(forCounts('en-GB', 'sync.running', { index: 1, total: 4 })).toEqual([
      'Syncing period 1 of 4 · 0 rows',
      'Syncing period 1 of 4 · 1 row',
      'Syncing period 1 of 4 · 2 rows',
      'Syncing period 1 of 4 · 5 rows',
    ]);
    expect(forCounts('fr', 'sync.running', { index: 1, total: 4 })[1]).toBe('Synchronisation de la période 1 sur 4 · 1 ligne');
    expect(forCounts('en-GB', 'settings.everyHours')).toEqual(['Every 0 hours', 'Every hour', 'Every 2 hours', 'Every 5 hours']);
    expect(forCounts('fr', 'settings.everyHours')).toEqual(['Toutes les heures', 'Toutes les heures', 'Toutes les 2 heures', 'Toutes les 5 heures']);
    expect(forCounts('en-GB', 'link.history', { account: '602127', old: 'https://a.example' })[1]).toBe('This computer keeps 1 month of account 602127 from https://a.example.');
  });

  it('a count already formatted with digit grouping picks its form by its value', () => {
    expect(translator('en-GB')('conference.count', { count: '12,345' })).toBe('12,345 conferences');
    expect(translator('fr')('conference.count', { count: '1' })).toBe('1 conférence');
  });
});
