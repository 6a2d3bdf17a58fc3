// The release workflow, validated offline with action-validator (its JSON
// schemas of GitHub's workflow syntax), and the step before `npm run dist`
// that fails when the runner lacks the native packages of its target.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without types
import { KEYRING_PACKAGES, nativeBinaries, nativeProblems } from '../../../scripts/check-native.mjs';
import { tempDir } from '../sync/helpers';

const WORKFLOW = '.github/workflows/release.yml';
const workflow = load(readFileSync(WORKFLOW, 'utf8')) as any;

function actionValidator(file: string) {
  return spawnSync(process.execPath, ['node_modules/@action-validator/cli/cli.mjs', file], { encoding: 'utf8' });
}

describe('release workflow', () => {
  it('passes action-validator', () => {
    const run = actionValidator(WORKFLOW);
    expect(run.status, run.stdout + run.stderr).toBe(0);
  });

  it('a broken workflow fails the same check', () => {
    const dir = tempDir('oai-workflow-');
    const broken = path.join(dir, 'release.yml');
    writeFileSync(broken, readFileSync(WORKFLOW, 'utf8').replace('runs-on: ${{ matrix.runner }}', 'run-on: ${{ matrix.runner }}'));
    expect(actionValidator(broken).status).not.toBe(0);
    const badStep = path.join(dir, 'bad-step.yml');
    writeFileSync(badStep, readFileSync(WORKFLOW, 'utf8').replace('      - uses: actions/checkout@v4', '      - uses: actions/checkout@v4\n        runs: always'));
    expect(actionValidator(badStep).status).not.toBe(0);
  });

  it('builds Windows x64 and arm64 and macOS arm64 and x64, each on a native runner', () => {
    const matrix = workflow.jobs.installer.strategy.matrix.include as Array<Record<string, string>>;
    expect(matrix.map(({ runner, platform, arch }) => [runner, `${platform}-${arch}`])).toEqual([
      ['windows-latest', 'win32-x64'],
      ['windows-11-arm', 'win32-arm64'],
      ['macos-15', 'darwin-arm64'],
      ['macos-15-intel', 'darwin-x64'],
    ]);
    expect(workflow.jobs.installer['runs-on']).toBe('${{ matrix.runner }}');
  });

  it('runs npm ci, the tests, the native check, then dist for the runner’s architecture only', () => {
    const runs = (workflow.jobs.installer.steps as Array<{ run?: string }>).map((s) => s.run).filter(Boolean);
    expect(runs).toEqual([
      'npm ci --no-audit --no-fund',
      'npx playwright install chromium',
      'npm test',
      'npm run check-native -- --platform ${{ matrix.platform }} --arch ${{ matrix.arch }}',
      'npm run dist -- --${{ matrix.arch }}',
    ]);
  });
});

describe('native packages check', () => {
  const fakeModules = (target: string, parts: { keyring?: boolean; sqlite?: boolean } = {}) => {
    const dir = tempDir('oai-native-');
    const binaries = nativeBinaries(target);
    for (const [name, relative] of Object.entries(binaries as Record<string, string>)) {
      if (parts[name as 'keyring' | 'sqlite'] === false) continue;
      mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
      writeFileSync(path.join(dir, relative), 'not really a binary');
    }
    return dir;
  };

  it('knows each target’s keyring package and better-sqlite3 prebuild', () => {
    expect(nativeBinaries('win32-arm64')).toEqual({
      keyring: path.join('@napi-rs/keyring-win32-arm64-msvc', 'keyring.win32-arm64-msvc.node'),
      sqlite: path.join('better-sqlite3', 'prebuilds', 'win32-arm64.node'),
    });
    expect(KEYRING_PACKAGES['darwin-x64']).toBe('@napi-rs/keyring-darwin-x64');
  });

  it('passes on a runner of the target with both binaries', () => {
    expect(nativeProblems({ target: 'win32-arm64', host: 'win32-arm64', modulesDir: fakeModules('win32-arm64'), load: false })).toEqual([]);
  });

  it('fails when the keyring package or the SQLite prebuild of the target is missing', () => {
    const noKeyring = nativeProblems({ target: 'win32-arm64', host: 'win32-arm64', modulesDir: fakeModules('win32-arm64', { keyring: false }), load: false });
    expect(noKeyring).toEqual([expect.stringMatching(/^@napi-rs\/keyring-win32-arm64-msvc\/keyring\.win32-arm64-msvc\.node is missing/)]);
    const noSqlite = nativeProblems({ target: 'darwin-x64', host: 'darwin-x64', modulesDir: fakeModules('darwin-x64', { sqlite: false }), load: false });
    expect(noSqlite).toEqual([expect.stringMatching(/^better-sqlite3\/prebuilds\/darwin-x64\.node is missing/)]);
  });

  it('fails on a runner of another architecture (a cross build)', () => {
    const problems = nativeProblems({ target: 'darwin-x64', host: 'darwin-arm64', modulesDir: fakeModules('darwin-x64'), load: false });
    expect(problems).toEqual([expect.stringContaining('this machine is darwin-arm64, not darwin-x64')]);
    expect(nativeProblems({ target: 'win32-ia32', host: 'win32-ia32', modulesDir: 'node_modules' })[0]).toMatch(/not a platform the app is built for/);
  });

  it('fails when a binary of this machine does not load', () => {
    const host = `${process.platform}-${process.arch}`;
    const dir = fakeModules(host);
    expect(nativeProblems({ target: host, host, modulesDir: dir })).toEqual([
      expect.stringMatching(/^keyring binary .* does not load/),
      expect.stringMatching(/^sqlite binary .* does not load/),
    ]);
  });

  it('as a command: passes here for this machine, fails for another architecture', () => {
    const here = spawnSync(process.execPath, ['scripts/check-native.mjs'], { encoding: 'utf8' });
    expect(here.status, here.stderr).toBe(0);
    expect(here.stdout).toMatch(/present and loadable/);
    const other = process.arch === 'x64' ? 'arm64' : 'x64';
    const cross = spawnSync(process.execPath, ['scripts/check-native.mjs', '--arch', other], { encoding: 'utf8' });
    expect(cross.status).toBe(1);
    expect(cross.stderr).toContain(`cannot build the ${process.platform}-${other} installer here`);
  });
});
