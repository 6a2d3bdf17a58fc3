// What the CLI does to text before a terminal sees it (src/cli/terminal-text.ts).
/* eslint-disable no-control-regex -- control characters are what these tests look for */
import { describe, expect, it } from 'vitest';
import { forTerminal, jsonForTerminal, oneLine } from '../../../src/cli/terminal-text';

describe('forTerminal', () => {
  it('removes whole escape sequences, then any control character but the newline', () => {
    expect(forTerminal('a\x1b[1;31mb\x1b[0mc')).toBe('abc');
    expect(forTerminal('a\x1b]0;title\x07b\x1b]0;title\x1b\\c')).toBe('abc');
    expect(forTerminal('a\x9b2Jb\x9d0;t\x9cc')).toBe('abc');
    expect(forTerminal('a\x1bPq#0;2;0;0;0\x1b\\b')).toBe('ab');
    expect(forTerminal('a\x1b(0b\x1b7c\x1bcd')).toBe('abcd');
    expect(forTerminal('open\x1b]0;never ends')).toBe('open');
    expect(forTerminal('a\rb\x00c\x7fd\x85e\tf\ng')).toBe('abcde f\ng');
    expect(forTerminal('Jean-Baptiste Godeau 😀 Élodie')).toBe('Jean-Baptiste Godeau 😀 Élodie');
    expect(oneLine('two\nlines\r\n\x1b[2Jhere')).toBe('two lines here');
  });

  it('JSON escapes what JSON.stringify leaves raw (DEL, C1), so it still parses to the same value', () => {
    const value = { name: 'a\x1b[2J\x7f\x9b\u2028b' };
    const text = jsonForTerminal(value);
    expect(text).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
