import { LightningElement, api } from 'lwc';
import { LABELS, format } from './labels';

/**
 * A list view's call list while it runs: who is called next (or that this call is the last), with Skip and
 * Stop. The list and its rule are the core's (CallListRunner); this card only shows it and asks.
 */
export default class SoftphoneCallList extends LightningElement {
  /** The core's CallList: `remaining` (the first is next), `current`, `phase`. */
  @api list;
  labels = LABELS;

  get nextEntry() {
    return this.list?.remaining?.[0];
  }

  get nextText() {
    return this.nextEntry ? format(LABELS.next, this.nextEntry.name) : LABELS.last;
  }

  get skipLabel() {
    return this.nextEntry ? format(LABELS.skipName, this.nextEntry.name) : LABELS.skip;
  }

  handleSkip() {
    this.dispatchEvent(new CustomEvent('calllistskip'));
  }

  handleStop() {
    this.dispatchEvent(new CustomEvent('callliststop'));
  }
}
