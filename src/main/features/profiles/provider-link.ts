// A provider's address can change (a new host name, a port). The cache keys
// an account's history by the address's origin, so a sign-in at the new
// address would start an empty history beside the old one. When a sign-in's
// address holds nothing of its account and another address holds history of
// the same account number, the sign-in waits and the user is asked whether it
// is the same provider: linking moves the history to the new address in one
// transaction before the first sync; keeping apart leaves two histories, each
// shown under a sign-in at its own address. The embedded demo's synthetic
// data is never offered.
import type { Profile, RelinkCandidate } from '../../../shared/bridge';
import { DEMO_PROVIDER, listCachedAccounts, moveAccountToProvider, type ReadableDB } from '../../cache';
import { AppError } from '../../errors';
import type { StoredProfile } from '../../settings/settings-store';
import type { FeatureDeps } from '../deps';
import { providerOfProfile } from '../scope';
import { startProfileSync } from '../sync/targets';
import { userFacing } from '../user-errors';
import { toProfile } from './profile-service';

/** Other addresses holding history of the account when `provider` holds none yet; most months first. */
export function relinkCandidates(db: ReadableDB, provider: string, accountNumber: string | null): RelinkCandidate[] {
  if (accountNumber === null || provider === DEMO_PROVIDER) return [];
  const holding = listCachedAccounts(db).filter((account) => account.accountNumber === accountNumber && account.months > 0);
  if (holding.some((account) => account.provider === provider)) return [];
  return holding
    .filter((account) => account.provider !== DEMO_PROVIDER)
    .map(({ provider: other, months }) => ({ provider: other, months }))
    .sort((a, b) => b.months - a.months);
}

/** The sign-in as the renderer sees it, with its open question if it has one. */
export function describeProfile({ cache }: Pick<FeatureDeps, 'cache'>, stored: StoredProfile): Profile {
  const candidates = stored.awaitingLinkAnswer ? relinkCandidates(cache.read(), providerOfProfile(stored), stored.accountNumber) : [];
  return toProfile(stored, candidates);
}

/** After a successful sign-in: ask first (no sync) when other addresses hold the account's history, else sync. */
export function startOrAsk(deps: Pick<FeatureDeps, 'cache' | 'profiles' | 'coordinator'>, stored: StoredProfile): Profile {
  const candidates = relinkCandidates(deps.cache.read(), providerOfProfile(stored), stored.accountNumber);
  if (candidates.length === 0) {
    startProfileSync(deps, stored);
    return toProfile(stored);
  }
  return toProfile(deps.profiles.setAwaitingLinkAnswer(stored.id, true), candidates);
}

/** The user's answer: link `from`'s history to the sign-in's address (or keep apart, null), then sync. */
export function answerProviderLink(deps: Pick<FeatureDeps, 'cache' | 'profiles' | 'coordinator'>, profileId: string, from: string | null): Profile {
  const profile = deps.profiles.get(profileId);
  if (!profile.awaitingLinkAnswer) throw new AppError('not_found', 'This sign-in has no question about its provider address waiting.');
  if (from !== null) {
    const provider = providerOfProfile(profile);
    const accountNumber = profile.accountNumber ?? '';
    if (!relinkCandidates(deps.cache.read(), provider, accountNumber).some((candidate) => candidate.provider === from)) {
      throw new AppError('not_found', `${from} holds no history of account ${accountNumber} to link.`);
    }
    userFacing(() => moveAccountToProvider(deps.cache.write(), { provider: from, accountNumber }, provider));
  }
  const answered = deps.profiles.setAwaitingLinkAnswer(profileId, false);
  startProfileSync(deps, answered);
  return toProfile(answered);
}
