// electron-builder.yml checked offline against electron-builder's own schema.
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore -- app-builder-lib ships this module without a public type path
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js';

type Config = Record<string, any>;
const config = load(readFileSync('electron-builder.yml', 'utf8')) as Config;
const quietLogger = { isEnabled: false, add: () => {} };
const validate = (c: Config) => (validateConfiguration as (c: Config, l: unknown) => Promise<void>)(c, quietLogger);

describe('electron-builder.yml', () => {
  it('passes electron-builder schema validation', async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it('fails validation with an unknown key', async () => {
    await expect(validate({ ...config, notAnOption: true })).rejects.toThrow(/notAnOption/);
    await expect(validate({ ...config, mac: { ...config.mac, colour: 'blue' } })).rejects.toThrow(/configuration\.mac/);
  });

  it('targets Windows NSIS and macOS dmg+zip for x64 and arm64', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(config.mac.target).toEqual([
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ]);
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.productName).toBe('OAI Desktop');
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
