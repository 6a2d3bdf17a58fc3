import { describe, expect, it } from 'vitest';
import { counterContent, cssString, installPageRules, pageRules, type EditableStyleSheet } from '../../../src/renderer/src/print/page-rules';

describe('print page rules', () => {
  it('quotes text as a CSS string, escaping quotes, backslashes and line breaks', () => {
    expect(cssString('Plain')).toBe('"Plain"');
    expect(cssString('Say "hi" \\ bye\nnext')).toBe('"Say \\"hi\\" \\\\ bye\\A next"');
  });

  it('turns a translated page-number template into counters', () => {
    expect(counterContent('Page {page} / {pages}')).toBe('"Page " counter(page) " / " counter(pages)');
    expect(counterContent('{page} sur {pages}')).toBe('counter(page) " sur " counter(pages)');
  });

  it('puts the footer and page number on every page, the running header from page 2', () => {
    const [every, first] = pageRules({ footer: 'Generated 5/20/2009 · call "+32"', pageNumber: 'Page {page} / {pages}', runningHeader: 'Account Summary — 602127' });
    expect(every).toContain('@bottom-left { content: "Generated 5/20/2009 · call \\"+32\\"";');
    expect(every).toContain('@bottom-right { content: "Page " counter(page) " / " counter(pages);');
    expect(every).toContain('@top-left { content: "Account Summary — 602127";');
    expect(first).toBe('@page :first { @top-left { content: none; } }');
  });

  it('inserts into the first stylesheet it may edit, skipping rules the browser refuses', () => {
    const inserted: string[] = [];
    const foreign = {
      get cssRules(): never {
        throw new Error('cross-origin');
      },
    };
    const own = {
      cssRules: { length: 3 },
      insertRule(rule: string, index: number) {
        if (rule.includes(':first')) throw new SyntaxError('unsupported');
        inserted.push(`${index}:${rule.slice(0, 7)}`);
        return index;
      },
    };
    const sheets = [foreign, own] as unknown as EditableStyleSheet[];
    expect(installPageRules({ footer: 'f', pageNumber: '{page}', runningHeader: 'h' }, sheets)).toBe(1);
    expect(inserted).toEqual(['3:@page {']);
  });
});
