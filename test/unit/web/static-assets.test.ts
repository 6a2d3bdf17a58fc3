import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAsset, resolveAssetPath } from '../../../src/main/web/static-assets';

function rendererFolder() {
  const base = mkdtempSync(path.join(os.tmpdir(), 'oai-assets-'));
  const root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<html><head></head></html>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(base, 'secret.txt'), 'top secret');
  symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.js'));
  return root;
}

describe('static renderer assets', () => {
  it('serves files inside the folder with CSP and content type', async () => {
    const root = rendererFolder();
    const index = await loadAsset(root, '/');
    expect(index.status).toBe(200);
    expect(index.headers['Content-Type']).toMatch(/text\/html/);
    expect(index.headers['Content-Security-Policy']).toContain("script-src 'self'");
    const js = await loadAsset(root, '/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['Content-Type']).toMatch(/javascript/);
  });

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/assets/%00.js',
    '/%E0%A4%A',
  ])('refuses %s', async (urlPath) => {
    const root = rendererFolder();
    const response = await loadAsset(root, urlPath);
    expect(response.status).toBe(404);
    expect(String(response.body)).not.toContain('top secret');
  });

  it('refuses a symlink that leads outside the folder', async () => {
    const root = rendererFolder();
    const response = await loadAsset(root, '/assets/link.js');
    expect(response.status).toBe(404);
  });

  it('maps client routes to index.html and never leaves the root', () => {
    expect(resolveAssetPath('/r', '/summary')).toBe(path.resolve('/r/index.html'));
    expect(resolveAssetPath('/r', '/../../etc/passwd.txt')).toBe(path.resolve('/r/etc/passwd.txt'));
  });
});

describe('Content-Security-Policy in index.html', () => {
  it('repeats the header’s policy in a <meta> element, less what a <meta> cannot carry', async () => {
    const { readFileSync } = await import('node:fs');
    const { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } = await import('../../../src/main/web/csp');
    const html = readFileSync('src/renderer/index.html', 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors'))).toEqual(meta!.split('; '));
    // It comes before anything the page loads.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<link'));
  });
});
