import { LightningElement, api } from 'lwc';
import { dialNumber, sendToPhone } from 'c/softphoneEvents';
import { LABELS, format } from 'c/softphoneLabels';

/**
 * A transfer or conference in progress: the original call is held while the agent dials the third party.
 * A transfer asks for an explicit choice: supervised (talk to the third party, then Complete transfer) or
 * unsupervised (the call is handed over as soon as the third party is dialled).
 */
export default class SoftphoneConsult extends LightningElement {
  /** SoftphoneView.consultation */
  @api consultation;
  /** The CallViews of consultation.originalCallId and consultCallId, when the view still has them. */
  @api originalCall;
  @api consultCall;
  /** SoftphoneView.canCompleteTransfer, canMergeConference, canCancelConsultation */
  @api canCompleteTransfer = false;
  @api canMerge = false;
  @api canCancel = false;
  /** The core's view module (SoftphoneCore.view): which statuses mean the held party left. */
  @api statuses;
  labels = LABELS;
  /** 'supervised' or 'unsupervised': the agent's choice, none until they make it. */
  transferType;

  transferOptions = [
    { label: LABELS.supervised, value: 'supervised' },
    { label: LABELS.unsupervised, value: 'unsupervised' },
  ];

  get isTransfer() {
    return this.consultation.purpose === 'transfer';
  }

  get heading() {
    return this.isTransfer
      ? format(LABELS.transferTitle, this.originalCall?.title ?? '').trim()
      : LABELS.conferenceTitle;
  }

  get isHoldingOriginal() {
    return !this.consultation.consultCallId && this.originalCall?.status === 'holding';
  }

  get holdingText() {
    return format(LABELS.puttingOnHold, this.originalCall.title);
  }

  /** The original call is held (or there is none: adding to a running conference) and nobody is dialled yet. */
  get isAwaitingTarget() {
    if (this.consultation.consultCallId) return false;
    return !this.consultation.originalCallId || this.originalCall?.status === 'held';
  }

  /** OfficeConnect: the held party hung up while the third party is being called; only hanging up is left. */
  get heldPartyGone() {
    return (
      !!this.consultation.originalCallId &&
      !!this.consultation.consultCallId &&
      (!this.originalCall || this.statuses.GONE_STATUSES.includes(this.originalCall.status))
    );
  }

  get goneText() {
    return format(LABELS.heldPartyGone, this.originalCall?.title || this.consultation.originalCallId);
  }

  get canChooseTarget() {
    return !this.isTransfer || !!this.transferType;
  }

  get targetLabel() {
    return this.isTransfer ? LABELS.transferTo : LABELS.addParticipant;
  }

  get targetAction() {
    return this.transferType === 'unsupervised' ? LABELS.transfer : LABELS.call;
  }

  handleTransferType(event) {
    this.transferType = event.detail.value;
  }

  handleSelect(event) {
    const { number, record } = event.detail;
    dialNumber(this, this.isTransfer ? { number, record, transfer: this.transferType } : { number, record });
  }

  handleComplete() {
    sendToPhone(this, { type: 'ui.transfer.complete' });
  }

  handleMerge() {
    sendToPhone(this, { type: 'ui.conference.merge' });
  }

  handleCancel() {
    sendToPhone(this, { type: 'ui.consult.cancel' });
  }
}
