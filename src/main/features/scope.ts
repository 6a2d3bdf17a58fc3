// What a sign-in may see. Every data call of the bridge names a sign-in (its
// profile id), never an account or a provider: main resolves it here to its
// scope, the account at the sign-in's provider and, for a room sign-in, its
// one room. The renderer cannot name anything wider.
import { DEMO_PROVIDER, providerKey, type ViewScope } from '../cache';
import { AppError } from '../errors';
import type { StoredProfile } from '../settings/settings-store';

export type { ViewScope } from '../cache';

/** The key a sign-in's data is stored under: its address's origin, or the embedded demo's stable name. */
export function providerOfProfile(profile: Pick<StoredProfile, 'isDemo' | 'serverUrl'>): string {
  return profile.isDemo ? DEMO_PROVIDER : providerKey(profile.serverUrl);
}

/** The sign-in's scope. Its account number comes from the provider at sign-in (a room login learns it there). */
export function scopeOfProfile(profile: StoredProfile): ViewScope {
  if (profile.accountNumber === null) {
    throw new AppError('not_found', 'This sign-in does not know its account number yet: sign in again.');
  }
  return { provider: providerOfProfile(profile), accountNumber: profile.accountNumber, roomNumber: profile.roomNumber };
}

/** The scope of the sign-in a call names (unknown_profile when settings no longer list it). */
export function resolveScope(profiles: { get(id: string): StoredProfile }, profileId: string): ViewScope {
  return scopeOfProfile(profiles.get(profileId));
}

/** A room outside a room sign-in's scope is not found, as if it did not exist. */
export function requireRoomInScope(scope: ViewScope, roomNumber: string): void {
  if (scope.roomNumber !== null && scope.roomNumber !== roomNumber) {
    throw new AppError('not_found', `Room ${roomNumber} is not part of this sign-in (room ${scope.roomNumber} only).`);
  }
}
