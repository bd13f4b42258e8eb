// The utility's service module on its own: what it asks of Apex and the static resource, what it gives the
// core, and the Lightning Message Service transport of the Open CTI bridge. The host is a plain object
// standing in for the component (c/softphone renders what the host is given; see its own tests).
import {
  clone,
  mockCredentials,
  mockSettings,
  STORAGE_KEY,
  startsWithFakeCore,
} from '../../softphone/__tests__/serviceStart';
import { loadScript } from 'lightning/platformResourceLoader';
import {
  createMessageContext,
  getSubscriberCount,
  publish,
  resetMessageService,
} from 'lightning/messageService';
import SOFTPHONE_CHANNEL from '@salesforce/messageChannel/Softphone__c';
import getSettings from '@salesforce/apex/SoftphoneSettingsController.getSettings';
import getSipCredentials from '@salesforce/apex/SoftphoneCredentials.getSipCredentials';
import logMissedCall from '@salesforce/apex/SoftphoneCallLog.logMissedCall';
import searchByPhone from '@salesforce/apex/SoftphoneContactSearch.searchByPhone';
import getVisualforceOrigin from '@salesforce/apex/SoftphoneOrigins.visualforceOrigin';

jest.mock('@salesforce/apex/SoftphoneOrigins.visualforceOrigin', () => ({ default: jest.fn() }), {
  virtual: true,
});

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
mockCustomLabels();
const { lmsTransport, startSoftphoneService } = require('c/softphoneService');

