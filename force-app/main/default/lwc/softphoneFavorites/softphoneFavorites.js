import { LightningElement, api } from 'lwc';
import listFavorites from '@salesforce/apex/SoftphoneFavorites.listFavorites';
import removeFavorite from '@salesforce/apex/SoftphoneFavorites.removeFavorite';
import { dialNumber, reportError } from 'c/softphoneEvents';
import { LABELS } from 'c/softphoneLabels';

/** The object of a record id, from its key prefix: favorites store the id only. */
const OBJECT_TYPES = { '003': 'Contact', '00Q': 'Lead', '001': 'Account', '005': 'User' };

export function recordOf(id, name, phone) {
  const objectType = id ? OBJECT_TYPES[id.slice(0, 3)] : undefined;
  return objectType ? { id, name, objectType, phone } : undefined;
}

/** The agent's favorites (SoftphoneFavorites), each with a call button and a remove button. */
export default class SoftphoneFavorites extends LightningElement {
  @api canDial = false;
  labels = LABELS;
  favorites = [];
  loading = true;

  connectedCallback() {
    this.refresh();
  }

  @api
  async refresh() {
    try {
      this.favorites = (await listFavorites()) || [];
    } catch (error) {
      reportError(this, error);
    } finally {
      this.loading = false;
    }
  }

  get entries() {
    return this.favorites.map((favorite) => ({
      key: favorite.id,
      name: favorite.label,
      number: favorite.phoneNumber,
      record: recordOf(favorite.relatedRecordId, favorite.label, favorite.phoneNumber),
    }));
  }

  handleCall(event) {
    dialNumber(this, event.detail);
  }

  async handleRemove(event) {
    try {
      await removeFavorite({ favoriteId: event.detail.key });
      await this.refresh();
    } catch (error) {
      reportError(this, error);
    }
  }
}
