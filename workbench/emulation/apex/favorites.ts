// EMULATION of SoftphoneFavorites: the running user's Softphone_Favorite__c records in the local store;
// list, add (idempotent by number, capped at 50), remove and reorder, with the Apex's validation messages.
import { AuraHandledException } from '../apex-error';
import type { ApexCall } from '../emulation-context';
import type { FavoriteRecord } from '../local-store';
import { sobjectOf, toIdOf } from '../salesforce-id';

const MAX_FAVORITES = 50;
const MAX_LABEL_LENGTH = 80;
const MAX_NUMBER_LENGTH = 40;
const DIALABLE = /^\+?[0-9*#()\s./-]+$/;

/** SoftphoneFavorites.Favorite. */
export interface Favorite {
  id: string;
  label: string;
  phoneNumber: string;
  relatedRecordId?: string;
  sortOrder?: number;
}

const normalizeSpace = (text: string) => text.replace(/\s+/g, ' ').trim();

function own(call: ApexCall): FavoriteRecord[] {
  return call.store.snapshot.favorites
    .filter((f) => f.OwnerId === call.user.Id)
    .sort(
      (a, b) =>
        (a.Sort_Order__c ?? Number.MAX_SAFE_INTEGER) - (b.Sort_Order__c ?? Number.MAX_SAFE_INTEGER) ||
        a.CreatedDate.localeCompare(b.CreatedDate),
    )
    .slice(0, MAX_FAVORITES);
}

function toFavorite(record: FavoriteRecord): Favorite {
  const related = record.Contact__c ?? record.Lead__c ?? record.Account__c;
  return {
    id: record.Id,
    label: record.Name,
    phoneNumber: record.Phone_Number__c,
    ...(related !== undefined ? { relatedRecordId: related } : {}),
    ...(record.Sort_Order__c !== undefined ? { sortOrder: Math.trunc(record.Sort_Order__c) } : {}),
  };
}

export const SoftphoneFavorites = {
  listFavorites(call: ApexCall): Favorite[] {
    return own(call).map(toFavorite);
  },

  addFavorite(
    call: ApexCall,
    params: { label: string | null; phoneNumber: string | null; relatedRecordId: string | null },
  ): Favorite {
    const numberText = normalizeSpace(params.phoneNumber ?? '');
    if (
      numberText.length > MAX_NUMBER_LENGTH ||
      !DIALABLE.test(numberText) ||
      numberText.replace(/[^0-9]/g, '').length === 0
    ) {
      throw new AuraHandledException(
        `This favorite can't be saved: enter a phone number or extension of at most ${MAX_NUMBER_LENGTH} characters.`,
      );
    }
    const name = (params.label ?? '').trim() === '' ? numberText : normalizeSpace(params.label ?? '');
    if (name.length > MAX_LABEL_LENGTH) {
      throw new AuraHandledException(
        `This favorite can't be saved: its name is longer than ${MAX_LABEL_LENGTH} characters.`,
      );
    }
    const relatedId = toIdOf(params.relatedRecordId, ['Contact', 'Lead', 'Account']);
    if ((params.relatedRecordId ?? '').trim() !== '' && relatedId === undefined) {
      throw new AuraHandledException(
        "This favorite can't be saved: it can only belong to a contact, a lead or an account.",
      );
    }
    const existing = own(call);
    const same = existing.find((f) => f.Phone_Number__c === numberText);
    if (same) return toFavorite(same);
    if (existing.length >= MAX_FAVORITES) {
      throw new AuraHandledException(
        `You already have ${MAX_FAVORITES} favorites: remove one before adding another.`,
      );
    }
    if (relatedId !== undefined) {
      const s = call.sample;
      if (![...s.contacts, ...s.leads, ...s.accounts].some((r) => r.Id === relatedId)) {
        throw new AuraHandledException("This favorite can't be saved: invalid cross reference id");
      }
    }
    const type = relatedId === undefined ? undefined : sobjectOf(relatedId);
    const record: FavoriteRecord = {
      Id: call.store.newId('Softphone_Favorite__c'),
      OwnerId: call.user.Id,
      Name: name,
      Phone_Number__c: numberText,
      Sort_Order__c: existing.length,
      CreatedDate: new Date(call.now()).toISOString(),
      ...(type === 'Contact' ? { Contact__c: relatedId } : {}),
      ...(type === 'Lead' ? { Lead__c: relatedId } : {}),
      ...(type === 'Account' ? { Account__c: relatedId } : {}),
    };
    call.store.update('favorites', (data) => data.favorites.push(record));
    return toFavorite(record);
  },

  removeFavorite(call: ApexCall, params: { favoriteId: string | null }): null {
    const id = toIdOf(params.favoriteId, ['Softphone_Favorite__c']);
    const record = id === undefined ? undefined : own(call).find((f) => f.Id === id);
    if (!record) throw new AuraHandledException('This favorite no longer exists: refresh your favorites.');
    call.store.update('favorites', (data) => {
      data.favorites = data.favorites.filter((f) => f !== record);
    });
    return null;
  },

  reorderFavorites(call: ApexCall, params: { favoriteIds: string[] | null }): Favorite[] {
    const order: string[] = [];
    for (const favoriteId of params.favoriteIds ?? []) {
      const id = toIdOf(favoriteId, ['Softphone_Favorite__c']);
      if (id === undefined || order.includes(id)) {
        throw new AuraHandledException(
          "Your favorites can't be reordered: the list contains an unknown or repeated favorite.",
        );
      }
      order.push(id);
    }
    const current = own(call);
    const byId = new Map(current.map((f) => [f.Id, f]));
    if (!order.every((id) => byId.has(id))) {
      throw new AuraHandledException(
        "Your favorites can't be reordered: some of them no longer exist. Refresh your favorites.",
      );
    }
    const reordered = [
      ...order.map((id) => byId.get(id) as FavoriteRecord),
      ...current.filter((f) => !order.includes(f.Id)),
    ];
    if (reordered.some((f, position) => f.Sort_Order__c !== position)) {
      call.store.update('favorites', () => {
        reordered.forEach((f, position) => {
          f.Sort_Order__c = position;
        });
      });
    }
    return SoftphoneFavorites.listFavorites(call);
  },
};