describe('c-softphone-service', () => {
  let fake;
  let host;
  const lms = createMessageContext();
  const options = () => fake.core.createSharedSoftphone.mock.calls[0][0];
  const bridgeSays = (type, payload, requestId = `evt-${type}`) =>
    publish(lms, SOFTPHONE_CHANNEL, { version: 1, type, requestId, payload });
  const start = () => startSoftphoneService(host, () => true);

  beforeEach(() => {
    fake = startsWithFakeCore();
    const events = [];
    host = {
      events,
      component: { name: 'the component' },
      messageContext: () => lms,
      navigate: jest.fn(),
      alert: jest.fn(() => () => undefined),
      deviceNumber: () => '+15550100',
      attach: jest.fn(() => events.push('attach')),
      show: jest.fn(() => events.push('show')),
      problem: jest.fn(),
      resolved: jest.fn(),
    };
  });

  afterEach(() => {
    delete window.SoftphoneCore;
    resetMessageService();
    jest.clearAllMocks();
  });

  describe('starting', () => {
    it('loads the softphoneCore static resource for the component that hosts it', async () => {
      await start();

      expect(loadScript).toHaveBeenCalledWith(host.component, expect.stringContaining('softphoneCore'));
    });

    it('loads the numbering plans as their own resource once the phone has started, and hands them to the core', async () => {
      await start();
      await Promise.resolve();

      expect(loadScript.mock.calls.map(([, url]) => url)).toEqual([
        expect.stringContaining('softphoneCore'),
        expect.stringContaining('softphoneNumberingPlans'),
      ]);
      expect(fake.softphone.start.mock.invocationCallOrder[0]).toBeLessThan(
        loadScript.mock.invocationCallOrder[1],
      );
      expect(fake.core.dialing.provideNumberingPlans).toHaveBeenCalledWith(window.SoftphoneNumberingPlans);
    });

    it('numbering plans that fail to load: the agent is told dialing is not possible, and a caller is still searched', async () => {
      loadScript.mockImplementation((component, url) => {
        if (url.includes('softphoneNumberingPlans')) return Promise.reject(new Error('404'));
        window.SoftphoneCore = fake.core;
        return Promise.resolve();
      });
      searchByPhone.mockResolvedValue([]);
      await start();

      await expect(options().crm.searchByNumber('+15550100')).resolves.toEqual([]);
      expect(host.problem).toHaveBeenCalledWith('numberingPlans', expect.stringContaining('numbering plans'));
      expect(fake.core.dialing.searchVariants).toHaveBeenCalledWith('+15550100', 'US');
    });

    it('in softphone mode, deskphone mode’s own resource is never loaded', async () => {
      await start();
      await Promise.resolve();

      expect(loadScript.mock.calls.map(([, url]) => url)).not.toContainEqual(
        expect.stringContaining('softphoneDeskphone'),
      );
      expect(fake.core.provideDeskphone).not.toHaveBeenCalled();
    });

    it('in deskphone mode, loads its own resource once the phone has started, and hands it to the core', async () => {
      getSettings.mockResolvedValue({ ...clone(mockSettings), mode: 'Deskphone' });
      await start();
      await Promise.resolve();

      const urls = loadScript.mock.calls.map(([, url]) => url);
      expect(urls).toContainEqual(expect.stringContaining('softphoneDeskphone'));
      const deskphoneLoad = urls.findIndex((url) => url.includes('softphoneDeskphone'));
      expect(fake.softphone.start.mock.invocationCallOrder[0]).toBeLessThan(
        loadScript.mock.invocationCallOrder[deskphoneLoad],
      );
      expect(fake.core.provideDeskphone).toHaveBeenCalledWith(window.SoftphoneDeskphone);
    });

    it('deskphone mode’s resource that fails to load: the agent is told, the phone still runs', async () => {
      getSettings.mockResolvedValue({ ...clone(mockSettings), mode: 'Deskphone' });
      loadScript.mockImplementation((component, url) => {
        if (url.includes('softphoneDeskphone')) return Promise.reject(new Error('404'));
        window.SoftphoneCore = fake.core;
        return Promise.resolve();
      });
      await start();
      await Promise.resolve();
      await Promise.resolve();

      expect(host.problem).toHaveBeenCalledWith('deskphone', expect.stringContaining('Deskphone mode'));
      expect(fake.softphone.start).toHaveBeenCalled();
    });

    it('gives the core the SIP server, address and ephemeral credentials from Apex', async () => {
      await start();

      expect(getSettings).toHaveBeenCalledTimes(1);
      expect(getSipCredentials).toHaveBeenCalledTimes(1);
      expect(options().sip).toEqual({
        server: 'wss://sip.example.com:443',
        aor: 'sip:alice@example.com',
        auth: {
          kind: 'ephemeral',
          username: '1767225600:alice',
          password: 'bWFkZS11cC1obWFj',
          ttlSeconds: 3600,
          expiresAt: 1767225600,
          refresh: expect.any(Function),
        },
        iceServers: [{ urls: 'stun:stun.example.com' }],
      });
    });

    it('gives the core the phone, dialing and screen pop settings, and the agent’s own phone from the host', async () => {
      await start();

      expect(options().phone).toEqual({
        mode: 'softphone',
        maxLines: 2,
        whenAway: 'decline',
        whenInWrapUp: 'ring',
        call: {
          wrapUpSeconds: 60,
          maxHoldSeconds: 120,
          popNewContactForUnknown: false,
          wrapUpByDirection: {},
          wrapUpByRecord: { lead: 90 },
          callNotes: true,
          callNotesOnTransfers: true,
        },
        clickToDial: true,
      });
      expect(options().dialing).toEqual({
        defaultCountry: 'US',
        outsidePrefix: '9',
        longDistancePrefix: '',
        internationalPrefix: '011',
        extensionLengths: [4],
        dialPlan: { allow: [], deny: ['+1900'] },
      });
      expect(options().screenPop).toBe('record');
      expect(options().device.number()).toBe('+15550100');
      expect(options().storage).toEqual({ secret: STORAGE_KEY });
    });

    it('gives the host the service before the first view, then starts the phone', async () => {
      const service = await start();

      expect(host.attach).toHaveBeenCalledWith(service);
      expect(service.softphone).toBe(fake.softphone);
      expect(host.events).toEqual(['attach', 'show']);
      expect(fake.softphone.start).toHaveBeenCalledTimes(1);
    });

    it('builds nothing when its component left the page while it loaded', async () => {
      const service = await startSoftphoneService(host, () => false);

      expect(service).toBeUndefined();
      expect(fake.core.createSharedSoftphone).not.toHaveBeenCalled();
      expect(host.attach).not.toHaveBeenCalled();
      expect(getSubscriberCount(SOFTPHONE_CHANNEL)).toBe(0);
    });

    it('renews the SIP credentials through Apex when the core asks, with their lifetime', async () => {
      await start();
      getSipCredentials.mockResolvedValueOnce({
        ...mockCredentials,
        username: '1767229200:alice',
        password: 'bmV3',
        expiresAt: 1767229200,
      });

      // The core schedules the next renewal from the lifetime and expiry (see src/sip/credential-renewal.ts).
      await expect(options().sip.auth.refresh()).resolves.toEqual({
        username: '1767229200:alice',
        password: 'bmV3',
        ttlSeconds: 3600,
        expiresAt: 1767229200,
      });
      expect(getSipCredentials).toHaveBeenCalledTimes(2);
      expect(host.resolved).toHaveBeenCalledWith('credentials');
    });

    it('says why when renewed credentials are refused', async () => {
      await start();
      getSipCredentials.mockRejectedValueOnce({ body: { message: 'Your phone has no SIP user yet.' } });

      await expect(options().sip.auth.refresh()).rejects.toBeTruthy();

      expect(host.problem).toHaveBeenCalledWith(
        'credentials',
        'Your phone could not sign in to the phone system. Your phone has no SIP user yet.',
      );
    });
  });

  describe('click-to-dial over Lightning Message Service', () => {
    it('dials a clicked number with its record, as a CRM dial', async () => {
      await start();

      bridgeSays('clickToDial', {
        number: '(555) 010-0100',
        recordId: '003000000000001AAA',
        recordName: 'Ada Lovelace',
        objectType: 'Contact',
      });

      expect(fake.softphone.dial).toHaveBeenCalledWith('(555) 010-0100', {
        record: {
          id: '003000000000001AAA',
          name: 'Ada Lovelace',
          objectType: 'Contact',
          phone: '(555) 010-0100',
        },
        source: 'crm',
      });
    });

    describe('what the package’s Visualforce pages post to this window (ADR 0007)', () => {
      const VISUALFORCE = 'https://acme--ns.vf.force.com';
      const CLICK = { version: 1, type: 'clickToDial', requestId: 'vf-1', payload: { number: '5550100' } };
      /** jsdom cannot deliver a trusted event from another origin: the window's 'message' listeners are called. */
      const windowMessages = () => {
        const listeners = [];
        const real = window.addEventListener.bind(window);
        jest.spyOn(window, 'addEventListener').mockImplementation((type, listener, capture) => {
          if (type === 'message') listeners.push(listener);
          else real(type, listener, capture);
        });
        return (event) => [...listeners].forEach((listener) => listener(event));
      };

      afterEach(() => jest.restoreAllMocks());

      it('dials a click the bridge posted from the Visualforce origin Apex gave', async () => {
        getVisualforceOrigin.mockResolvedValue(VISUALFORCE);
        const deliver = windowMessages();
        await start();

        deliver({ isTrusted: true, origin: VISUALFORCE, data: CLICK });

        expect(fake.softphone.dial).toHaveBeenCalledWith('5550100', { record: undefined, source: 'crm' });
      });

      it('dials nothing posted from another origin, nor anything when Apex gave no origin', async () => {
        getVisualforceOrigin.mockResolvedValue(VISUALFORCE);
        const deliver = windowMessages();
        const first = await start();
        deliver({ isTrusted: true, origin: 'https://acme.lightning.force.com', data: CLICK });
        deliver({ isTrusted: false, origin: VISUALFORCE, data: CLICK });
        first.dispose();

        getVisualforceOrigin.mockRejectedValue(new Error('no access to SoftphoneOrigins'));
        await start();
        deliver({ isTrusted: true, origin: VISUALFORCE, data: CLICK });

        expect(fake.softphone.dial).not.toHaveBeenCalled();
      });
    });

    it('dials a number clicked on a record it cannot log against without that record', async () => {
      await start();

      bridgeSays('clickToDial', { number: '5550100', recordId: '500000000000001AAA', objectType: 'Case' });

      expect(fake.softphone.dial).toHaveBeenCalledWith('5550100', { record: undefined, source: 'crm' });
    });

    it('ignores messages that fail the schema', async () => {
      await start();

      publish(lms, SOFTPHONE_CHANNEL, {
        version: 2,
        type: 'clickToDial',
        requestId: 'e1',
        payload: { number: '1' },
      });
      bridgeSays('clickToDial', { number: '5550100', extra: 'member' });
      bridgeSays('clickToDial', { number: '5550100', recordId: 'not-an-id' });

      expect(fake.softphone.dial).not.toHaveBeenCalled();
    });

    it('stops listening once disposed', async () => {
      const service = await start();
      expect(getSubscriberCount(SOFTPHONE_CHANNEL)).toBe(1);

      service.dispose();
      bridgeSays('clickToDial', { number: '5550100' });

      expect(getSubscriberCount(SOFTPHONE_CHANNEL)).toBe(0);
      expect(fake.listeners.size).toBe(0);
      expect(fake.softphone.dial).not.toHaveBeenCalled();
    });

    it('hears the Softphone__c channel until it stops, and publishes nothing', () => {
      const transport = lmsTransport(() => lms);
      const heard = [];
      const stop = transport.subscribe((message) => heard.push(message));

      publish(lms, SOFTPHONE_CHANNEL, { type: 'ping' });
      stop();
      publish(lms, SOFTPHONE_CHANNEL, { type: 'after' });

      expect(heard).toEqual([{ type: 'ping' }]);
      expect(transport).not.toHaveProperty('publish');
    });
  });

  describe('the CRM it gives the core', () => {
    it('records the calls the core counts as missed for Recents', async () => {
      await start();

      await options().onRecent({
        callId: 'call-9',
        direction: 'incoming',
        remote: { number: '+15550199', displayName: 'Grace Hopper' },
        matches: [],
        chosen: null,
        outcome: 'missed',
        missed: true,
      });

      expect(logMissedCall).toHaveBeenCalledWith({
        input: {
          callId: 'call-9',
          direction: 'Inbound',
          phoneNumber: '+15550199',
          displayName: 'Grace Hopper',
        },
      });
    });

    it('hands the phone the recording of a missed call, so it can tell every tab once it is done', async () => {
      await start();

      const recorded = options().onRecent({
        callId: 'call-9',
        direction: 'incoming',
        remote: { number: '+15550199' },
        chosen: { id: '003000000000001AAA', name: 'Ada Lovelace', objectType: 'Contact', phone: '+15550199' },
        outcome: 'declined',
        missed: true,
      });

      await expect(recorded).resolves.toEqual({ taskId: '00T000000000001AAA', created: true });
      expect(logMissedCall).toHaveBeenCalledWith({
        input: {
          callId: 'call-9',
          direction: 'Inbound',
          phoneNumber: '+15550199',
          displayName: 'Ada Lovelace',
          whoId: '003000000000001AAA',
        },
      });
    });

    it('leaves the calls the core does not count as missed (answered ones) to the call log', async () => {
      await start();

      options().onRecent({
        callId: 'call-1',
        direction: 'incoming',
        remote: { number: '1' },
        outcome: 'completed',
        missed: false,
      });

      expect(logMissedCall).not.toHaveBeenCalled();
    });
  });
});
