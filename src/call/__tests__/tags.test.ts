// The view reads what it shows from these tags, never from state paths: each state the agent can tell
// apart carries its tag, so renaming or moving a state cannot silently change the panel.
import type { AnyStateNode } from 'xstate';
import { callMachine } from '../call-machine';
import { phoneMachine } from '../phone-machine';

const callTags: [string, string][] = [
  ['call.contact.matching', 'contactSearching'],
  ['call.contact.noMatch', 'noMatch'],
  ['call.contact.severalMatches', 'severalMatches'],
  ['call.contact.creatingContact', 'creatingContact'],
  ['call.contact.lookupFailed', 'lookupFailed'],
  ['call.progress.session.connected.mute.muted', 'muted'],
  ['call.progress.session.connected.keypad.shown', 'keypadOpen'],
  ['call.progress.wrapUp', 'inWrapUp'],
  ['call.progress.wrapUp.running', 'wrapUpRunning'],
  ['call.log.saving', 'savingLog'],
  ['call.log.refused', 'logRefused'],
  ['call.progress.session.deskphone.ringingDevice', 'callingDevice'],
  ['call.progress.session.deskphone.awaitingKey', 'awaitingKey'],
  ['call.progress.session.deskphone.connectingCustomer.callingCustomer', 'callingCustomer'],
  ['call.progress.session.deskphone.connectingCustomer.customerRinging', 'customerRinging'],
  ['call.progress.session.monitored', 'answeredOnDevice'],
];

const phoneTags: [string, string][] = [
  ['phone.registration.registering', 'registering'],
  ['phone.registration.registered', 'registered'],
  ['phone.registration.reconnecting', 'reconnecting'],
  ['phone.registration.lost', 'lost'],
  ['phone.registration.failed', 'failed'],
  ['phone.registration.unregistering', 'unregistering'],
  ['phone.availability.away', 'away'],
  ['phone.availability.onCall', 'onCall'],
  ['phone.availability.wrapUp', 'wrapUp'],
];

describe('tags the view reads', () => {
  it.each(callTags)('the call state %s is tagged %s', (id, tag) => {
    expect([...callMachine.getStateNodeById(id).tags]).toContain(tag);
  });

  it.each(phoneTags)('the phone state %s is tagged %s', (id, tag) => {
    expect([...phoneMachine.getStateNodeById(id).tags]).toContain(tag);
  });

  it('each view tag names exactly one state, so a tag never means two things', () => {
    const tagged = (node: AnyStateNode, tag: string): number =>
      (node.tags.includes(tag) ? 1 : 0) +
      Object.values(node.states).reduce((sum, child) => sum + tagged(child, tag), 0);
    for (const [, tag] of callTags) expect(tagged(callMachine.root, tag)).toBe(1);
    for (const [, tag] of phoneTags) expect(tagged(phoneMachine.root, tag)).toBe(1);
  });
});
