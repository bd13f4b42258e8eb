import { LightningElement, api } from 'lwc';

const KEYS = [
  ['1', ''],
  ['2', 'ABC'],
  ['3', 'DEF'],
  ['4', 'GHI'],
  ['5', 'JKL'],
  ['6', 'MNO'],
  ['7', 'PQRS'],
  ['8', 'TUV'],
  ['9', 'WXYZ'],
  ['*', ''],
  ['0', '+'],
  ['#', ''],
].map(([digit, letters]) => ({ digit, letters }));
const DIGIT = /^[0-9*#]$/;

/**
 * Twelve phone keys; digits typed on the keyboard while focus is on the pad work as well.
 * @fires digit detail `{ digit }`
 */
export default class SoftphoneDialpad extends LightningElement {
  /** Names the group for screen readers ("Dial pad", "Keypad"). */
  @api label;
  keys = KEYS;

  handleClick(event) {
    this.press(event.currentTarget.dataset.digit);
  }

  handleKeyDown(event) {
    if (!DIGIT.test(event.key) || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    this.press(event.key);
  }

  press(digit) {
    this.dispatchEvent(new CustomEvent('digit', { detail: { digit } }));
  }
}
