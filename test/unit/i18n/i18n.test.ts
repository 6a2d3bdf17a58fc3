import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslator, en, fr, messageForms, translator, type MessageKey } from '../../../src/shared/i18n';

/** Every text a key can show, all plural forms together. */
const forms = (catalog: Record<MessageKey, Parameters<typeof messageForms>[0]>, key: MessageKey) => messageForms(catalog[key]);

describe('translations', () => {
  it('French and English have exactly the same keys, none empty', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const [language, catalog] of [['en', en], ['fr', fr]] as const) {
      for (const key of Object.keys(catalog) as MessageKey[]) {
        expect(forms(catalog, key).length, `${language} ${key}`).toBeGreaterThan(0);
        for (const text of forms(catalog, key)) expect(text.trim(), `${language} ${key}`).not.toBe('');
      }
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (texts: string[]) => [...new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();
    for (const key of Object.keys(en) as MessageKey[]) {
      expect(placeholders(forms(fr, key)), key).toEqual(placeholders(forms(en, key)));
    }
  });

  it('fills placeholders', () => {
    expect(translator('fr')('status.version', { version: '1.0' })).toBe('Version 1.0');
  });

  it('chooses a plural form by the count, with the language\u2019s plural rules', () => {
    const rooms = { rooms: { one: '{count} room', other: '{count} rooms' } } as const;
    const salles = { rooms: { one: '{count} salle', other: '{count} salles' } } as const;
    const tEn = createTranslator('en', rooms);
    const tFr = createTranslator('fr', salles);
    expect(tEn('rooms', { count: 1 })).toBe('1 room');
    expect(tEn('rooms', { count: 0 })).toBe('0 rooms');
    expect(tEn('rooms', { count: 2 })).toBe('2 rooms');
    // French counts zero in the singular.
    expect(tFr('rooms', { count: 0 })).toBe('0 salle');
    expect(tFr('rooms', { count: 1 })).toBe('1 salle');
    // A count already formatted with digit grouping still chooses its form.
    expect(tEn('rooms', { count: '1,234' })).toBe('1,234 rooms');
    expect(tFr('rooms', { count: '1\u202f234' })).toBe('1\u202f234 salles');
    // No count: the `other` form.
    expect(tEn('rooms')).toBe('{count} rooms');
  });

  it('every key used by the renderer, the shared tables and the Excel export exists', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.tsx?$/.test(name) && !file.includes(`${path.sep}i18n${path.sep}`)) files.push(file);
      }
    };
    for (const dir of ['src/renderer/src', 'src/shared', 'src/main/export']) walk(dir);
    const used = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.-]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(0);
    for (const key of used) expect(Object.keys(en), key).toContain(key);
  });
});
