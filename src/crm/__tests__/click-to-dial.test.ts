// A click on a phone field in Salesforce, as the Open CTI bridge relays it, becomes the phone's CRM dial.
// The real BridgeClient on an in-memory channel that behaves like LMS (every subscriber hears every message).
import { BridgeClient, type MessageTransport } from '..';
import { clickedRecord, dialRequests, type CrmDial } from '../click-to-dial';

function bridgeOnChannel() {
  const listeners = new Set<(message: unknown) => void>();
  const transport: MessageTransport = {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const bridgeSays = (payload: unknown) => {
    for (const listener of [...listeners]) {
      listener({ version: 1, type: 'clickToDial', requestId: 'evt-click', payload });
    }
  };
  return { client: new BridgeClient({ transport }), bridgeSays };
}

function dialled() {
  const dials: [string, CrmDial][] = [];
  return {
    dials,
    dial: (number: string, options: CrmDial) => `call-${dials.push([number, options])}`,
  };
}

describe('click-to-dial requests', () => {
  test('a clicked number is dialled as clicked, as a CRM dial, with its record', () => {
    const { client, bridgeSays } = bridgeOnChannel();
    const { dials, dial } = dialled();
    dialRequests(client, dial);

    bridgeSays({
      number: '(555) 010-0100',
      recordId: '003000000000001AAA',
      recordName: 'Ada Lovelace',
      objectType: 'Contact',
    });

    expect(dials).toEqual([
      [
        '(555) 010-0100',
        {
          record: {
            id: '003000000000001AAA',
            name: 'Ada Lovelace',
            objectType: 'Contact',
            phone: '(555) 010-0100',
          },
          source: 'crm',
        },
      ],
    ]);
  });

  test('a number clicked on a record no call is logged against is dialled without that record', () => {
    const { client, bridgeSays } = bridgeOnChannel();
    const { dials, dial } = dialled();
    dialRequests(client, dial);

    bridgeSays({ number: '5550100', recordId: '500000000000001AAA', objectType: 'Case' });

    expect(dials).toEqual([['5550100', { record: undefined, source: 'crm' }]]);
  });

  test('messages that fail the schema dial nothing', () => {
    const { client, bridgeSays } = bridgeOnChannel();
    const { dials, dial } = dialled();
    dialRequests(client, dial);

    bridgeSays({ number: '5550100', extra: 'member' });
    bridgeSays({ number: '5550100', recordId: 'not-an-id' });

    expect(dials).toEqual([]);
  });

  test('the tab that heard the click is told the id each request was dialled under', () => {
    const { client, bridgeSays } = bridgeOnChannel();
    const { dial } = dialled();
    const ids: string[] = [];
    dialRequests(client, dial, (callId) => ids.push(callId));

    bridgeSays({ number: '5550100' });
    bridgeSays({ number: '5550101' });

    expect(ids).toEqual(['call-1', 'call-2']);
  });

  test('once stopped, clicks dial nothing', () => {
    const { client, bridgeSays } = bridgeOnChannel();
    const { dials, dial } = dialled();
    const stop = dialRequests(client, dial);

    stop();
    bridgeSays({ number: '5550100' });

    expect(dials).toEqual([]);
  });
});

describe('the clicked record', () => {
  test('takes the contact behind a person account click', () => {
    expect(
      clickedRecord({
        number: '5550100',
        recordId: '001000000000001AAA',
        recordName: 'Ada',
        objectType: 'Account',
        personAccount: true,
        contactId: '003000000000001AAA',
      }),
    ).toEqual({ id: '003000000000001AAA', name: 'Ada', objectType: 'Contact', phone: '5550100' });
  });

  test('is named by its number when the click carries no record name', () => {
    expect(clickedRecord({ number: '5550100', recordId: '00Q000000000001AAA', objectType: 'Lead' })).toEqual({
      id: '00Q000000000001AAA',
      name: '5550100',
      objectType: 'Lead',
      phone: '5550100',
    });
  });

  test('is none without a record id', () => {
    expect(clickedRecord({ number: '5550100', objectType: 'Contact' })).toBeUndefined();
  });
});
