// The browser harness's stand-ins for Electron's dialogs: a save lands in the
// harness's downloads folder (and reports the path); Print and Save as PDF
// render the same print layout route to PDF in headless Chromium; an Open
// dialog picks the most recently modified matching file of the imports folder.
import { chromium, type Browser } from '@playwright/test';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PRINT_ERROR_ATTRIBUTE, PRINT_READY_ATTRIBUTE } from '../shared/print-route';
import type { OpenKind, ShellIntegration } from '../main/app/shell-integration';
import { writeFileAtomically } from '../main/app/save-file';
import { AppError } from '../main/errors';

export interface HarnessIntegration extends ShellIntegration {
  close(): Promise<void>;
}

/** A name in `dir` that does not exist yet: "x.xlsx", then "x (2).xlsx", … */
export function freshFileName(dir: string, name: string): string {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n += 1) {
    const candidate = path.join(dir, n === 1 ? name : `${stem} (${n})${ext}`);
    if (!existsSync(candidate)) return candidate;
  }
}

const OPEN_EXTENSIONS: Record<OpenKind, string[]> = { sqlite: ['.sqlite'] };

/** The most recently modified file of `dir` with one of `kind`'s extensions; null when there is none. */
export function newestFileIn(dir: string, kind: OpenKind): string | null {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return null;
  }
  const files = names
    .filter((name) => OPEN_EXTENSIONS[kind].includes(path.extname(name).toLowerCase()))
    .map((name) => path.join(dir, name))
    .flatMap((file) => {
      const stats = statSync(file, { throwIfNoEntry: false });
      return stats?.isFile() ? [{ file, modified: stats.mtimeMs }] : [];
    });
  files.sort((a, b) => b.modified - a.modified);
  return files[0]?.file ?? null;
}

function chromiumPath(): string | undefined {
  return process.env.CHROMIUM_PATH ?? ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
}

export function createHarnessIntegration(options: {
  downloadsDir: string;
  /** The Open dialogs' stand-in: Restore… takes its newest *.sqlite; Import… its other files, by name. */
  importsDir: string;
  pageUrl: () => string;
  /** Plays a computer without a printer: Print answers no_printer, as Electron does there. */
  noPrinter?: boolean;
}): HarnessIntegration {
  let browser: Promise<Browser> | null = null;
  const launch = () =>
    (browser ??= chromium.launch({
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    }));

  async function renderPdf(layoutHash: string): Promise<Buffer> {
    const page = await (await launch()).newPage();
    try {
      await page.goto(options.pageUrl() + layoutHash);
      await page.waitForSelector(`html[${PRINT_READY_ATTRIBUTE}]`, { state: 'attached', timeout: 60_000 }).catch(() => {
        throw new AppError('print_failed', 'The print layout did not finish rendering in time.');
      });
      const failure = await page.locator('html').getAttribute(PRINT_ERROR_ATTRIBUTE);
      if (failure) throw new AppError('print_failed', `The print layout could not be prepared: ${failure}`);
      return await page.pdf({ printBackground: true, preferCSSPageSize: true });
    } finally {
      await page.close();
    }
  }

  return {
    chooseSaveFile: (defaultName) => Promise.resolve(freshFileName(options.downloadsDir, defaultName)),
    chooseOpenFile: (kind) => Promise.resolve(newestFileIn(options.importsDir, kind)),
    // No file manager here: showArchiveFolder answers with the path.
    showInFolder: () => undefined,
    chooseImportFiles: () => Promise.resolve(filesIn(options.importsDir)),
    renderPdf,
    async print(layoutHash, defaultName) {
      if (options.noPrinter) throw new AppError('no_printer', 'This computer has no printer. Save the view as a PDF instead.');
      const file = freshFileName(options.downloadsDir, defaultName);
      await writeFileAtomically(file, await renderPdf(layoutHash));
      return { status: 'saved', path: file };
    },
    async close() {
      if (browser) await (await browser).close();
      browser = null;
    },
  };
}

/** The harness's "Open" answer for imports: the folder's files but archives (*.sqlite), sorted by name; null (cancelled) when there are none. */
function filesIn(dir: string): string[] | null {
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir)
    .filter((name) => !name.toLowerCase().endsWith('.sqlite'))
    .sort()
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile());
  return files.length > 0 ? files : null;
}
