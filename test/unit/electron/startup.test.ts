// Start-up failure, with fakes: the recovery screen first; without it, a
// native error box in the user's language, cleanup, exit 1.
import { describe, expect, it, vi } from 'vitest';
import { translator } from '../../../src/shared/i18n';
import { createStartFailureHandler, recoveryScreenNotAvailable, startSafely, type StartFailureDeps } from '../../../src/main/electron/startup';

function deps(overrides: Partial<StartFailureDeps> = {}) {
  const calls: string[] = [];
  const d: StartFailureDeps = {
    showRecoveryScreen: recoveryScreenNotAvailable,
    showErrorBox: vi.fn((title: string) => calls.push(`errorBox ${title}`)),
    translate: () => translator('en'),
    logFolder: '/logs',
    log: { info: () => {}, error: vi.fn() },
    cleanup: vi.fn(async () => void calls.push('cleanup')),
    exit: vi.fn((code: number) => void calls.push(`exit ${code}`)),
    ...overrides,
  };
  return { d, calls };
}

describe('start-up failure', () => {
  it('without a recovery screen: error box naming the cause and the log folder, then cleanup, then exit 1', async () => {
    const { d, calls } = deps();
    await createStartFailureHandler(d)(new Error('This cache was written by a newer version.'));
    expect(calls).toEqual(['errorBox OAI Desktop could not start', 'cleanup', 'exit 1']);
    expect(d.showErrorBox).toHaveBeenCalledWith(
      'OAI Desktop could not start',
      expect.stringMatching(/could not start: This cache was written by a newer version\.[\s\S]*in \/logs\./),
    );
  });

  it('in the user’s language', async () => {
    const { d } = deps({ translate: () => translator('fr') });
    await createStartFailureHandler(d)(new Error('x'));
    expect(d.showErrorBox).toHaveBeenCalledWith('OAI Desktop n’a pas pu démarrer', expect.stringContaining('journal'));
  });

  it('shows the recovery screen when it is available, and then neither an error box nor an exit', async () => {
    const showRecoveryScreen = vi.fn(async () => true);
    const { d, calls } = deps({ showRecoveryScreen });
    const error = new Error('damaged');
    await createStartFailureHandler(d)(error);
    expect(showRecoveryScreen).toHaveBeenCalledWith(error);
    expect(calls).toEqual([]);
  });

  it('falls back to the error box when even the recovery screen cannot load', async () => {
    const { d, calls } = deps({ showRecoveryScreen: async () => Promise.reject(new Error('ERR_FAILED')) });
    await createStartFailureHandler(d)(new Error('damaged'));
    expect(calls).toEqual(['errorBox OAI Desktop could not start', 'cleanup', 'exit 1']);
  });

  it('still exits when the cleanup fails', async () => {
    const { d } = deps({ cleanup: () => Promise.reject(new Error('busy')) });
    await createStartFailureHandler(d)(new Error('x'));
    expect(d.exit).toHaveBeenCalledWith(1);
  });

  it('startSafely hands a throw or a rejection of any step to the failure handler', async () => {
    const onFailure = vi.fn(async (_error: unknown) => {});
    await startSafely(() => {
      throw new Error('sync throw');
    }, onFailure);
    await startSafely(() => Promise.reject(new Error('rejection')), onFailure);
    await startSafely(async () => {}, onFailure);
    expect(onFailure.mock.calls.map(([e]) => (e as Error).message)).toEqual(['sync throw', 'rejection']);
  });
});
