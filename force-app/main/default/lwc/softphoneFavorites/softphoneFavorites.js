import { LightningElement, api } from 'lwc';
import listFavorites from '@salesforce/apex/SoftphoneFavorites.listFavorites';
import removeFavorite from '@salesforce/apex/SoftphoneFavorites.removeFavorite';
import reorderFavorites from '@salesforce/apex/SoftphoneFavorites.reorderFavorites';
import { dialNumber, reportError } from 'c/softphoneEvents';
import { LABELS } from 'c/softphoneLabels';

/** The object of a record id, from its key prefix: favorites store the id only. */
const OBJECT_TYPES = { '003': 'Contact', '00Q': 'Lead', '001': 'Account', '005': 'User' };

export function recordOf(id, name, phone) {
  const objectType = id ? OBJECT_TYPES[id.slice(0, 3)] : undefined;
  return objectType ? { id, name, objectType, phone } : undefined;
}

/** The agent's favorites (SoftphoneFavorites), in their order, each with call, move and remove buttons. */
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

  /** Shows the new order at once and keeps it in Salesforce; a refused order puts the saved one back. */
  async handleMove(event) {
    const { key, offset } = event.detail;
    const from = this.favorites.findIndex((favorite) => favorite.id === key);
    const to = from + offset;
    if (from < 0 || to < 0 || to >= this.favorites.length) return;
    const order = [...this.favorites];
    const [moved] = order.splice(from, 1);
    order.splice(to, 0, moved);
    this.favorites = order;
    try {
      this.favorites = (await reorderFavorites({ favoriteIds: order.map((favorite) => favorite.id) })) || [];
    } catch (error) {
      reportError(this, error);
      await this.refresh();
    }
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
