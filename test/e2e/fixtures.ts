// Starts the real browser harness (real services, a fresh data folder) for
// each test, in-process, and hands its URL to the test.
import { test as base } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppServices, type AppServices } from '../../src/main/app/app-services';
import { startHarness, type Harness } from '../../src/harness/server';

export const RENDERER_DIR = path.resolve('out/renderer');
export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

export interface HarnessFixture {
  url: string;
  dataDir: string;
  services: AppServices;
  harness: Harness;
}

export const test = base.extend<{ osLocale: string; app: HarnessFixture }>({
  osLocale: ['en-GB', { option: true }],
  app: async ({ osLocale }, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'oai-e2e-'));
    const services = await createAppServices({ dataDir, shell: 'browser-harness', version: '0.0.0-e2e', locale: osLocale });
    const harness = await startHarness({ rendererDir: RENDERER_DIR, services });
    await use({ url: harness.url, dataDir, services, harness });
    await harness.close();
    await services.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export const expect = test.expect;
export const screenshotPath = (name: string) => path.join(SCREENSHOT_DIR, `${name}.png`);
