// "New contact" for an unknown caller: the record the agent saves from the prefilled form becomes the
// call's contact (so the Task relates to it), recognised when Salesforce lands on it and a search by the
// caller's number finds it.
import { createActor } from 'xstate';
import { callMachine } from '../../call';
import type { ContactMatch } from '..';
import type { RecordShown } from '../../protocol';
import { createCrmActors } from '../actors';
import type { CrmPort } from '../crm-port';
import { incomingInput } from '../../call/__tests__/support/harness';

const dana: ContactMatch = {
  id: '003000000000009AAA',
  name: 'Dana Scully',
  objectType: 'Contact',
  phone: '+442079460001',
};

function setup(options: { onRecordShown?: boolean } = {}) {
  const listeners = new Set<(record: RecordShown) => void>();
  let directory: ContactMatch[] = [];
  const crm: CrmPort = {
    searchByNumber: jest.fn(() => Promise.resolve(directory)),
    searchByName: () => Promise.resolve([]),
    screenPop: jest.fn(() => Promise.resolve()),
    logCall: () => Promise.resolve({ taskId: '00T000000000001', created: true }),
    onClickToDial: () => () => undefined,
    ...(options.onRecordShown === false
      ? {}
      : {
          onRecordShown: (listener: (record: RecordShown) => void) => {
            listeners.add(listener);
            return () => listeners.delete(listener);
          },
        }),
  };
  const { actors, actions } = createCrmActors(crm);
  const actor = createActor(callMachine.provide({ actors, actions }), { input: incomingInput() });
  actor.start();
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    actor,
    crm,
    listeners,
    settle,
    saveInOrg: (record: ContactMatch) => (directory = [...directory, record]),
    land: async (record: RecordShown) => {
      for (const listener of [...listeners]) listener(record);
      await settle();
    },
  };
}

async function creating(h: ReturnType<typeof setup>) {
  await h.settle();
  expect(h.actor.getSnapshot().value.contact).toBe('noMatch');
  h.actor.send({ type: 'ui.contact.new', callId: 'c1' });
  expect(h.actor.getSnapshot().value.contact).toBe('creatingContact');
}

describe('a contact created from the softphone', () => {
  test('becomes the call’s contact when the agent lands on it and it carries the caller’s number', async () => {
    const h = setup();
    await creating(h);

    h.saveInOrg(dana);
    await h.land({ recordId: '003000000000009', objectType: 'Contact', recordName: 'Dana Scully' });

    expect(h.actor.getSnapshot().value.contact).toBe('chosen');
    expect(h.actor.getSnapshot().context.chosen).toEqual(dana);
    expect(h.crm.searchByNumber).toHaveBeenLastCalledWith('+442079460001');
    expect(h.listeners.size).toBe(0);
  });

  test('a record page visited for another reason is not taken: another object, or a record without the number', async () => {
    const h = setup();
    await creating(h);

    await h.land({ recordId: '001000000000001AAA', objectType: 'Account', recordName: 'Acme' });
    await h.land({ recordId: '003000000000005AAA', objectType: 'Contact', recordName: 'Someone Else' });

    expect(h.actor.getSnapshot().value.contact).toBe('creatingContact');
    expect(h.actor.getSnapshot().context.chosen).toBeNull();
  });

  test('after Cancel, landing on the new record changes nothing', async () => {
    const h = setup();
    await creating(h);
    h.actor.send({ type: 'ui.contact.cancel', callId: 'c1' });

    h.saveInOrg(dana);
    await h.land({ recordId: dana.id, objectType: 'Contact' });

    expect(h.actor.getSnapshot().value.contact).toBe('noMatch');
    expect(h.listeners.size).toBe(0);
  });

  test('a host that cannot follow record pages leaves "creating" to the agent’s Cancel', async () => {
    const h = setup({ onRecordShown: false });
    await creating(h);
    h.actor.send({ type: 'ui.contact.cancel', callId: 'c1' });
    expect(h.actor.getSnapshot().value.contact).toBe('noMatch');
  });
});
