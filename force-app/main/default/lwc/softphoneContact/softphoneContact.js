import { LightningElement, api } from 'lwc';
import { sendToPhone } from 'c/softphoneEvents';
import { LABELS, format } from 'c/softphoneLabels';

const OBJECTS = {
  Contact: { icon: 'standard:contact', label: LABELS.objectContact },
  Lead: { icon: 'standard:lead', label: LABELS.objectLead },
  Account: { icon: 'standard:account', label: LABELS.objectAccount },
  User: { icon: 'standard:user', label: LABELS.objectUser },
};

function describe(match) {
  const object = OBJECTS[match.objectType] || { icon: 'standard:record', label: match.objectType };
  return {
    ...match,
    icon: object.icon,
    typeLabel: object.label,
    detail: [object.label, match.title, match.accountName].filter((part) => !!part).join(' · '),
  };
}

/**
 * Who is calling, from the CRM search the call runs: one record → its details; several → the agent picks;
 * none → "New contact" (a prefilled new-record form). Derived from CallView.contact and its actions.
 */
export default class SoftphoneContact extends LightningElement {
  /** A CallView of the core. */
  @api call;
  labels = LABELS;

  get contact() {
    return this.call.contact;
  }

  get isSearching() {
    return this.contact.state === 'searching';
  }

  get isNoMatch() {
    return this.contact.state === 'none';
  }

  get isCreating() {
    return this.contact.state === 'creating';
  }

  get isFailed() {
    return this.contact.state === 'failed';
  }

  get failedText() {
    return format(LABELS.lookupFailed, this.contact.error || '').trim();
  }

  get chosen() {
    return this.contact.chosen ? describe(this.contact.chosen) : null;
  }

  get canPick() {
    return this.call.actions.pickContact && this.contact.matches.length > 1;
  }

  get choices() {
    const chosenId = this.contact.chosen?.id;
    return this.contact.matches.map((match) => ({
      ...describe(match),
      isChosen: match.id === chosenId,
      pickText: format(LABELS.pickContactFor, match.name),
    }));
  }

  get canCreate() {
    return this.call.actions.newContact && !this.isCreating;
  }

  handlePick(event) {
    sendToPhone(this, {
      type: 'ui.contact.pick',
      callId: this.call.callId,
      recordId: event.currentTarget.dataset.recordId,
    });
  }

  handleNew() {
    sendToPhone(this, { type: 'ui.contact.new', callId: this.call.callId });
  }

  // The view has no action flags for these two: the machine accepts them in exactly these contact states.
  handleCancelNew() {
    sendToPhone(this, { type: 'ui.contact.cancel', callId: this.call.callId });
  }

  handleRetry() {
    sendToPhone(this, { type: 'ui.contact.retry', callId: this.call.callId });
  }
}
