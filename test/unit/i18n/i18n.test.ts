import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/renderer/src/i18n/en';
import { fr } from '../../../src/renderer/src/i18n/fr';
import { translator } from '../../../src/renderer/src/i18n';

describe('translations', () => {
  it('French and English have exactly the same keys, none empty', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of [...Object.entries(en), ...Object.entries(fr)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('fills placeholders', () => {
    expect(translator('fr')('status.version', { version: '1.0' })).toBe('Version 1.0');
  });

  it('every key used in the renderer exists', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.tsx?$/.test(name) && !file.includes(`${path.sep}i18n${path.sep}`)) files.push(file);
      }
    };
    walk('src/renderer/src');
    const used = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.-]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(0);
    for (const key of used) expect(Object.keys(en), key).toContain(key);
  });
});
