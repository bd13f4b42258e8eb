import { LightningElement, api } from 'lwc';
import { sendToPhone } from 'c/softphoneEvents';
import { LABELS, format } from 'c/softphoneLabels';

/**
 * The conference the agent's browser bridges: its participants (each can be removed), adding one more,
 * muting the agent towards everyone, ending it for all, and the notes on the customer's call.
 */
export default class SoftphoneConference extends LightningElement {
  /** The CallViews with inConference. */
  @api members = [];
  /** SoftphoneView.canLeaveConference */
  @api canLeave = false;
  /** The CallView of SoftphoneView.conferenceNotesCallId: the customer's call, whose notes the agent writes. */
  @api notesCall;
  labels = LABELS;

  /** Whose record the notes are logged against, so the field says it. */
  get notesLabel() {
    return format(LABELS.conferenceNotes, this.notesCall.title);
  }

  get heading() {
    return format(LABELS.conferenceHeading, this.members.length + 1);
  }

  get participants() {
    return this.members.map((member) => ({
      callId: member.callId,
      title: member.title,
      // Added before answering: every party hears it ring until it does.
      statusText: member.answeredAt ? LABELS.statusConference : LABELS.statusDialing,
      canRemove: member.actions.removeFromConference,
      removeText: format(LABELS.removeParticipant, member.title),
    }));
  }

  /** The agent's microphone is muted per leg: mute every leg that can be, or unmute every muted one. */
  get muteAll() {
    if (this.members.some((member) => member.actions.unmute)) {
      return { id: 'unmute-conference', action: 'unmute', label: LABELS.unmute, icon: 'utility:unmuted' };
    }
    if (this.members.some((member) => member.actions.mute)) {
      return { id: 'mute-conference', action: 'mute', label: LABELS.mute, icon: 'utility:muted' };
    }
    return null;
  }

  /** Adding a party is asked of any member that accepts it. */
  get adder() {
    return this.members.find((member) => member.actions.conference);
  }

  handleRemove(event) {
    sendToPhone(this, { type: 'ui.conference.remove', callId: event.currentTarget.dataset.callId });
  }

  handleMute() {
    const { action } = this.muteAll;
    for (const member of this.members.filter((candidate) => candidate.actions[action])) {
      sendToPhone(this, { type: `ui.${action}`, callId: member.callId });
    }
  }

  handleAdd() {
    sendToPhone(this, { type: 'ui.conference.start', callId: this.adder.callId });
  }

  handleLeave() {
    sendToPhone(this, { type: 'ui.conference.leave' });
  }
}
