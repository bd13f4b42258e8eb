import { encodeDefaultFieldValues } from 'lightning/pageReferenceUtils';
import searchByPhone from '@salesforce/apex/SoftphoneContactSearch.searchByPhone';
import searchByName from '@salesforce/apex/SoftphoneContactSearch.searchByName';
import logCall from '@salesforce/apex/SoftphoneCallLog.logCall';

const mockMatches = require('./data/searchByPhone.json');

jest.mock('@salesforce/apex/SoftphoneContactSearch.searchByPhone', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/SoftphoneContactSearch.searchByName', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/SoftphoneCallLog.logCall', () => ({ default: jest.fn() }), { virtual: true });

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
mockCustomLabels();
const { createCrmPort, livePath, pageReferenceOf, toContactMatch } = require('c/softphoneCrm');

const ADA = {
  id: '003000000000001AAA',
  name: 'Ada Lovelace',
  objectType: 'Contact',
  phone: '+15550100',
  title: 'Analyst',
  accountName: 'Analytical Engines',
};

/** The BridgeClient as the port sees it: the bridge's announcements (it posts; nothing asks it). */
function fakeBridge({ status } = {}) {
  const statusListeners = [];
  const bridge = {
    statusListeners,
    // As BridgeClient: the latest announcement is kept before the listeners hear it.
    bridgeStatus: status,
    announce: (next) => {
      bridge.bridgeStatus = next;
      statusListeners.forEach((listener) => listener(next));
    },
    request: jest.fn(() => Promise.reject(new Error('the bridge serves no request'))),
    onBridgeStatus: jest.fn((listener) => statusListeners.push(listener)),
    onClickToDial: jest.fn(() => () => undefined),
    onRecordShown: jest.fn(() => () => undefined),
  };
  return bridge;
}

