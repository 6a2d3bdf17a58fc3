// Issue 15, point 19: `npm run -s cli -- summary … | head` must not crash with
// an EPIPE stack trace: a reader that closes early ends the CLI quietly.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs the CLI as a real process whose stdout reader is gone before it writes; its exit code and stderr. */
function runIntoClosedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Like `| head -0`: the reading end closes at once, long before the CLI has started.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('a closed pipe', () => {
  it('ends the CLI quietly: no EPIPE, no stack trace', async () => {
    const { code, stderr } = await runIntoClosedPipe(['--help']);
    expect(stderr).not.toMatch(/EPIPE|Error| {4}at /);
    expect(code).toBe(0);
  }, 30_000);
});
