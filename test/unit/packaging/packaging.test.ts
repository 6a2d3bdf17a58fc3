// electron-builder.yml checked offline against electron-builder's own schema,
// and what it promises: the built app only, each platform's binaries only,
// the architecture from the command line, updates from the address given at
// build time (scripts/dist.mjs).
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore -- app-builder-lib ships this module without a public type path
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
// @ts-expect-error -- a plain .mjs script without types
import { archOptions, distConfig } from '../../../scripts/dist.mjs';

type Config = Record<string, any>;
const config = load(readFileSync('electron-builder.yml', 'utf8')) as Config;
const quietLogger = { isEnabled: false, add: () => {} };
const validate = (c: Config) => (validateConfiguration as (c: Config, l: unknown) => Promise<void>)(c, quietLogger);
const dist = { config: distConfig as (c: Config, env: Record<string, string | undefined>) => Config, arch: archOptions as (argv: string[]) => Record<string, true> };

describe('electron-builder.yml', () => {
  it('passes electron-builder schema validation, with and without an update address', async () => {
    await expect(validate(config)).resolves.toBeUndefined();
    await expect(validate(dist.config(config, {}))).resolves.toBeUndefined();
  });

  it('fails validation with an unknown key', async () => {
    await expect(validate({ ...config, notAnOption: true })).rejects.toThrow(/notAnOption/);
    await expect(validate({ ...config, mac: { ...config.mac, colour: 'blue' } })).rejects.toThrow(/configuration\.mac/);
  });

  it('targets Windows NSIS and macOS dmg+zip, with no architecture list (the command line gives it)', () => {
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(JSON.stringify(config)).not.toMatch(/"arch"/);
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.productName).toBe('OAI Desktop');
  });

  it('packs the built app only, without better-sqlite3’s sources or other platforms’ binaries', () => {
    const included = (config.files as string[]).filter((pattern) => !pattern.startsWith('!'));
    expect(included).toEqual(['out/{main,preload,renderer}/**', 'package.json']);
    expect(config.files).toEqual(
      expect.arrayContaining([
        '!**/node_modules/better-sqlite3/{src,deps,build}/**',
        '!**/node_modules/better-sqlite3/prebuilds/!(${platform}-${arch}).node',
      ]),
    );
  });

  it('unpacks only the native binaries of the target: better-sqlite3’s prebuild and the keyring’s', () => {
    expect(config.asar).toEqual({ smartUnpack: false });
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3/prebuilds/${platform}-${arch}.node', 'node_modules/@napi-rs/keyring-*/*.node']);
  });

  it('never rebuilds native modules and sets the fuses', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      grantFileProtocolExtraPrivileges: false,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('publishes updates to a generic address given at build time, one folder per platform and architecture', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.OAI_UPDATE_URL}/${platform}-${arch}' });
    expect(dist.config(config, { OAI_UPDATE_URL: 'https://updates.example.com/oai' }).publish).toEqual(config.publish);
    expect(dist.config(config, {}).publish).toBeNull();
    expect(dist.config(config, { OAI_UPDATE_URL: '  ' }).publish).toBeNull();
  });

  it('npm run dist builds one architecture: --x64 or --arm64, else the machine’s', () => {
    expect(dist.arch([])).toEqual({});
    expect(dist.arch(['--x64'])).toEqual({ x64: true });
    expect(dist.arch(['--arm64'])).toEqual({ arm64: true });
    expect(() => dist.arch(['--x64', '--arm64'])).toThrow(/one architecture per run/);
    expect(() => dist.arch(['--ia32'])).toThrow(/unknown argument/);
  });

  it('points at generated icons that are real PNG / ICO / ICNS files', () => {
    const png = readFileSync('resources/icon.png');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1024); // width in IHDR
    const ico = readFileSync(config.win.icon as string);
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(4);
    const icns = readFileSync(config.mac.icon as string);
    expect(icns.subarray(0, 4).toString()).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });
});
