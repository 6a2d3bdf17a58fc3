// Where OAI Desktop keeps its cache, settings and log: the same folder
// Electron's app.getPath('userData') gives, so the CLI and the app share one
// archive.
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'OAI Desktop';
export const CACHE_FILE_NAME = 'oai-cache.sqlite';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), PRODUCT_NAME);
}
