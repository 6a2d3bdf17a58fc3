// Sign-ins: list, sign in (the provider checks the credentials first), the
// one-click demo and its public description, switch, sign out. A new sign-in
// starts its first sync at once, unless it must first ask whether its
// provider address is the same provider as one the cache holds the account's
// history under (provider-link.ts).
import type { DemoInfo } from '../../../shared/bridge';
import type { FeatureHandlers } from '../../bridge/handlers';
import { DEMO_ACCOUNT, DEMO_PASSWORD, DEMO_USERNAME } from '../../demo';
import type { FeatureDeps } from '../deps';
import { startProfileSync } from '../sync/targets';
import { toProfile } from './profile-service';
import { answerProviderLink, describeProfile, startOrAsk } from './provider-link';

/** The demo's sign-in is public (shown on the welcome card); only main knows it. */
export const DEMO_INFO: DemoInfo = {
  username: DEMO_USERNAME,
  password: DEMO_PASSWORD,
  accountNumber: DEMO_ACCOUNT.accountNumber,
  companyName: DEMO_ACCOUNT.companyName,
};

export function profileHandlers(deps: Pick<FeatureDeps, 'profiles' | 'coordinator' | 'cache'>) {
  const { profiles, coordinator } = deps;
  return {
    listProfiles: () => profiles.list().map((profile) => describeProfile(deps, profile)),
    signIn: async (request) => {
      const stored = await profiles.signIn(request);
      return { ...startOrAsk(deps, stored), passwordNotRemembered: profiles.passwordNotRemembered(stored.id) };
    },
    signInDemo: () => {
      const profile = profiles.signInDemo();
      startProfileSync(deps, profile);
      return toProfile(profile);
    },
    demoInfo: () => DEMO_INFO,
    switchProfile: ({ profileId }) => describeProfile(deps, profiles.switchTo(profileId)),
    linkProviderHistory: ({ profileId, from }) => answerProviderLink(deps, profileId, from),
    signOut: async ({ profileId, forgetPassword }) => {
      coordinator.cancel(profileId);
      await profiles.signOut(profileId, forgetPassword);
      return null;
    },
  } satisfies FeatureHandlers<'listProfiles' | 'signIn' | 'signInDemo' | 'demoInfo' | 'switchProfile' | 'linkProviderHistory' | 'signOut'>;
}
