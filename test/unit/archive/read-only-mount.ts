// Read-only conditions made real even as root (where file modes do not stop
// writes): a read-only bind mount of a folder or a file inside a private
// mount namespace (unshare -m). Needs root on Linux, as CI has.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';

export const canMountReadOnly = process.platform === 'linux' && process.getuid?.() === 0 && spawnSync('unshare', ['--version']).status === 0;
export const READ_ONLY_MOUNT_NEEDS = 'needs root on Linux (unshare -m, mount --bind -o ro)';

/** `sh -c` script: makes "$1" (a folder or a file) read-only, then runs the command that follows it. */
const SCRIPT = 'target="$1"; shift; mount --bind "$target" "$target" && mount -o remount,bind,ro "$target" && exec "$@"';

/** Runs `command` to its end with `target` read-only. */
export function runWithReadOnly(target: string, command: string[], timeout = 60_000) {
  return spawnSync('unshare', ['-m', 'sh', '-c', SCRIPT, 'sh', target, ...command], { encoding: 'utf8', timeout });
}

/** Starts `command` with `target` read-only; it runs until killed. */
export function startWithReadOnly(target: string, command: string[]): ChildProcessWithoutNullStreams {
  return spawn('unshare', ['-m', 'sh', '-c', SCRIPT, 'sh', target, ...command], { stdio: 'pipe' });
}
