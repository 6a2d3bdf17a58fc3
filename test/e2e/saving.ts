// Saving a view in the harness (Download, Print, Save as PDF land in the
// fixture's downloads folder) and reading the PDFs back with poppler.
import type { Page } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, plain, saveScreenshot, type HarnessFixture } from './fixtures';

export const HAVE_POPPLER = ['pdftotext', 'pdfinfo', 'pdftoppm'].every((tool) => spawnSync(tool, ['-v'], { stdio: 'ignore' }).error === undefined);

export type ExportButton = 'Download' | 'Print' | 'Save as PDF';

/** Clicks one of the view's export buttons and returns the saved file the notice names. */
export async function saveWith(
  page: Page,
  app: HarnessFixture,
  button: ExportButton,
  whileRunning?: () => Promise<void>,
  screenshot?: string,
): Promise<string> {
  await page.getByRole('group', { name: 'Download and print' }).getByRole('button', { name: button, exact: true }).click();
  await whileRunning?.();
  const notice = page.getByTestId('export-notice');
  await expect(notice).toHaveAttribute('data-tone', 'saved', { timeout: 30_000 });
  await expect(notice).toContainText('Saved to');
  const file = await page.getByTestId('export-path').getAttribute('title');
  expect(file).not.toBeNull();
  expect(path.dirname(file!)).toBe(app.downloadsDir);
  expect(existsSync(file!), `${file} exists`).toBe(true);
  if (screenshot) await saveScreenshot(page, screenshot);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  return file!;
}

export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return plain(execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' }));
}

/** A saved PDF: a real PDF, whose text holds the view's heading and total. */
export function expectPdf(file: string, texts: readonly (string | RegExp)[]): void {
  expect(file).toMatch(/\.pdf$/);
  expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  if (!HAVE_POPPLER) return;
  const text = pdfText(file);
  for (const expected of texts) expect(text).toMatch(expected);
}
