// The whole browser harness: the real services, the harness's Save/Print
// equivalents, and the HTTP server, wired once for `npm run start:browser`,
// the end-to-end tests and the benchmarks.
import { mkdirSync } from 'node:fs';
import { createAppServices, type AppEnvironment, type AppServices } from '../main/app/app-services';
import { createHarnessIntegration } from './harness-integration';
import { startHarness, type Harness } from './server';

export interface HarnessApp {
  url: string;
  services: AppServices;
  harness: Harness;
  close(): Promise<void>;
}

export async function startHarnessApp(
  env: Omit<AppEnvironment, 'shell' | 'integration'>,
  options: { rendererDir: string; downloadsDir: string; importsDir?: string; port?: number; noPrinter?: boolean },
): Promise<HarnessApp> {
  mkdirSync(options.downloadsDir, { recursive: true });
  // Print layouts are pages of the harness itself, known once it listens.
  let pageUrl = '';
  const integration = createHarnessIntegration({ downloadsDir: options.downloadsDir, pageUrl: () => pageUrl, noPrinter: options.noPrinter, importsDir: options.importsDir });
  const services = await createAppServices({ ...env, shell: 'browser-harness', integration });
  const harness = await startHarness({ rendererDir: options.rendererDir, services, port: options.port });
  pageUrl = harness.url;
  return {
    url: harness.url,
    services,
    harness,
    close: async () => {
      await harness.close();
      await integration.close();
      await services.close();
    },
  };
}
