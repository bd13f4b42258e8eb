import { LightningElement, api } from 'lwc';
import { LABELS, format } from 'c/softphoneLabels';

/**
 * People and numbers with a call button each (search results, favorites, recent calls).
 * Entries: `{ key, name, number, detail?, time?, record? }`.
 * @fires call detail `{ number, record }`
 * @fires favorite detail `{ name, number, record }`
 * @fires remove detail `{ key }`
 * @fires move detail `{ key, offset }`: -1 moves the entry up, +1 down
 */
export default class SoftphoneNumberList extends LightningElement {
  @api entries = [];
  /** Names the list for screen readers. */
  @api label;
  /** Whether the phone can place calls now: without it the call buttons are left out. */
  @api canCall = false;
  @api canFavorite = false;
  @api canRemove = false;
  /** Up and down buttons on each entry (favorites keep the agent's order). */
  @api canReorder = false;
  @api emptyText;

  get rows() {
    const entries = this.entries || [];
    return entries.map((entry, index) => ({
      ...entry,
      callable: this.canCall && !!entry.number,
      showNumber: !!entry.number && entry.number !== entry.name,
      favoritable: this.canFavorite && !!entry.number,
      callText:
        entry.name && entry.name !== entry.number
          ? format(LABELS.callEntry, entry.name, entry.number)
          : format(LABELS.callNumber, entry.number),
      favoriteText: format(LABELS.addFavorite, entry.name || entry.number),
      removeText: format(LABELS.removeFavorite, entry.name || entry.number),
      movableUp: this.canReorder && index > 0,
      movableDown: this.canReorder && index < entries.length - 1,
      upText: format(LABELS.moveFavoriteUp, entry.name || entry.number),
      downText: format(LABELS.moveFavoriteDown, entry.name || entry.number),
    }));
  }

  get hasRows() {
    return this.rows.length > 0;
  }

  entryOf(event) {
    return this.entries.find((entry) => entry.key === event.currentTarget.dataset.key);
  }

  handleCall(event) {
    const entry = this.entryOf(event);
    this.dispatchEvent(new CustomEvent('call', { detail: { number: entry.number, record: entry.record } }));
  }

  handleFavorite(event) {
    const entry = this.entryOf(event);
    this.dispatchEvent(
      new CustomEvent('favorite', {
        detail: { name: entry.name, number: entry.number, record: entry.record },
      }),
    );
  }

  handleMove(event) {
    const { key, offset } = event.currentTarget.dataset;
    this.dispatchEvent(new CustomEvent('move', { detail: { key, offset: Number(offset) } }));
  }

  handleRemove(event) {
    this.dispatchEvent(new CustomEvent('remove', { detail: { key: event.currentTarget.dataset.key } }));
  }
}
