// A fresh machine: npm test installs the system packages it lacks on Debian
// or Ubuntu as root, from the same list .ci/run reads; elsewhere it prints
// the one command to run.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
// @ts-expect-error -- a plain .mjs script without types
import { aptPackages, ensureSystemPackages, isDebianLike, systemPackagesPlan } from '../../../scripts/system-packages.mjs';

describe('system packages', () => {
  it('one list, read by .ci/run and by npm test', () => {
    expect(aptPackages()).toEqual(['chromium', 'gnome-keyring', 'dbus', 'libsecret-1-0', 'poppler-utils', 'fonts-dejavu-core', 'openssl', 'python3-openpyxl', 'libreoffice-calc-nogui']);
    const ci = readFileSync('.ci/run', 'utf8');
    expect(ci).toContain('.ci/apt-packages.txt');
    for (const name of aptPackages() as string[]) expect(ci, `${name} listed again in .ci/run`).not.toContain(name);
    expect(readFileSync('scripts/test.mjs', 'utf8')).toContain('ensureSystemPackages');
  });

  it('recognises Debian and Ubuntu and their derivatives', () => {
    expect(isDebianLike('PRETTY_NAME="Debian GNU/Linux 13"\nID=debian\n')).toBe(true);
    expect(isDebianLike('ID=ubuntu\nID_LIKE=debian\n')).toBe(true);
    expect(isDebianLike('ID=linuxmint\nID_LIKE="ubuntu debian"\n')).toBe(true);
    expect(isDebianLike('ID=fedora\n')).toBe(false);
  });

  it('plans: install as root on Debian; otherwise the one command to run', () => {
    const missing = ['chromium', 'poppler-utils'];
    expect(systemPackagesPlan({ platform: 'linux', debianLike: true, root: true, missing })).toEqual({
      kind: 'install',
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium', 'poppler-utils'],
      ],
    });
    expect(systemPackagesPlan({ platform: 'linux', debianLike: true, root: false, missing })).toEqual({
      kind: 'tell',
      command: 'sudo apt-get install -y -qq --no-install-recommends chromium poppler-utils',
    });
    expect(systemPackagesPlan({ platform: 'linux', debianLike: false, root: true, missing }).command).toBe(
      'install with your package manager (Debian names): chromium poppler-utils',
    );
    expect(systemPackagesPlan({ platform: 'linux', debianLike: true, root: true, missing: [] })).toEqual({ kind: 'ok' });
    expect(systemPackagesPlan({ platform: 'darwin', debianLike: false, root: false, missing: [], chromiumMissing: true })).toEqual({
      kind: 'tell',
      command: 'npx playwright install chromium',
    });
  });

  it('as root on Debian, runs apt-get for the missing packages only, non-interactively', async () => {
    const run = vi.fn((_command: string, _args: string[], _options: { env: Record<string, string> }) => ({ status: 0 }));
    const probe = () => ({ debianLike: true, root: true, installed: (name: string) => name !== 'poppler-utils' && name !== 'dbus' });
    await expect(ensureSystemPackages({ platform: 'linux', probe, run, log: () => {} })).resolves.toBeNull();
    expect(run.mock.calls.map(([command, args]) => [command, ...args].join(' '))).toEqual([
      'apt-get update -qq',
      'apt-get install -y -qq --no-install-recommends dbus poppler-utils',
    ]);
    expect(run.mock.calls[1]![2].env.DEBIAN_FRONTEND).toBe('noninteractive');
  });

  it('says what failed when apt-get fails, and prints the command when not root', async () => {
    const failing = vi.fn(() => ({ status: 100 }));
    const probe = (root: boolean) => () => ({ debianLike: true, root, installed: (name: string) => name !== 'chromium' });
    await expect(ensureSystemPackages({ platform: 'linux', probe: probe(true), run: failing, log: () => {} })).resolves.toMatch(/apt-get update -qq` failed \(exit 100\)/);
    const notRoot = vi.fn();
    await expect(ensureSystemPackages({ platform: 'linux', probe: probe(false), run: notRoot, log: () => {} })).resolves.toMatch(
      /Run:\n {2}sudo apt-get install -y -qq --no-install-recommends chromium\n/,
    );
    expect(notRoot).not.toHaveBeenCalled();
  });
});
