import { clone, mockSettings, STORAGE_KEY, startsWithFakeCore } from './serviceStart';
import { createElement } from 'lwc';
import { loadScript } from 'lightning/platformResourceLoader';
import {
  createMessageContext,
  getSubscriberCount,
  publish,
  resetMessageService,
} from 'lightning/messageService';
import { CurrentPageReference, getNavigateCalledWith, resetNavigation } from 'lightning/navigation';
import { EnclosingUtilityId, enablePopout, open, updateUtility } from 'lightning/platformUtilityBarApi';
import SOFTPHONE_CHANNEL from '@salesforce/messageChannel/Softphone__c';
import getSettings from '@salesforce/apex/SoftphoneSettingsController.getSettings';
import saveDeviceNumber from '@salesforce/apex/SoftphoneSettingsController.saveDeviceNumber';
import getSipCredentials from '@salesforce/apex/SoftphoneCredentials.getSipCredentials';
import getStorageKey from '@salesforce/apex/SoftphoneCredentials.getStorageKey';
import logCall from '@salesforce/apex/SoftphoneCallLog.logCall';
import listRecents from '@salesforce/apex/SoftphoneRecents.listRecents';
import axe from 'axe-core';

const idleView = require('./data/idleView.json');
const ringingCall = require('./data/ringingCall.json');

jest.mock(
  '@salesforce/apex/SoftphoneFavorites.listFavorites',
  () => ({ default: jest.fn(() => Promise.resolve([])) }),
  {
    virtual: true,
  },
);
jest.mock(
  '@salesforce/apex/SoftphoneRecents.listRecents',
  () => ({ default: jest.fn(() => Promise.resolve([])) }),
  {
    virtual: true,
  },
);

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
const LABELS = mockCustomLabels();
const Softphone = require('c/softphone').default;

/** The test plays Lightning: the utility's page reference changes as the agent moves around. */
// eslint-disable-next-line @lwc/lwc/no-unexpected-wire-adapter-usages -- emitting is the platform's part
const showPage = (pageReference) => CurrentPageReference.emit(pageReference);

const viewWith = (...calls) => ({ ...clone(idleView), calls });
const callWith = (overrides) => ({ ...clone(ringingCall), ...overrides });

