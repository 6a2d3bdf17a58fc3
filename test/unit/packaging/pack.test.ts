// electron-builder run for real, offline: a Linux `dir` package of the built
// app with a stand-in Electron (Electron cannot be downloaded here, and the
// fuses need the real binary), to see what the installers would hold — the
// built app only, the target's native binaries unpacked and nothing else,
// and the update address given at build time.
import asar from '@electron/asar';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without types
import { distConfig } from '../../../scripts/dist.mjs';

const built = existsSync('out/main/index.js') && existsSync('out/renderer/index.html');
const target = `${process.platform}-${process.arch}`;
let resources = '';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe.skipIf(!built || process.platform !== 'linux')('a package built with electron-builder.yml', () => {
  beforeAll(async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'oai-pack-'));
    const fakeElectron = path.join(work, 'electron-dist');
    mkdirSync(path.join(fakeElectron, 'resources'), { recursive: true });
    writeFileSync(path.join(fakeElectron, 'electron'), '#!/bin/sh\n');
    chmodSync(path.join(fakeElectron, 'electron'), 0o755);
    const yml = load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;
    const config = {
      ...(distConfig as (c: object, env: object) => Record<string, unknown>)(yml, { OAI_UPDATE_URL: 'https://updates.example.com/oai' }),
      electronDist: fakeElectron,
      electronFuses: null,
      directories: { ...(yml.directories as object), output: path.join(work, 'dist') },
      linux: { target: ['dir'] },
    };
    process.env.OAI_UPDATE_URL = 'https://updates.example.com/oai';
    const { default: builder } = await import('electron-builder');
    await builder.build({ config, linux: ['dir'], [process.arch]: true, publish: 'never' } as never);
    resources = path.join(work, 'dist', readdirSync(path.join(work, 'dist')).find((n) => n.endsWith('-unpacked'))!, 'resources');
  }, 240_000);

  it('holds the built app and package.json, nothing else of the project', () => {
    const ownFiles = asar.listPackage(path.join(resources, 'app.asar'), { isPack: false }).filter((f) => !f.startsWith(`${path.sep}node_modules`));
    expect(ownFiles.every((f) => f === `${path.sep}package.json` || /^[\\/]out([\\/](main|preload|renderer)([\\/].*)?)?$/.test(f)), ownFiles.join('\n')).toBe(true);
    expect(ownFiles).toContain(path.join(path.sep, 'out', 'main', 'index.js'));
  });

  it('unpacks the target’s two native binaries and nothing else', () => {
    const unpacked = filesUnder(path.join(resources, 'app.asar.unpacked')).map((f) => path.relative(resources, f).split(path.sep).join('/'));
    expect(unpacked.sort()).toEqual(
      [`app.asar.unpacked/node_modules/better-sqlite3/prebuilds/${target}.node`, expect.stringMatching(/^app\.asar\.unpacked\/node_modules\/@napi-rs\/keyring-[a-z0-9-]+\/keyring\.[a-z0-9-]+\.node$/)].sort(),
    );
  });

  it('leaves better-sqlite3’s sources and the other platforms’ prebuilds out', () => {
    const sqlite = asar.listPackage(path.join(resources, 'app.asar'), { isPack: false }).filter((f) => f.includes('better-sqlite3'));
    expect(sqlite.filter((f) => /[\\/](src|deps)[\\/]/.test(f) || f.endsWith('.gyp'))).toEqual([]);
    expect(sqlite.filter((f) => f.endsWith('.node')).map((f) => path.basename(f))).toEqual([`${target}.node`]);
  });

  it('tells electron-updater the update address for this platform and architecture', () => {
    const updateConfig = load(readFileSync(path.join(resources, 'app-update.yml'), 'utf8'));
    expect(updateConfig).toMatchObject({ provider: 'generic', url: `https://updates.example.com/oai/${target}` });
  });
});
