import { LightningElement, api } from 'lwc';
import addFavorite from '@salesforce/apex/SoftphoneFavorites.addFavorite';
import { dialNumber, reportError } from 'c/softphoneEvents';
import { LABELS } from 'c/softphoneLabels';

/** No call on the phone: search or type a number, the dial pad, Favorites and Recents. */
export default class SoftphoneIdle extends LightningElement {
  /** SoftphoneView.canDial */
  @api canDial = false;
  /** SoftphoneView.recentsRevision: Recents reloads when it changes. */
  @api recentsRevision = 0;
  labels = LABELS;
  dialpadOpen = false;

  @api
  focus() {
    this.template.querySelector('c-softphone-search')?.focus();
  }

  get showDialpad() {
    return this.canDial && this.dialpadOpen;
  }

  get dialpadExpanded() {
    return String(this.dialpadOpen);
  }

  handleDialpadToggle() {
    this.dialpadOpen = !this.dialpadOpen;
  }

  handleDigit(event) {
    this.template.querySelector('c-softphone-search').append(event.detail.digit);
  }

  handleSelect(event) {
    dialNumber(this, event.detail);
  }

  async handleFavorite(event) {
    const { name, number, record } = event.detail;
    try {
      await addFavorite({ label: name, phoneNumber: number, relatedRecordId: record?.id ?? null });
      await this.template.querySelector('c-softphone-favorites')?.refresh();
    } catch (error) {
      reportError(this, error);
    }
  }
}
