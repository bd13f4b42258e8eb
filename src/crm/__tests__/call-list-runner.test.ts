// The runner between a list view's call list, the phone and the agent's Skip and Stop.
import type { CallListRequest } from '../../protocol';
import { CallListRunner, type CallListPhone } from '../call-list-runner';

const ALICE = {
  number: '(415) 555-0101',
  recordId: '003WB0000000001YAA',
  recordName: 'Alice Nguyen',
  objectType: 'Contact',
};
const ERIN = {
  number: '(312) 555-0103',
  recordId: '00QWB00000000012AA',
  recordName: 'Erin Lee',
  objectType: 'Lead',
};
const CASE = { number: '5550100', recordId: '500WB0000000001AAA', objectType: 'Case' };

/** A phone whose calls the test puts on and takes off; a dial shows its call at once, as the machine does. */
function fakePhone() {
  let calls: string[] = [];
  const listeners = new Set<(view: { calls: readonly unknown[] }) => void>();
  const show = () => listeners.forEach((listener) => listener({ calls }));
  const phone: CallListPhone & { dial: jest.Mock; end(): void } = {
    view: () => ({ calls }),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dial: jest.fn((number: string) => {
      calls = [...calls, number];
      show();
      return `call-${calls.length}`;
    }),
    end: () => {
      calls = [];
      show();
    },
  };
  return { phone, listeners };
}

function setUp() {
  const { phone, listeners } = fakePhone();
  let send: (list: CallListRequest) => void = () => undefined;
  const dialled = jest.fn();
  const runner = new CallListRunner({
    phone,
    source: { onCallList: (listener) => ((send = listener), () => (send = () => undefined)) },
    dialled,
  });
  return {
    runner,
    phone,
    listeners,
    dialled,
    start: (entries: CallListRequest['entries']) => send({ entries }),
  };
}

describe('CallListRunner', () => {
  it('dials the selected records in turn, each once the previous call is over, with its record as the contact', () => {
    const { phone, start, runner, dialled } = setUp();
    start([ALICE, ERIN, CASE]);
    expect(runner.state()?.remaining.map((entry) => entry.name)).toEqual(['Erin Lee', '5550100']);

    phone.end();
    phone.end();

    expect(phone.dial.mock.calls).toEqual([
      [
        ALICE.number,
        {
          source: 'crm',
          record: { id: ALICE.recordId, name: 'Alice Nguyen', objectType: 'Contact', phone: ALICE.number },
        },
      ],
      [
        ERIN.number,
        {
          source: 'crm',
          record: { id: ERIN.recordId, name: 'Erin Lee', objectType: 'Lead', phone: ERIN.number },
        },
      ],
      // A Case is no contact: the call has none, as a click on its number.
      [CASE.number, { source: 'crm', record: undefined }],
    ]);
    expect(dialled.mock.calls).toEqual([['call-1'], ['call-1'], ['call-1']]);
    phone.end();
    expect(runner.state()).toBeNull();
  });

  it("tells its listeners what is next, and skips and stops on the agent's word", () => {
    const { phone, start, runner } = setUp();
    const heard = jest.fn();
    runner.subscribe((list) => heard(list?.remaining[0]?.name ?? null));
    start([ALICE, ERIN, CASE]);

    runner.skip();
    phone.end();
    runner.stop();
    phone.end();

    expect(phone.dial.mock.calls.map(([number]) => number)).toEqual([ALICE.number, CASE.number]);
    expect(heard.mock.calls.map(([next]) => next)).toEqual(['Erin Lee', '5550100', null, null]);
  });

  it('stops listening when disposed', () => {
    const { runner, listeners, phone, start } = setUp();
    runner.dispose();
    start([ALICE]);
    expect(listeners.size).toBe(0);
    expect(phone.dial).not.toHaveBeenCalled();
  });
});
