// What the app is and where it runs.
import type { FeatureHandlers } from '../../bridge/handlers';
import type { FeatureDeps } from '../deps';

export function appInfoHandlers({ app }: Pick<FeatureDeps, 'app'>) {
  return {
    appInfo: () => ({ name: 'OAI Desktop', version: app.version, platform: process.platform, shell: app.shell, locale: app.locale }),
  } satisfies FeatureHandlers<'appInfo'>;
}
