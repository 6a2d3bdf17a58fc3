// The provider's account, periods and rooms as the cache's inputs (the cache
// knows nothing of the provider's API). Unknown room fields are kept as JSON.
import type { AccountInput, PeriodMeta, RoomInput } from '../cache';
import type { AccountResponse, ApiPeriod, ApiRoom } from '../provider/api-schemas';
import { extraFieldsJson, KNOWN_ROOM_FIELDS } from './extra-fields';

export function toAccountInput(account: AccountResponse): AccountInput {
  return {
    accountNumber: account.accountNumber,
    companyName: account.companyName,
    currency: account.currency,
    timeZone: account.timeZone,
    supportPhone: account.supportPhone ?? null,
  };
}

export function toPeriodMeta(period: ApiPeriod): PeriodMeta {
  return { period: period.period, start: period.start, invoiced: period.invoiced, revision: period.revision };
}

export function toRoomInput(room: ApiRoom): RoomInput {
  return {
    roomNumber: room.roomNumber,
    cardholder: room.cardholder,
    autoBillingCode: room.autoBillingCode,
    conferenceCount: room.conferenceCount,
    accumulatedSeconds: room.accumulatedSeconds,
    chargeCents: room.chargeCents,
    extraJson: extraFieldsJson(room, KNOWN_ROOM_FIELDS),
  };
}
