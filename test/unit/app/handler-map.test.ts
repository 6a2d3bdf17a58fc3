// The bridge's handler map is the features' handlers merged: together they
// answer every call of the contract, and no two features answer the same one.
import { describe, expect, it } from 'vitest';
import { bridgeHandlers } from '../../../src/main/app/app-services';
import type { FeatureDeps } from '../../../src/main/features/deps';
import { appInfoHandlers } from '../../../src/main/features/app-info/handlers';
import { archiveHandlers } from '../../../src/main/features/archive/handlers';
import { billingCodeHandlers } from '../../../src/main/features/billing-codes/handlers';
import { exportHandlers } from '../../../src/main/features/export/handlers';
import { importHandlers } from '../../../src/main/features/import/handlers';
import { menuHandlers } from '../../../src/main/features/menu/handlers';
import { profileHandlers } from '../../../src/main/features/profiles/handlers';
import { searchHandlers } from '../../../src/main/features/search/handlers';
import { settingsHandlers } from '../../../src/main/features/settings/handlers';
import { syncHandlers } from '../../../src/main/features/sync/handlers';
import { viewHandlers } from '../../../src/main/features/views/handlers';
import { reportHandlers } from '../../../src/main/features/reports/handlers';
import { bridgeCallNames } from '../../../src/shared/bridge';

// Building handlers only captures deps; no call runs here.
const deps = { app: { shell: 'browser-harness', version: 't', locale: 'en' } } as FeatureDeps;
const importFeature = (d: FeatureDeps) => importHandlers({ ...d, run: () => Promise.resolve([]) });
const features = [
  appInfoHandlers,
  profileHandlers,
  settingsHandlers,
  viewHandlers,
  reportHandlers,
  billingCodeHandlers,
  searchHandlers,
  exportHandlers,
  syncHandlers,
  menuHandlers,
  archiveHandlers,
  importFeature,
];

describe('the handler map', () => {
  it('answers every contract call, and only those', () => {
    expect(Object.keys(bridgeHandlers(deps)).sort()).toEqual([...bridgeCallNames].sort());
  });

  it('gives each call to exactly one feature', () => {
    const names = features.flatMap((feature) => Object.keys(feature(deps)));
    expect(names.sort()).toEqual([...bridgeCallNames].sort());
  });
});