/** The utility's CurrentPageReference as a source the port subscribes to. */
function fakePages() {
  const listeners = new Set();
  return {
    listeners,
    show: (pageReference) => listeners.forEach((listener) => listener(pageReference)),
    onPageShown: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function createPort({ bridge = fakeBridge(), calls = {}, crmPath, pages = fakePages() } = {}) {
  const navigate = jest.fn();
  const searchVariants = jest.fn((number) => (number.length >= 3 ? [number, number.replace('+1', '')] : []));
  const port = createCrmPort({
    searchVariants,
    country: 'US',
    bridge,
    navigate,
    callFor: (callId) => calls[callId],
    crmPath,
    onPageShown: pages.onPageShown,
  });
  return { port, navigate, bridge, searchVariants, pages };
}

const flushPromises = () =>
  // eslint-disable-next-line @lwc/lwc/no-async-operation -- test helper, not component code
  new Promise((resolve) => setTimeout(resolve, 0));

describe('c-softphone-crm', () => {
  afterEach(() => {
    jest.clearAllMocks();
  });

  describe('searchByNumber', () => {
    it("searches Apex with the number's variants in the agent's country", async () => {
      searchByPhone.mockResolvedValue(mockMatches);
      const { port, searchVariants } = createPort();

      const matches = await port.searchByNumber('+15550100');

      expect(searchVariants).toHaveBeenCalledWith('+15550100', 'US');
      expect(searchByPhone).toHaveBeenCalledWith({ phone: '+15550100', variants: ['+15550100', '5550100'] });
      expect(matches).toEqual([
        ADA,
        {
          id: '00Q000000000001AAA',
          name: 'Charles Babbage',
          objectType: 'Lead',
          phone: '(555) 010-0100',
          accountName: 'Difference Engines',
        },
      ]);
    });

    it('does not ask Apex about something that is no phone number', async () => {
      const { port } = createPort();

      await expect(port.searchByNumber('12')).resolves.toEqual([]);
      expect(searchByPhone).not.toHaveBeenCalled();
    });

    it("fails with the agent's words from Apex", async () => {
      searchByPhone.mockRejectedValue({ body: { message: 'You cannot see contacts.' } });
      const { port } = createPort();

      await expect(port.searchByNumber('+15550100')).rejects.toThrow('You cannot see contacts.');
    });
  });

  it('searches by name', async () => {
    searchByName.mockResolvedValue(mockMatches.slice(0, 1));
    const { port } = createPort();

    await expect(port.searchByName('Ada')).resolves.toEqual([ADA]);
    expect(searchByName).toHaveBeenCalledWith({ term: 'Ada' });
  });

  describe('logCall', () => {
    const entry = {
      callId: 'call-1',
      callType: 'Inbound',
      subject: 'Inbound call from Ada Lovelace',
      durationSeconds: 75,
      disposition: 'Resolved',
      notes: 'Wants the invoice again',
      whoId: '003000000000001AAA',
      activityDate: '2026-01-01',
      savedAt: 1767225300000,
    };

    it("logs the call with the caller's number, name, and the contact's account", async () => {
      searchByPhone.mockResolvedValue(mockMatches);
      logCall.mockResolvedValue({ taskId: '00T000000000001AAA', created: true });
      const { port } = createPort({
        calls: { 'call-1': { direction: 'incoming', number: '+15550100', name: 'Ada Lovelace' } },
      });
      await port.searchByNumber('+15550100');

      await expect(port.logCall(entry)).resolves.toEqual({ taskId: '00T000000000001AAA' });
      expect(logCall).toHaveBeenCalledWith({
        input: {
          callId: 'call-1',
          direction: 'Inbound',
          internal: false,
          phoneNumber: '+15550100',
          displayName: 'Ada Lovelace',
          durationSeconds: 75,
          disposition: 'Resolved',
          notes: 'Wants the invoice again',
          whoId: '003000000000001AAA',
          whatId: '001000000000001AAA',
          savedAt: 1767225300000,
        },
      });
    });

    it('logs outgoing calls and leaves out numbers too long for the log', async () => {
      logCall.mockResolvedValue({ taskId: '00T000000000002AAA', created: false });
      const longUri = `sip:${'a'.repeat(40)}@example.com`;
      const { port } = createPort({ calls: { 'call-2': { direction: 'outgoing', number: longUri } } });

      await port.logCall({
        callId: 'call-2',
        callType: 'Outbound',
        subject: 's',
        durationSeconds: 0,
        activityDate: 'd',
      });

      expect(logCall).toHaveBeenCalledWith({
        input: { callId: 'call-2', direction: 'Outbound', internal: false, durationSeconds: 0 },
      });
    });

    it("fails with Apex's reason so the wrap-up can show it", async () => {
      logCall.mockRejectedValue({ body: { message: 'You cannot create tasks.' } });
      const { port } = createPort();

      await expect(port.logCall(entry)).rejects.toThrow('You cannot create tasks.');
    });

    it("keeps the code in front of Apex's reason, so the phone can tell a refusal for good", async () => {
      const message =
        "RELATED_RECORD: This call can't be logged: the contact, lead or record it is related to was deleted.";
      logCall.mockRejectedValue({ body: { message, exceptionType: 'System.AuraHandledException' } });
      const { port } = createPort();

      await expect(port.logCall(entry)).rejects.toThrow(message);
    });
  });

  describe('screenPop', () => {
    it('navigates to the record while the bridge is not up', async () => {
      const { port, navigate, bridge } = createPort();

      await port.screenPop({ type: 'SOBJECT', params: { recordId: '003000000000001AAA' } });

      expect(navigate).toHaveBeenCalledWith({
        type: 'standard__recordPage',
        attributes: { recordId: '003000000000001AAA', actionName: 'view' },
      });
      expect(bridge.request).not.toHaveBeenCalledWith('screenPop', expect.anything());
    });

    it('opens a prefilled new-record form', async () => {
      encodeDefaultFieldValues.mockReturnValue('Phone=%2B15550100');
      const { port, navigate } = createPort();

      await port.screenPop({
        type: 'NEW_RECORD_MODAL',
        params: { entityName: 'Contact' },
        defaultFieldValues: { Phone: '+15550100' },
      });

      expect(encodeDefaultFieldValues).toHaveBeenCalledWith({ Phone: '+15550100' });
      expect(navigate).toHaveBeenCalledWith({
        type: 'standard__objectPage',
        attributes: { objectApiName: 'Contact', actionName: 'new' },
        state: { defaultFieldValues: 'Phone=%2B15550100' },
      });
    });

    it('opens the search page for the number while the bridge is not up', async () => {
      const { port, navigate } = createPort();

      await port.screenPop({ type: 'SEARCH', params: { searchString: '+15550100' } });

      expect(navigate).toHaveBeenCalledWith({ type: 'standard__search', state: { term: '+15550100' } });
    });

    it('leaves a flow pop, which only Open CTI can show, alone', async () => {
      const { port, navigate } = createPort();

      await port.screenPop({ type: 'FLOW', params: { flowDevName: 'Call_Script' } });

      expect(navigate).not.toHaveBeenCalled();
    });

    it('navigates itself on the Open CTI path too: the bridge is never asked', async () => {
      const bridge = fakeBridge({ status: { state: 'ready', clickToDial: true } });
      const { port, navigate } = createPort({ bridge, crmPath: 'OpenCTI' });

      await port.screenPop({ type: 'SOBJECT', params: { recordId: '003000000000001AAA' } });

      expect(port.path()).toBe('OpenCTI');
      expect(bridge.request).not.toHaveBeenCalled();
      expect(navigate).toHaveBeenCalledWith({
        type: 'standard__recordPage',
        attributes: { recordId: '003000000000001AAA', actionName: 'view' },
      });
    });
  });

  describe('the CRM path (Softphone Setup: Auto, OpenCTI or Lightning)', () => {
    it('is Lightning until the bridge announces itself ready, and follows its latest announcement', () => {
      const bridge = fakeBridge();
      const { port } = createPort({ bridge });
      expect(port.path()).toBe('Lightning');

      bridge.announce({ state: 'ready', clickToDial: true });
      expect(port.path()).toBe('OpenCTI');

      bridge.announce({ state: 'error', clickToDial: false });
      expect(port.path()).toBe('Lightning');
    });

    it('is Open CTI at once when the bridge had announced itself before the port started', () => {
      const { port } = createPort({ bridge: fakeBridge({ status: { state: 'ready', clickToDial: true } }) });
      expect(port.path()).toBe('OpenCTI');
    });

    it('stays Lightning when the admin forces it, even with a ready bridge: navigation shows the record', async () => {
      const bridge = fakeBridge({ status: { state: 'ready', clickToDial: true } });
      const { port, navigate } = createPort({ bridge, crmPath: 'Lightning' });
      await flushPromises();

      await port.screenPop({ type: 'SOBJECT', params: { recordId: '003000000000001AAA' } });

      expect(port.path()).toBe('Lightning');
      expect(bridge.request).not.toHaveBeenCalledWith('screenPop', expect.anything());
      expect(navigate).toHaveBeenCalledWith({
        type: 'standard__recordPage',
        attributes: { recordId: '003000000000001AAA', actionName: 'view' },
      });
    });

    it('reads an empty or unknown setting as Auto', () => {
      expect(livePath(undefined, true)).toBe('OpenCTI');
      expect(livePath('', false)).toBe('Lightning');
      expect(livePath('Bridge', false)).toBe('Lightning');
    });
  });

  it('listens for clicks through the bridge', () => {
    const { port, bridge } = createPort();
    const listener = jest.fn();

    port.onClickToDial(listener);

    expect(bridge.onClickToDial).toHaveBeenCalledWith(listener);
  });

  describe('the record pages the agent lands on (how a contact saved from "New contact" joins the call)', () => {
    const CONTACT_PAGE = {
      type: 'standard__recordPage',
      attributes: { recordId: '003000000000009AAA', objectApiName: 'Contact', actionName: 'view' },
    };

    it.each([
      ['Lightning', fakeBridge()],
      ['Open CTI', fakeBridge({ status: { state: 'ready', clickToDial: true } })],
    ])("hears them from the utility's page reference on the %s path: record pages only", (_, bridge) => {
      const { port, pages } = createPort({ bridge });
      const listener = jest.fn();
      port.onRecordShown(listener);

      pages.show({
        type: 'standard__objectPage',
        attributes: { objectApiName: 'Contact', actionName: 'new' },
      });
      pages.show({ type: 'standard__search', state: { term: '4155550199' } });
      pages.show({ ...CONTACT_PAGE, attributes: { ...CONTACT_PAGE.attributes, actionName: 'edit' } });
      pages.show(CONTACT_PAGE);
      pages.show({ type: 'standard__recordPage', attributes: { recordId: '00Q000000000009AAA' } });

      expect(listener.mock.calls).toEqual([
        [{ recordId: '003000000000009AAA', objectType: 'Contact' }],
        [{ recordId: '00Q000000000009AAA', objectType: 'Lead' }],
      ]);
    });

    it('stops listening when the core unsubscribes, and asks the bridge for nothing', () => {
      const { port, pages, bridge } = createPort();
      const stop = port.onRecordShown(jest.fn());

      stop();

      expect(pages.listeners.size).toBe(0);
      expect(bridge.onRecordShown).not.toHaveBeenCalled();
    });
  });

  describe('helpers', () => {
    it('uses the dialled number as the match phone', () => {
      expect(toContactMatch(mockMatches[0], '+15550111').phone).toBe('+15550111');
    });

    it('maps the other Open CTI pop types it can show', () => {
      expect(pageReferenceOf({ type: 'OBJECTHOME', params: { scope: 'Case' } })).toEqual({
        type: 'standard__objectPage',
        attributes: { objectApiName: 'Case', actionName: 'home' },
      });
      expect(
        pageReferenceOf({ type: 'LIST', params: { scope: 'Case', listViewId: '00B000000000001AAA' } }),
      ).toEqual({
        type: 'standard__objectPage',
        attributes: { objectApiName: 'Case', actionName: 'list' },
        state: { filterName: '00B000000000001AAA' },
      });
      expect(pageReferenceOf({ type: 'URL', params: { url: '/lightning/o/Case/home' } })).toEqual({
        type: 'standard__webPage',
        attributes: { url: '/lightning/o/Case/home' },
      });
      expect(pageReferenceOf({ type: 'FLOW', params: { flowDevName: 'x' } })).toBeNull();
    });
  });
});
