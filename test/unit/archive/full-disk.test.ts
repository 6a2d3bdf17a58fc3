// A full disk while backing up, made real: a small tmpfs mounted in a private
// mount namespace (unshare -m), which needs root on Linux (CI runs as root on Debian).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../sync/helpers';

const canMount = process.platform === 'linux' && process.getuid?.() === 0 && spawnSync('unshare', ['--version']).status === 0;
const why = 'needs root on Linux (unshare -m, mount -t tmpfs)';

describe.skipIf(!canMount)(`a full disk while backing up (${why})`, () => {
  it('fails cleanly: no partial backup, the previous ones kept and intact', () => {
    const dir = tempDir('oai-full-disk-');
    const script = 'mount -t tmpfs -o size=32m tmpfs "$1" && exec "$2" --import tsx test/unit/archive/children/full-disk-child.ts "$1"';
    const run = spawnSync('unshare', ['-m', 'sh', '-c', script, 'sh', dir, process.execPath], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    expect(result.error).toMatch(/disk is full|ENOSPC|no space left/i);
    expect(result.backups).toEqual([result.first]);
    expect(result.listed).toEqual([result.first]);
    expect(result).toMatchObject({ firstUnchanged: true, firstIntact: true, cacheIntact: true });
  }, 90_000);
});

if (!canMount) console.log(`full-disk backup test skipped: it ${why}`);
