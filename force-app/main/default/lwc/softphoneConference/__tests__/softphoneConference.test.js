import { createElement } from 'lwc';
import axe from 'axe-core';

const members = require('./data/members.json');

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
mockCustomLabels();
const SoftphoneConference = require('c/softphoneConference').default;

const clone = (value) => JSON.parse(JSON.stringify(value));

describe('c-softphone-conference', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  function createComponent(list = clone(members), canLeave = true) {
    const element = createElement('c-softphone-conference', { is: SoftphoneConference });
    Object.assign(element, { members: list, canLeave });
    document.body.appendChild(element);
    const sent = jest.fn();
    element.addEventListener('softphonesend', (event) => sent(event.detail));
    return { element, sent };
  }

  const byId = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);
  const all = (element, id) => [...element.shadowRoot.querySelectorAll(`[data-id="${id}"]`)];

  it('lists the participants, the agent counted', () => {
    const { element } = createComponent();

    expect(byId(element, 'conference-heading').textContent).toBe('Conference (3 people)');
    expect(all(element, 'participant-name').map((node) => node.textContent)).toEqual([
      'Ada Lovelace',
      'Help desk',
    ]);
    expect(all(element, 'participant-status').map((node) => node.textContent.trim())).toEqual([
      'In conference',
      'In conference',
    ]);
  });

  it('shows a party added before answering as still being called', () => {
    const list = clone(members);
    list[1].answeredAt = null;
    const { element } = createComponent(list);

    expect(all(element, 'participant-status')[1].textContent.trim()).toBe('Calling…');
  });

  it('removes one participant', () => {
    const { element, sent } = createComponent();
    const remove = all(element, 'remove-participant');

    expect(remove[1].alternativeText).toBe('Remove Help desk');
    remove[1].click();

    expect(sent).toHaveBeenCalledWith({ type: 'ui.conference.remove', callId: 'call-2' });
  });

  it('adds a participant through a member that accepts it', () => {
    const list = clone(members);
    list[0].actions.conference = false;
    const { element, sent } = createComponent(list);

    byId(element, 'add-participant').click();

    expect(sent).toHaveBeenCalledWith({ type: 'ui.conference.start', callId: 'call-2' });
  });

  it('mutes the agent towards every participant, then unmutes', async () => {
    const { element, sent } = createComponent();

    byId(element, 'mute-conference').click();
    const muted = clone(members).map((member) => ({
      ...member,
      muted: true,
      actions: { ...member.actions, mute: false, unmute: true },
    }));
    element.members = muted;
    await Promise.resolve();
    byId(element, 'unmute-conference').click();

    expect(sent.mock.calls).toEqual([
      [{ type: 'ui.mute', callId: 'call-1' }],
      [{ type: 'ui.mute', callId: 'call-2' }],
      [{ type: 'ui.unmute', callId: 'call-1' }],
      [{ type: 'ui.unmute', callId: 'call-2' }],
    ]);
  });

  it('ends the conference for everyone', () => {
    const { element, sent } = createComponent();

    byId(element, 'leave-conference').click();

    expect(sent).toHaveBeenCalledWith({ type: 'ui.conference.leave' });
  });

  it('offers nothing the phone would refuse', () => {
    const list = clone(members).map((member) => ({
      ...member,
      actions: Object.fromEntries(Object.keys(member.actions).map((action) => [action, false])),
    }));
    const { element } = createComponent(list, false);

    expect(all(element, 'remove-participant')).toEqual([]);
    expect(byId(element, 'add-participant')).toBeNull();
    expect(byId(element, 'mute-conference')).toBeNull();
    expect(byId(element, 'leave-conference')).toBeNull();
  });

  describe("the customer's notes", () => {
    function withNotes(notes = 'Wants a refund') {
      const list = clone(members);
      list[0].notes = notes;
      const created = createComponent(list);
      created.element.notesCall = list[0];
      return created;
    }
    const notesField = (element) =>
      byId(element, 'conference-notes').shadowRoot.querySelector('[data-id="notes"]');

    it("shows the notes the agent wrote on the customer's call, labelled with whose record they go to, once the view names that call", async () => {
      const { element } = createComponent();
      expect(byId(element, 'conference-notes')).toBeNull();

      element.notesCall = { ...clone(members)[0], notes: 'Wants a refund' };
      await Promise.resolve();

      expect(notesField(element).value).toBe('Wants a refund');
      expect(notesField(element).label).toBe('Notes for Ada Lovelace');
    });

    it("what the agent types goes to the customer's call", async () => {
      const { element, sent } = withNotes();
      await Promise.resolve();

      notesField(element).dispatchEvent(
        new CustomEvent('change', { detail: { value: 'Wants a refund. Agreed.' } }),
      );
      notesField(element).dispatchEvent(new CustomEvent('blur'));

      expect(sent).toHaveBeenCalledWith({
        type: 'ui.notes.changed',
        callId: 'call-1',
        text: 'Wants a refund. Agreed.',
      });
    });

    it('is accessible with the notes field', async () => {
      const { element } = withNotes();
      await Promise.resolve();
      expect(notesField(element)).not.toBeNull();
      const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
      expect(violations).toEqual([]);
    });
  });

  it('is accessible', async () => {
    const { element } = createComponent();
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations).toEqual([]);
  });
});
