import { LightningElement, api } from 'lwc';
import { sendToPhone } from 'c/softphoneEvents';
import { LABELS } from 'c/softphoneLabels';

/** A ringing call: who calls, the matching records, and Answer / Reject / Reply with text / Redirect. */
export default class SoftphoneIncoming extends LightningElement {
  /** A CallView of the core with status 'ringing'. */
  @api call;
  /** Another call is in progress: this one is a call waiting. */
  @api waiting = false;
  /** settings.textReplies */
  @api textReplies = [];
  labels = LABELS;
  /** Which panel the agent opened: 'reply', 'redirect' or null. */
  panel = null;

  @api
  focus() {
    this.template.querySelector('[data-id="answer"], lightning-button')?.focus();
  }

  get heading() {
    return this.waiting ? LABELS.callWaiting : LABELS.incomingCall;
  }

  get showNumber() {
    return this.call.remote.number !== this.call.title;
  }

  /** Deskphone mode: the agent's own phone rings and answers; the panel only shows who calls. */
  get answersElsewhere() {
    const { answer, reject, rejectWithText, redirect } = this.call.actions;
    return !answer && !reject && !rejectWithText && !redirect;
  }

  get showReply() {
    return this.panel === 'reply' && this.call.actions.rejectWithText;
  }

  get showRedirect() {
    return this.panel === 'redirect' && this.call.actions.redirect;
  }

  get replyExpanded() {
    return String(this.showReply);
  }

  get redirectExpanded() {
    return String(this.showRedirect);
  }

  handleAnswer() {
    sendToPhone(this, { type: 'ui.answer', callId: this.call.callId });
  }

  handleReject() {
    sendToPhone(this, { type: 'ui.reject', callId: this.call.callId });
  }

  handleReplyToggle() {
    this.openPanel(this.panel === 'reply' ? null : 'reply');
  }

  handleRedirectToggle() {
    this.openPanel(this.panel === 'redirect' ? null : 'redirect');
  }

  handleClosePanel() {
    this.openPanel(null);
    this.focus();
  }

  /** The phone knows while Redirect is open: a click-to-dial meanwhile redirects the call there. */
  openPanel(panel) {
    const callId = this.call.callId;
    if (this.panel === 'redirect' && panel !== 'redirect')
      sendToPhone(this, { type: 'ui.redirect.cancel', callId });
    if (panel === 'redirect' && this.panel !== 'redirect')
      sendToPhone(this, { type: 'ui.redirect.choose', callId });
    this.panel = panel;
  }
}