describe('c-softphone', () => {
  let fake;

  beforeEach(() => {
    fake = startsWithFakeCore();
  });

  afterEach(() => {
    // The jsdom instance is shared across test cases in a single file so reset the DOM
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    delete window.SoftphoneCore;
    resetMessageService();
    resetNavigation();
    jest.clearAllMocks();
  });

  // Resolves after pending promises (Apex, loadScript) and the re-render they cause.
  function flushPromises() {
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- test helper, not component code
    return new Promise((resolve) => setTimeout(resolve, 0));
  }

  async function createComponent() {
    const element = createElement('c-softphone', { is: Softphone });
    document.body.appendChild(element);
    await flushPromises();
    return element;
  }

  const $ = (element, selector) => element.shadowRoot.querySelector(selector);
  const options = () => fake.core.createSharedSoftphone.mock.calls[0][0];
  const errorPanel = (element) => $(element, 'c-softphone-error-panel');
  const errorKeys = (element) => errorPanel(element).errors.map((entry) => entry.key);
  const announcement = (element) => $(element, '[data-id="announcer"]').textContent.trim();
  const lms = createMessageContext();
  const bridgeSays = (type, payload, requestId = `evt-${type}`) =>
    publish(lms, SOFTPHONE_CHANNEL, { version: 1, type, requestId, payload });
  const publishedRequests = (type) =>
    publish.mock.calls.map(([, , message]) => message).filter((message) => message.type === type);

  async function show(view) {
    fake.setView(view);
    await Promise.resolve();
  }

  // axe-core audits the rendered shadow DOM; jsdom has no layout, so colour contrast is left to the browser tests.
  async function accessibilityViolations(element) {
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    return violations.map((v) => `${v.id}: ${v.help}`);
  }

  describe('starting', () => {
    it('shows a spinner until the phone has started', async () => {
      loadScript.mockImplementation(() => new Promise(() => undefined));
      const element = await createComponent();

      expect($(element, 'lightning-spinner').alternativeText).toBe('Starting your phone…');
      expect($(element, 'c-softphone-status')).toBeNull();
    });

    it('marks its start and the moment it first shows the phone registered, once (bench B7)', async () => {
      // jsdom has no User Timing API: the test gives the page one, as browsers do.
      performance.mark = jest.fn();
      try {
        fake.setView({ ...clone(idleView), registration: 'registering' });
        const element = await createComponent();
        expect(performance.mark.mock.calls).toEqual([['softphone:start']]);

        await show(clone(idleView));
        await show(clone(idleView));
        expect(performance.mark.mock.calls).toEqual([['softphone:start'], ['softphone:registered']]);
        expect($(element, 'c-softphone-status').registration).toBe('registered');
      } finally {
        delete performance.mark;
      }
    });

    it('loads the softphoneCore static resource with loadScript', async () => {
      const element = await createComponent();

      // loadScript gets the component instance (`this`), not its host element.
      expect(loadScript).toHaveBeenCalledWith(expect.anything(), expect.stringContaining('softphoneCore'));
      expect($(element, 'lightning-spinner')).toBeNull();
    });

    it('starts the phone and renders its view', async () => {
      const element = await createComponent();

      expect(fake.softphone.start).toHaveBeenCalledTimes(1);
      // Two listeners of the phone: the view this component renders, and the call list runner.
      expect(fake.softphone.subscribe).toHaveBeenCalledTimes(2);
      const status = $(element, 'c-softphone-status');
      expect(status.registration).toBe('registered');
      expect(status.availability).toBe('available');
      expect(status.mode).toBe('softphone');
    });
  });

  describe('when it cannot start', () => {
    it('says that the phone software could not be loaded', async () => {
      loadScript.mockRejectedValue(new Error('Failed to load /resource/softphoneCore'));
      const element = await createComponent();

      expect(errorPanel(element).errors).toEqual([
        { key: 'core', error: LABELS.Softphone_Error_Core_Load, dismissible: true },
      ]);
      expect(fake.core.createSharedSoftphone).not.toHaveBeenCalled();
      expect($(element, 'c-softphone-status')).toBeNull();
    });

    it('says that the settings could not be loaded, with the reason', async () => {
      getSettings.mockRejectedValue({ body: { message: 'Insufficient access' }, status: 500 });
      const element = await createComponent();

      expect(errorPanel(element).errors[0].error).toBe(
        'Your softphone settings could not be loaded. Insufficient access',
      );
      expect(fake.core.createSharedSoftphone).not.toHaveBeenCalled();
    });

    it('passes on the reason the SIP credentials were refused', async () => {
      getSipCredentials.mockRejectedValue({
        body: { message: 'Your phone has no SIP user yet. Ask your Salesforce admin.' },
      });
      const element = await createComponent();

      expect(errorPanel(element).errors).toEqual([
        {
          key: 'credentials',
          error:
            'Your phone could not sign in to the phone system. Your phone has no SIP user yet. Ask your Salesforce admin.',
          dismissible: true,
        },
      ]);
      expect(fake.core.createSharedSoftphone).not.toHaveBeenCalled();
    });

    it('starts without ICE servers and warns when the setting is not a JSON list', async () => {
      getSettings.mockResolvedValue({ ...mockSettings, iceServers: '{stun:' });
      const element = await createComponent();

      expect(options().sip.iceServers).toEqual([]);
      expect(errorKeys(element)).toEqual(['ice']);
      expect(fake.softphone.start).toHaveBeenCalled();
    });

    it('is accessible when the phone cannot start', async () => {
      loadScript.mockRejectedValue(new Error('Failed'));
      const element = await createComponent();

      expect(await accessibilityViolations(element)).toEqual([]);
    });
  });

  describe('errors', () => {
    it("shows the phone's own error and dismisses it through the phone", async () => {
      const element = await createComponent();
      await show({
        ...clone(idleView),
        error: { code: 'no-free-line', message: 'All your lines are in use. End or transfer a call first.' },
      });

      expect(errorPanel(element).errors).toEqual([
        {
          key: 'phone',
          error: {
            code: 'no-free-line',
            message: 'All your lines are in use. End or transfer a call first.',
          },
          dismissible: true,
        },
      ]);
      errorPanel(element).dispatchEvent(new CustomEvent('dismiss', { detail: { key: 'phone' } }));
      expect(fake.softphone.send).toHaveBeenCalledWith({ type: 'ui.error.dismiss' });
    });

    it("dismisses the utility's own problems", async () => {
      getSettings.mockResolvedValue({ ...mockSettings, iceServers: 'nope' });
      const element = await createComponent();

      errorPanel(element).dispatchEvent(new CustomEvent('dismiss', { detail: { key: 'ice' } }));
      await Promise.resolve();

      expect(errorPanel(element).errors).toEqual([]);
    });

    it('collects problems reported by child components', async () => {
      const element = await createComponent();

      $(element, 'c-softphone-status').dispatchEvent(
        new CustomEvent('softphoneerror', {
          detail: { error: { body: { message: 'Search failed' } } },
          bubbles: true,
          composed: true,
        }),
      );
      await Promise.resolve();

      expect(errorPanel(element).errors).toEqual([
        { key: 'problem-1', error: { body: { message: 'Search failed' } }, dismissible: true },
      ]);
    });
  });

  describe('idle', () => {
    it('offers search, favorites and recents while no call is on the phone', async () => {
      const element = await createComponent();

      expect($(element, 'c-softphone-idle').canDial).toBe(true);
      await show(viewWith(callWith({})));
      expect($(element, 'c-softphone-idle')).toBeNull();
    });

    it('tells the idle view when the phone cannot dial', async () => {
      const element = await createComponent();

      await show({ ...clone(idleView), registration: 'reconnecting', canDial: false });

      expect($(element, 'c-softphone-idle').canDial).toBe(false);
    });
  });

  describe('calls', () => {
    it('shows a ringing call with the preset text replies from the settings', async () => {
      const element = await createComponent();

      await show(viewWith(callWith({})));

      const incoming = $(element, 'c-softphone-incoming');
      expect(incoming.call.callId).toBe('call-1');
      expect(incoming.waiting).toBe(false);
      expect(incoming.textReplies).toEqual(mockSettings.textReplies);
    });

    it('calls a second ringing call a call waiting', async () => {
      const element = await createComponent();

      await show(
        viewWith(
          callWith({ status: 'live', answeredAt: 1767225005000 }),
          callWith({ callId: 'call-2', startedAt: 1767225010000 }),
        ),
      );

      expect($(element, '[data-card="call-2"]').waiting).toBe(true);
    });

    it('gives the focus back to the search field when the call the agent acted on is gone', async () => {
      const focus = jest.spyOn(HTMLElement.prototype, 'focus');
      const element = await createComponent();
      await show(viewWith(callWith({})));

      $(element, 'c-softphone-incoming').dispatchEvent(
        new CustomEvent('softphonesend', {
          detail: { type: 'ui.reject', callId: 'call-1' },
          bubbles: true,
          composed: true,
        }),
      );
      await show(viewWith());

      const dialInput = $(element, 'c-softphone-idle')
        .shadowRoot.querySelector('c-softphone-search')
        .shadowRoot.querySelector('[data-id="dial-input"]');
      expect(focus.mock.contexts).toContain(dialInput);
      focus.mockRestore();
    });

    it('shows a connected call with its controls, and a failed call with its reason', async () => {
      const element = await createComponent();
      const failed = callWith({
        callId: 'call-3',
        direction: 'outgoing',
        status: 'ended',
        failure: { reason: 'busy', message: 'The line is busy. Try again later.' },
      });

      await show(viewWith(callWith({ status: 'live', answeredAt: 1767225005000 }), failed));

      expect($(element, '[data-card="call-1"]').tagName).toBe('C-SOFTPHONE-ACTIVE-CALL');
      expect($(element, '[data-card="call-3"]').tagName).toBe('C-SOFTPHONE-CALL-RESULT');
      expect($(element, 'c-softphone-consult')).toBeNull();
      expect($(element, 'c-softphone-conference')).toBeNull();
    });

    it('shows wrap-up with the required setting', async () => {
      getSettings.mockResolvedValue({ ...mockSettings, wrapUpRequired: true });
      const element = await createComponent();

      await show(viewWith(callWith({ status: 'wrapUp', answeredAt: 1767225005000, endedAt: 1767225100000 })));

      const wrapUp = $(element, 'c-softphone-wrap-up');
      expect(wrapUp.call.callId).toBe('call-1');
      expect(wrapUp.wrapUpRequired).toBe(true);
      expect($(element, 'c-softphone-idle')).toBeNull();
    });

    it('shows a transfer in progress with both of its calls', async () => {
      const element = await createComponent();
      const held = callWith({ status: 'held', answeredAt: 1767225005000 });
      const consult = callWith({
        callId: 'call-2',
        direction: 'outgoing',
        status: 'dialing',
        title: 'Help desk',
      });

      await show({
        ...viewWith(held, consult),
        consultation: { purpose: 'transfer', originalCallId: 'call-1', consultCallId: 'call-2' },
        canCompleteTransfer: true,
        canCancelConsultation: true,
      });

      const panel = $(element, 'c-softphone-consult');
      expect(panel.consultation.purpose).toBe('transfer');
      expect(panel.originalCall.callId).toBe('call-1');
      expect(panel.consultCall.callId).toBe('call-2');
      expect(panel.canCompleteTransfer).toBe(true);
      expect(panel.canMerge).toBe(false);
      expect(panel.canCancel).toBe(true);
      expect(element.shadowRoot.querySelectorAll('c-softphone-active-call')).toHaveLength(2);
    });

    it('tells the agent the held party hung up while the transfer target is dialled', async () => {
      const element = await createComponent();
      const held = callWith({ status: 'ending', answeredAt: 1767225005000 });
      const consult = callWith({
        callId: 'call-2',
        direction: 'outgoing',
        status: 'dialing',
        title: 'Help desk',
      });

      await show({
        ...viewWith(held, consult),
        consultation: { purpose: 'transfer', originalCallId: 'call-1', consultCallId: 'call-2' },
      });

      const panel = $(element, 'c-softphone-consult');
      expect(panel.shadowRoot.querySelector('[data-id="held-party-gone"]').textContent).toBe(
        'Ada Lovelace hung up. You can only hang up until the other call connects.',
      );
    });

    it('lists conference members in the conference panel instead of cards', async () => {
      const element = await createComponent();
      const first = callWith({ status: 'conference', answeredAt: 1767225005000, inConference: true });
      const second = callWith({
        callId: 'call-2',
        status: 'conference',
        answeredAt: 1767225006000,
        inConference: true,
      });

      await show({ ...viewWith(first, second), canLeaveConference: true });

      const conference = $(element, 'c-softphone-conference');
      expect(conference.members.map((member) => member.callId)).toEqual(['call-1', 'call-2']);
      expect(conference.canLeave).toBe(true);
      expect($(element, 'c-softphone-active-call')).toBeNull();
    });

    it("gives the conference the customer's call for its notes, as the view names it", async () => {
      const element = await createComponent();
      const first = callWith({ status: 'conference', answeredAt: 1767225005000, inConference: true });
      const second = callWith({ callId: 'call-2', status: 'conference', inConference: true });

      await show({ ...viewWith(first, second), conferenceNotesCallId: 'call-1' });
      expect($(element, 'c-softphone-conference').notesCall.callId).toBe('call-1');

      await show({ ...viewWith(first, second), conferenceNotesCallId: null });
      expect($(element, 'c-softphone-conference').notesCall).toBeUndefined();
    });

    it('is accessible with a connected call', async () => {
      const element = await createComponent();
      await show(
        viewWith(
          callWith({
            status: 'live',
            answeredAt: 1767225005000,
            actions: { ...ringingCall.actions, answer: false, hangup: true },
          }),
        ),
      );

      expect(await accessibilityViolations(element)).toEqual([]);
    });

    it('asks about a click-to-dial on a card while a call is on, and announces it', async () => {
      const element = await createComponent();
      const clickToDial = {
        callId: 'click-1',
        number: '(555) 000-1111',
        recordName: 'Ann Smith',
        emergency: false,
        refusal: null,
      };
      await show({ ...viewWith(callWith({ status: 'live' })), clickToDial });

      expect($(element, 'c-softphone-click-to-dial').request).toEqual(clickToDial);
      expect($(element, '[data-id="announcer"]').textContent.trim()).toContain('Call (555) 000-1111?');
      expect(await accessibilityViolations(element)).toEqual([]);
      await show({ ...viewWith(callWith({ status: 'live' })), clickToDial: null });
      expect($(element, 'c-softphone-click-to-dial')).toBeNull();
    });

    it('is accessible with a ringing call', async () => {
      const element = await createComponent();
      await show(viewWith(callWith({})));

      expect(await accessibilityViolations(element)).toEqual([]);
    });
  });

  describe('intents of the child components', () => {
    const raise = (element, name, detail) =>
      $(element, 'c-softphone-status').dispatchEvent(
        new CustomEvent(name, { detail, bubbles: true, composed: true }),
      );

    it('sends UI events to the phone', async () => {
      const element = await createComponent();

      raise(element, 'softphonesend', { type: 'ui.availability.away' });

      expect(fake.softphone.send).toHaveBeenCalledWith({ type: 'ui.availability.away' });
    });

    it('dials numbers the agent chose, with the record they belong to', async () => {
      const element = await createComponent();
      const record = {
        id: '003000000000001AAA',
        name: 'Ada Lovelace',
        objectType: 'Contact',
        phone: '+15550100',
      };

      raise(element, 'softphonedial', { number: '+15550100', record });

      expect(fake.softphone.dial).toHaveBeenCalledWith('+15550100', { record, source: 'ui' });
      expect(fake.softphone.send).not.toHaveBeenCalled();
    });

    it('asks the phone to hand an unsupervised transfer over as soon as it dialled the third party', async () => {
      const element = await createComponent();

      raise(element, 'softphonedial', { number: '2001', transfer: 'unsupervised' });

      expect(fake.softphone.dial).toHaveBeenCalledWith('2001', {
        record: undefined,
        source: 'ui',
        transfer: 'unsupervised',
      });
      expect(fake.softphone.send).not.toHaveBeenCalled();
    });

    it('leaves a supervised transfer to the agent', async () => {
      const element = await createComponent();

      raise(element, 'softphonedial', { number: '2001', transfer: 'supervised' });

      expect(fake.softphone.dial).toHaveBeenCalledWith('2001', { record: undefined, source: 'ui' });
      expect(fake.softphone.send).not.toHaveBeenCalled();
    });

    it.each([
      ['answering', { type: 'ui.answer', callId: 'call-1' }],
      ['retrieving a held call', { type: 'ui.resume', callId: 'call-1' }],
      ['adding to a conference', { type: 'ui.conference.start', callId: 'call-1' }],
      ['merging a conference', { type: 'ui.conference.merge' }],
    ])('resumes the audio on the agent’s click when %s, before the phone acts', async (_, intent) => {
      const element = await createComponent();
      fake.softphone.send.mockImplementation(() => {
        expect(fake.softphone.resumeAudio).toHaveBeenCalledTimes(1);
      });

      raise(element, 'softphonesend', intent);

      expect(fake.softphone.send).toHaveBeenCalledWith(intent);
      expect(fake.softphone.resumeAudio).toHaveBeenCalledTimes(1);
    });

    it('resumes the audio when the agent dials, and not for intents that play nothing', async () => {
      const element = await createComponent();

      raise(element, 'softphonesend', { type: 'ui.hold', callId: 'call-1' });
      expect(fake.softphone.resumeAudio).not.toHaveBeenCalled();

      raise(element, 'softphonedial', { number: '2001' });
      expect(fake.softphone.resumeAudio).toHaveBeenCalledTimes(1);
      expect(fake.softphone.dial).toHaveBeenCalledWith('2001', { record: undefined, source: 'ui' });
    });

    it('keeps working when the audio cannot be resumed', async () => {
      const element = await createComponent();
      fake.softphone.resumeAudio.mockRejectedValue(new Error('NotAllowedError'));

      raise(element, 'softphonesend', { type: 'ui.answer', callId: 'call-1' });
      await flushPromises();

      expect(fake.softphone.send).toHaveBeenCalledWith({ type: 'ui.answer', callId: 'call-1' });
      expect($(element, 'c-softphone-error-panel').errors).toEqual([]);
    });

    it('redirects a ringing call', async () => {
      const element = await createComponent();

      raise(element, 'softphoneredirect', { callId: 'call-1', number: '2002' });

      expect(fake.softphone.redirect).toHaveBeenCalledWith('call-1', '2002');
    });
  });

  describe('click-to-dial over Lightning Message Service', () => {
    it('stops listening and stops the phone when it leaves the page', async () => {
      const element = await createComponent();
      expect(getSubscriberCount(SOFTPHONE_CHANNEL)).toBe(1);

      document.body.removeChild(element);
      bridgeSays('clickToDial', { number: '5550100' });

      expect(getSubscriberCount(SOFTPHONE_CHANNEL)).toBe(0);
      expect(fake.softphone.stop).toHaveBeenCalledTimes(1);
      expect(fake.listeners.size).toBe(0);
      expect(fake.softphone.dial).not.toHaveBeenCalled();
    });

    it('never starts a phone when it left the page while loading', async () => {
      const element = createElement('c-softphone', { is: Softphone });
      document.body.appendChild(element);
      document.body.removeChild(element);
      await flushPromises();

      expect(fake.core.createSharedSoftphone).not.toHaveBeenCalled();
    });
  });

  describe("a list view's call list", () => {
    const ALICE = {
      number: '4155550101',
      recordId: '003WB0000000001YAA',
      recordName: 'Alice Nguyen',
      objectType: 'Contact',
    };
    const ERIN = {
      number: '3125550103',
      recordId: '00QWB00000000012AA',
      recordName: 'Erin Lee',
      objectType: 'Lead',
    };

    it('dials the first record, shows who is next, and dials it once the call and its wrap-up are over', async () => {
      const element = await createComponent();
      bridgeSays('callList', { entries: [ALICE, ERIN] });
      await show(viewWith(callWith({ status: 'dialing', direction: 'outgoing' })));

      expect(fake.softphone.dial.mock.calls.map(([number]) => number)).toEqual(['4155550101']);
      const card = $(element, 'c-softphone-call-list');
      expect(card.shadowRoot.querySelector('[data-id="call-list-next"]').textContent).toBe('Next: Erin Lee');
      await expect(accessibilityViolations(element)).resolves.toEqual([]);

      await show(viewWith(callWith({ status: 'wrapUp' })));
      expect(fake.softphone.dial).toHaveBeenCalledTimes(1);
      await show(viewWith());
      expect(fake.softphone.dial.mock.calls.map(([number]) => number)).toEqual(['4155550101', '3125550103']);
    });

    it('Stop ends the list: the call goes on and nothing more is dialled', async () => {
      const element = await createComponent();
      bridgeSays('callList', { entries: [ALICE, ERIN] });
      await show(viewWith(callWith({ status: 'dialing', direction: 'outgoing' })));

      $(element, 'c-softphone-call-list').shadowRoot.querySelector('[data-id="call-list-stop"]').click();
      await show(viewWith());

      expect(fake.softphone.dial).toHaveBeenCalledTimes(1);
      expect($(element, 'c-softphone-call-list')).toBeNull();
    });
  });

  describe('the CRM it gives the core', () => {
    it('opens records with Lightning navigation while the Open CTI bridge is not up', async () => {
      await createComponent();

      await options().crm.screenPop({ type: 'SOBJECT', params: { recordId: '003000000000001AAA' } });

      expect(getNavigateCalledWith().pageReference).toEqual({
        type: 'standard__recordPage',
        attributes: { recordId: '003000000000001AAA', actionName: 'view' },
      });
      expect(publishedRequests('screenPop')).toEqual([]);
    });

    it("tells the core which record page the agent lands on without Open CTI (the utility's page reference)", async () => {
      await createComponent();
      const shown = jest.fn();
      options().crm.onRecordShown(shown);

      showPage({
        type: 'standard__objectPage',
        attributes: { objectApiName: 'Contact', actionName: 'new' },
      });
      showPage({
        type: 'standard__recordPage',
        attributes: { recordId: '003000000000009AAA', objectApiName: 'Contact', actionName: 'view' },
      });

      expect(shown.mock.calls).toEqual([[{ recordId: '003000000000009AAA', objectType: 'Contact' }]]);
    });

    it('pops the record itself with lightning/navigation even while the Open CTI bridge is ready (ADR 0007)', async () => {
      await createComponent();
      bridgeSays('bridgeStatus', { state: 'ready', clickToDial: true });

      await options().crm.screenPop({ type: 'SOBJECT', params: { recordId: '003000000000001AAA' } });

      expect(publishedRequests('screenPop')).toEqual([]);
      expect(getNavigateCalledWith().pageReference).toEqual({
        type: 'standard__recordPage',
        attributes: { recordId: '003000000000001AAA', actionName: 'view' },
      });
    });

    it('logs a call with the number and name of the call on screen', async () => {
      logCall.mockResolvedValue({ taskId: '00T000000000001AAA', created: true });
      await createComponent();
      await show(viewWith(callWith({ status: 'wrapUp', answeredAt: 1767225005000 })));

      await expect(
        options().crm.logCall({
          callId: 'call-1',
          callType: 'Inbound',
          subject: 'Inbound call from Ada Lovelace',
          durationSeconds: 42,
          notes: 'Wants a callback',
          whoId: '003000000000001AAA',
          activityDate: '2026-01-01',
        }),
      ).resolves.toEqual({ taskId: '00T000000000001AAA' });
      expect(logCall).toHaveBeenCalledWith({
        input: {
          callId: 'call-1',
          direction: 'Inbound',
          internal: false,
          phoneNumber: '+15550100',
          displayName: 'Ada Lovelace',
          durationSeconds: 42,
          notes: 'Wants a callback',
          whoId: '003000000000001AAA',
        },
      });
    });

    it('reloads the recent calls when the view says they changed (in a follower tab too)', async () => {
      await createComponent();
      listRecents.mockClear();

      fake.setView({ ...clone(idleView), session: { role: 'follower', followers: 0, lostCalls: 0 } });
      await flushPromises();
      expect(listRecents).not.toHaveBeenCalled();

      fake.setView({
        ...clone(idleView),
        recentsRevision: 1,
        session: { role: 'follower', followers: 0, lostCalls: 0 },
      });
      await flushPromises();
      expect(listRecents).toHaveBeenCalledTimes(1);
    });

    it('reports a screen pop that failed', async () => {
      const element = await createComponent();

      options().onError({ body: { message: 'Open CTI refused the screen pop.' } });
      await Promise.resolve();

      expect(errorPanel(element).errors).toEqual([
        {
          key: 'crm',
          error: 'The record could not be opened. Open CTI refused the screen pop.',
          dismissible: true,
        },
      ]);
    });

    it('pops a search for the number when an incoming call is answered and the setting says Search', async () => {
      getSettings.mockResolvedValue({ ...mockSettings, screenPop: 'Search' });
      await createComponent();
      bridgeSays('bridgeStatus', { state: 'ready', clickToDial: true });

      await show(viewWith(callWith({})));
      await show(viewWith(callWith({ status: 'live', answeredAt: 1767225005000 })));

      await flushPromises();
      expect(options().screenPop).toBe('none');
      expect(publishedRequests('screenPop')).toEqual([]);
      expect(getNavigateCalledWith().pageReference).toEqual({
        type: 'standard__search',
        state: { term: '+15550100' },
      });
    });
  });

  describe('notes never lost', () => {
    const shadow = (host, selector) => host.shadowRoot.querySelector(selector);
    const type = (textarea, value) => {
      textarea.value = value;
      textarea.dispatchEvent(new CustomEvent('change', { detail: { value } }));
    };
    const inWrapUp = (wrapUp) =>
      callWith({
        status: 'wrapUp',
        answeredAt: 1767225005000,
        endedAt: 1767225100000,
        notes: 'Wants a callback',
        wrapUp: { active: true, timerEndsAt: null, saving: false, saved: false, saveError: null, ...wrapUp },
        actions: { ...clone(ringingCall).actions, answer: false, reject: false, saveAndClose: true },
      });
    const entry = {
      callId: 'call-1',
      callType: 'Inbound',
      subject: 'Inbound call from Ada Lovelace',
      durationSeconds: 95,
      notes: 'Wants a callback on Friday',
      whoId: '003000000000001AAA',
      activityDate: '2026-01-01',
    };

    it('a save that Apex refuses is retried: the panel says so, the notes being typed stay, and the retry upserts the same call', async () => {
      logCall
        .mockRejectedValueOnce({ status: 500, body: { message: 'UNABLE_TO_LOCK_ROW: record locked' } })
        .mockResolvedValueOnce({ taskId: '00T000000000001AAA', created: true });
      const element = await createComponent();
      await show(viewWith(inWrapUp({})));
      const wrapUp = $(element, 'c-softphone-wrap-up');
      const textarea = shadow(shadow(wrapUp, 'c-softphone-notes'), 'lightning-textarea');

      type(textarea, 'Wants a callback on Friday');
      shadow(wrapUp, '[data-id="save"]').click();
      // The words typed reach the phone before the save.
      expect(fake.softphone.send.mock.calls.map(([event]) => event)).toEqual([
        { type: 'ui.notes.changed', callId: 'call-1', text: 'Wants a callback on Friday' },
        { type: 'ui.wrapUp.saveAndClose', callId: 'call-1' },
      ]);

      // The core's save through the utility's CRM port fails with Apex's reason...
      const failure = await options()
        .crm.logCall(entry)
        .catch((error) => error);
      expect(failure.message).toMatch(/UNABLE_TO_LOCK_ROW: record locked/);
      // ...and the core keeps the call in wrap-up, retrying, while the agent goes on typing.
      type(textarea, 'Wants a callback on Friday at 10');
      await show(viewWith(inWrapUp({ saveError: failure.message })));
      expect(textarea.value).toBe('Wants a callback on Friday at 10');
      const [problem] = shadow(wrapUp, 'c-softphone-error-panel').errors;
      expect(problem.error).toMatch(
        /could not be saved: .*UNABLE_TO_LOCK_ROW.*Your notes are kept and saving is retried/,
      );
      expect(shadow(wrapUp, '[data-id="save"]').label).toBe('Retry now');

      // The retry goes through: the same call id, so Apex's upsert keeps one Task.
      await expect(options().crm.logCall({ ...entry, notes: textarea.value })).resolves.toEqual({
        taskId: '00T000000000001AAA',
      });
      expect(logCall.mock.calls.map(([{ input }]) => [input.callId, input.notes])).toEqual([
        ['call-1', 'Wants a callback on Friday'],
        ['call-1', 'Wants a callback on Friday at 10'],
      ]);
      expect(await accessibilityViolations(element)).toEqual([]);
    });

    it('what was typed reaches the phone when the page is hidden (a reload), not only after the pause', async () => {
      const element = await createComponent();
      await show(viewWith(inWrapUp({})));
      const notes = shadow($(element, 'c-softphone-wrap-up'), 'c-softphone-notes');
      type(shadow(notes, 'lightning-textarea'), 'Typed just before the reload');
      expect(fake.softphone.send).not.toHaveBeenCalled();
      window.dispatchEvent(new CustomEvent('pagehide'));
      expect(fake.softphone.send).toHaveBeenCalledWith({
        type: 'ui.notes.changed',
        callId: 'call-1',
        text: 'Typed just before the reload',
      });
    });
  });

  describe('utility bar', () => {
    it('refuses pop-out, saying why on the pop-out button, so a call never lives in a window that can be closed', async () => {
      await createComponent();
      EnclosingUtilityId.emit('utility-1');

      expect(enablePopout).toHaveBeenCalledWith('utility-1', false, {
        disabledText: LABELS.Softphone_Popout_Refused,
      });
    });

    it('opens and highlights the utility while a call alerts, until the alert stops', async () => {
      await createComponent();
      EnclosingUtilityId.emit('utility-1');

      const stop = options().alert({ callId: 'call-1', tone: 'ring' });

      expect(open).toHaveBeenCalledWith('utility-1');
      expect(updateUtility).toHaveBeenLastCalledWith('utility-1', { highlighted: true });
      stop();
      expect(updateUtility).toHaveBeenLastCalledWith('utility-1', { highlighted: false });
    });

    it('stays highlighted while another call still alerts', async () => {
      await createComponent();
      EnclosingUtilityId.emit('utility-1');

      const stopFirst = options().alert({ callId: 'call-1', tone: 'ring' });
      options().alert({ callId: 'call-2', tone: 'callWaiting' });
      stopFirst();

      expect(updateUtility).toHaveBeenLastCalledWith('utility-1', { highlighted: true });
    });

    it('opens the utility by itself when the call of a number the agent clicked on a record appears', async () => {
      const element = await createComponent();
      EnclosingUtilityId.emit('utility-1');

      bridgeSays('clickToDial', { number: '5550100' });
      expect(open).not.toHaveBeenCalled();
      await show(viewWith(callWith({ callId: 'dialled-call', direction: 'outgoing', status: 'dialing' })));

      expect(open).toHaveBeenCalledTimes(1);
      expect(open).toHaveBeenCalledWith('utility-1');
      expect($(element, '[data-card="dialled-call"]')).not.toBeNull();
      await show(viewWith(callWith({ callId: 'dialled-call', direction: 'outgoing', status: 'live' })));
      expect(open).toHaveBeenCalledTimes(1);
    });

    it('opens the utility on the card that asks first when the clicked number is not dialled at once', async () => {
      await createComponent();
      EnclosingUtilityId.emit('utility-1');

      bridgeSays('clickToDial', { number: '5550100' });
      const clickToDial = {
        callId: 'dialled-call',
        number: '5550100',
        recordName: null,
        emergency: false,
        refusal: null,
      };
      await show({ ...viewWith(callWith({ status: 'live' })), clickToDial });

      expect(open).toHaveBeenCalledWith('utility-1');
    });

    it('leaves the utility as it is for a call the agent dialled from the panel itself', async () => {
      const element = await createComponent();
      EnclosingUtilityId.emit('utility-1');

      $(element, 'c-softphone-status').dispatchEvent(
        new CustomEvent('softphonedial', { detail: { number: '5550100' }, bubbles: true, composed: true }),
      );
      await show(viewWith(callWith({ callId: 'dialled-call', direction: 'outgoing', status: 'dialing' })));

      expect(fake.softphone.dial).toHaveBeenCalledWith('5550100', { record: undefined, source: 'ui' });
      expect(open).not.toHaveBeenCalled();
    });

    it('labels the utility with the state of the calls', async () => {
      await createComponent();
      EnclosingUtilityId.emit('utility-1');
      expect(updateUtility).toHaveBeenLastCalledWith('utility-1', { label: 'Softphone' });

      await show(viewWith(callWith({})));
      expect(updateUtility).toHaveBeenLastCalledWith('utility-1', { label: 'Incoming call: Ada Lovelace' });
      await show(viewWith(callWith({ status: 'live', answeredAt: 1767225005000 })));
      expect(updateUtility).toHaveBeenLastCalledWith('utility-1', { label: 'On call: Ada Lovelace' });
      await show(viewWith(callWith({ status: 'held', answeredAt: 1767225005000 })));
      expect(updateUtility).toHaveBeenLastCalledWith('utility-1', { label: 'On hold: Ada Lovelace' });
      await show(viewWith(callWith({ status: 'wrapUp', answeredAt: 1767225005000 })));
      expect(updateUtility).toHaveBeenLastCalledWith('utility-1', { label: 'Wrap-up: Ada Lovelace' });
      await show({ ...clone(idleView), registration: 'failed' });
      expect(updateUtility).toHaveBeenLastCalledWith('utility-1', { label: 'Softphone (not connected)' });
    });
  });

  describe('audio settings', () => {
    const audioSettings = (element) => $(element, 'c-softphone-audio-settings');

    it('lists the devices when the agent opens the audio settings', async () => {
      const element = await createComponent();

      audioSettings(element).dispatchEvent(new CustomEvent('toggle', { detail: { open: true } }));
      await flushPromises();

      expect(fake.softphone.audioDevices).toHaveBeenCalled();
      expect(audioSettings(element).audio).toMatchObject({
        open: true,
        loading: false,
        inputs: [{ deviceId: 'mic-2' }],
        outputs: [{ deviceId: 'spk-2' }],
      });
      audioSettings(element).dispatchEvent(new CustomEvent('toggle', { detail: { open: false } }));
      await flushPromises();
      expect(audioSettings(element).audio).toBeUndefined();
    });

    it("applies the agent's pick through the core", async () => {
      const element = await createComponent();
      audioSettings(element).dispatchEvent(new CustomEvent('toggle', { detail: { open: true } }));
      await flushPromises();

      audioSettings(element).dispatchEvent(
        new CustomEvent('choose', { detail: { kind: 'ringer', deviceId: 'spk-2' } }),
      );
      await flushPromises();

      expect(fake.softphone.chooseAudioDevices).toHaveBeenCalledWith({ ringer: 'spk-2' });
      expect(fake.softphone.audioDevices).toHaveBeenCalledTimes(2);
    });

    it('shows why a device could not be used in the error panel', async () => {
      const element = await createComponent();
      fake.softphone.chooseAudioDevices.mockRejectedValueOnce(
        new Error('That speaker is no longer connected. Choose another one in the settings.'),
      );
      audioSettings(element).dispatchEvent(new CustomEvent('toggle', { detail: { open: true } }));
      await flushPromises();

      audioSettings(element).dispatchEvent(
        new CustomEvent('choose', { detail: { kind: 'speaker', deviceId: 'spk-9' } }),
      );
      await flushPromises();

      expect(errorPanel(element).errors).toContainEqual(
        expect.objectContaining({
          key: 'audio',
          error:
            'The audio device was not changed. That speaker is no longer connected. Choose another one in the settings.',
        }),
      );
    });

    it('is not offered in deskphone mode, where the panel plays no audio', async () => {
      const element = await createComponent();
      await show({ ...clone(idleView), mode: 'deskphone' });

      expect(audioSettings(element)).toBeNull();
    });
  });

  describe('tabs of one browser', () => {
    const session = (role, extra = {}) => ({ role, followers: 0, lostCalls: 0, ...extra });
    const sessionNote = (element) => $(element, '[data-id="session"]');

    it('creates the phone through the session layer, shared by the tabs of this user and SIP address', async () => {
      await createComponent();

      expect(fake.core.createSharedSoftphone).toHaveBeenCalledTimes(1);
      const [, sessionOptions] = fake.core.createSharedSoftphone.mock.calls[0];
      expect(sessionOptions.key).toMatch(/^005\w*:sip:alice@example\.com$/);
      expect(fake.softphone.start).toHaveBeenCalledTimes(1);
    });

    it('says in a follower tab that the phone runs in another tab, and still shows its ringing call', async () => {
      const element = await createComponent();

      await show({ ...viewWith(callWith({})), session: session('follower') });

      expect(sessionNote(element).textContent.trim()).toBe(
        'Your phone runs in another tab of this browser. Calls show and can be handled here too.',
      );
      expect($(element, 'c-softphone-incoming').call.callId).toBe(ringingCall.callId);
      expect(await accessibilityViolations(element)).toEqual([]);
    });

    it('asks the agent to keep the leading tab open only when other tabs rely on it', async () => {
      const element = await createComponent();
      expect(sessionNote(element)).toBeNull();

      await show({ ...clone(idleView), session: session('leader', { followers: 2 }) });

      expect(sessionNote(element).textContent.trim()).toBe(
        'This tab holds your phone for your other tabs. Keep it open during calls.',
      );
    });

    it('alerts a follower tab too: opens and highlights its utility until the call stops ringing', async () => {
      await createComponent();
      EnclosingUtilityId.emit('utility-1');
      const [, sessionOptions] = fake.core.createSharedSoftphone.mock.calls[0];

      const stop = sessionOptions.alertFollower({ callId: 'call-1', tone: 'ring' });

      expect(open).toHaveBeenCalledWith('utility-1');
      expect(updateUtility).toHaveBeenLastCalledWith('utility-1', { highlighted: true });
      stop();
      expect(updateUtility).toHaveBeenLastCalledWith('utility-1', { highlighted: false });
    });

    it('tells the agent once that calls ended with the tab that held the phone', async () => {
      const element = await createComponent();

      await show({ ...clone(idleView), session: session('follower', { lostCalls: 1 }) });
      await show({ ...clone(idleView), session: session('leader', { lostCalls: 1 }) });

      expect(errorPanel(element).errors).toEqual([
        {
          key: 'session-lost',
          error:
            'The browser tab holding your phone was closed, so its calls ended. Your phone now runs in one of your open tabs.',
          dismissible: true,
        },
      ]);
    });

    it('leaves the search screen pop to the tab holding the phone', async () => {
      getSettings.mockResolvedValue({ ...mockSettings, screenPop: 'Search' });
      await createComponent();
      bridgeSays('bridgeStatus', { state: 'ready', clickToDial: true });

      await show({ ...viewWith(callWith({})), session: session('follower') });
      await show({
        ...viewWith(callWith({ status: 'live', answeredAt: 1767225005000 })),
        session: session('follower'),
      });

      expect(publishedRequests('screenPop')).toEqual([]);
    });

    it('reports a problem of the tab session in the error panel', async () => {
      const element = await createComponent();
      const [, sessionOptions] = fake.core.createSharedSoftphone.mock.calls[0];

      sessionOptions.onError(new Error('The tab holding your phone did not answer.'));
      await Promise.resolve();

      expect(errorKeys(element)).toEqual(['session']);
      expect(errorPanel(element).errors[0].error).toContain('The tab holding your phone did not answer.');
    });
  });

  describe("the agent's calls and notes in this browser", () => {
    it('are kept sealed with the storage key from Apex, which stays in memory', async () => {
      await createComponent();

      expect(getStorageKey).toHaveBeenCalledTimes(1);
      expect(options().storage).toEqual({ secret: STORAGE_KEY });
      const stored = [localStorage, sessionStorage].flatMap((s) =>
        Object.keys(s).map((key) => `${key}=${s.getItem(key)}`),
      );
      expect(stored.filter((entry) => entry.includes(STORAGE_KEY))).toEqual([]);
    });

    it('are not kept at all without the key: the phone still starts and the agent is told why', async () => {
      getStorageKey.mockRejectedValue({
        body: { message: "The softphone can't sign in to the phone system: no shared secret is set." },
      });
      const element = await createComponent();

      expect(fake.softphone.start).toHaveBeenCalledTimes(1);
      expect(options().storage).toEqual({});
      expect(errorKeys(element)).toEqual(['storage']);
      expect(errorPanel(element).errors[0].error).toBe(
        "Keeping your calls and notes in this browser: The softphone can't sign in to the phone system: no shared secret is set.",
      );
      expect(await accessibilityViolations(element)).toEqual([]);
    });

    it('reports calls that could not be read back as a storage problem, not a failed screen pop', async () => {
      const element = await createComponent();

      options().onError(
        Object.assign(new Error('Calls or notes saved in this browser could not be read back.'), {
          name: 'StorageError',
        }),
      );
      await Promise.resolve();

      expect(errorKeys(element)).toEqual(['storage']);
      expect(errorPanel(element).errors[0].error).toBe(
        'Keeping your calls and notes in this browser: Calls or notes saved in this browser could not be read back.',
      );
    });
  });

  describe('announcements', () => {
    it('announces incoming calls and every change of a call to screen readers', async () => {
      const element = await createComponent();
      const live = $(element, '[data-id="announcer"]');
      expect(live.getAttribute('aria-live')).toBe('assertive');

      await show(viewWith(callWith({})));
      expect(announcement(element)).toBe('Incoming call from Ada Lovelace');
      await show(viewWith(callWith({ status: 'live', answeredAt: 1767225005000 })));
      expect(announcement(element)).toBe('Call connected: Ada Lovelace');
      await show(viewWith(callWith({ status: 'held', answeredAt: 1767225005000 })));
      expect(announcement(element)).toBe('On hold: Ada Lovelace');
      await show(viewWith(callWith({ status: 'live', answeredAt: 1767225005000 })));
      expect(announcement(element)).toBe('Back on the call with Ada Lovelace');
      await show(viewWith(callWith({ status: 'wrapUp', answeredAt: 1767225005000 })));
      expect(announcement(element)).toBe('Call ended: Ada Lovelace');
    });

    it('announces that calls no longer reach the agent while the phone registers again, and when they do', async () => {
      const element = await createComponent();

      await show({ ...viewWith(), registration: 'lost' });
      expect(announcement(element)).toBe('Not receiving calls: reconnecting…');
      await show(viewWith());
      expect(announcement(element)).toBe('Connected');
    });

    it('announces the end of a call that left without wrap-up', async () => {
      const element = await createComponent();

      await show(viewWith(callWith({})));
      await show(viewWith());

      expect(announcement(element)).toBe('Call ended: Ada Lovelace');
    });
  });

  it('is accessible while running', async () => {
    const element = await createComponent();

    expect(await accessibilityViolations(element)).toEqual([]);
  });

  describe('deskphone mode', () => {
    const deskphone = () => ({ ...clone(idleView), mode: 'deskphone' });
    const device = (element) => $(element, 'c-softphone-device');

    it('gives the core the agent’s device number from the settings, and shows it in deskphone mode only', async () => {
      getSettings.mockResolvedValue({ ...clone(mockSettings), mode: 'Deskphone', deviceNumber: '2001' });
      const element = await createComponent();

      expect(options().phone.mode).toBe('deskphone');
      expect(options().device.number()).toBe('2001');
      expect(device(element)).toBeNull();
      fake.setView(deskphone());
      await flushPromises();
      expect(device(element).number).toBe('2001');
    });

    it('validates the number the agent types with the dialing rules, then saves it for the next calls', async () => {
      saveDeviceNumber.mockResolvedValue({ ...clone(mockSettings), deviceNumber: '2002' });
      const element = await createComponent();
      fake.setView(deskphone());
      await flushPromises();

      device(element).dispatchEvent(new CustomEvent('devicesave', { detail: { number: 'my desk' } }));
      await flushPromises();
      expect(device(element).error).toBe('A phone number has only digits.');
      expect(saveDeviceNumber).not.toHaveBeenCalled();

      device(element).dispatchEvent(new CustomEvent('devicesave', { detail: { number: '2002' } }));
      await flushPromises();
      expect(saveDeviceNumber).toHaveBeenCalledWith({ deviceNumber: '2002' });
      expect(device(element).error).toBe('');
      expect(options().device.number()).toBe('2002');
    });

    it('keeps the old number and says why when saving fails', async () => {
      getSettings.mockResolvedValue({ ...clone(mockSettings), mode: 'Deskphone', deviceNumber: '2001' });
      saveDeviceNumber.mockRejectedValue({ body: { message: 'Your phone number is too long.' } });
      const element = await createComponent();
      fake.setView(deskphone());
      await flushPromises();

      device(element).dispatchEvent(new CustomEvent('devicesave', { detail: { number: '2003' } }));
      await flushPromises();
      expect(device(element).error).toBe('Your phone number is too long.');
      expect(options().device.number()).toBe('2001');
    });
  });
});
