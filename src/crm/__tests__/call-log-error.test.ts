// The codes SoftphoneCallLog.logCall puts in front of its messages, read back as typed errors; and the
// call machine with the real CRM actors, so a port's rejection ends in "refused" or "retrying" as it should.
import { createActor } from 'xstate';
import { callMachine } from '../../call';
import { ann, incomingInput, T0 } from '../../call/__tests__/support/harness';
import { CALL_LOG_ERROR_CODES, CallLogError } from '../call-log-error';
import type { CallLogEntry, CrmPort } from '../crm-port';
import { createCrmActors } from '../actors';

describe('CallLogError', () => {
  test('the codes and what each means, brittle on purpose (SoftphoneCallLog.cls sends the same)', () => {
    expect(CALL_LOG_ERROR_CODES).toEqual({
      INVALID_INPUT: { permanent: true, relatedRecord: false },
      VALIDATION_RULE: { permanent: true, relatedRecord: false },
      NO_ACCESS: { permanent: true, relatedRecord: false },
      RELATED_RECORD: { permanent: true, relatedRecord: true },
      TRY_AGAIN: { permanent: false, relatedRecord: false },
      UNAVAILABLE: { permanent: false, relatedRecord: false },
    });
  });

  test.each([
    ['VALIDATION_RULE', true, false],
    ['NO_ACCESS', true, false],
    ['RELATED_RECORD', true, true],
    ['INVALID_INPUT', true, false],
    ['TRY_AGAIN', false, false],
  ] as const)(
    'an Apex message coded %s is typed, the code taken off the words',
    (code, permanent, related) => {
      const error = CallLogError.from(
        new Error(`${code}: This call can't be logged: because.\nSee the rule.`),
      );

      expect(error).toBeInstanceOf(CallLogError);
      expect(error).toMatchObject({ name: 'CallLogError', code, permanent, relatedRecord: related });
      expect(error.message).toBe("This call can't be logged: because.\nSee the rule.");
    },
  );

  test.each([
    'UNABLE_TO_LOCK_ROW: unable to obtain exclusive access to this record',
    'Disconnected or Canceled',
    'An internal server error has occurred',
  ])('anything else (%s) may succeed later and keeps its message', (message) => {
    const error = CallLogError.from(new Error(message));

    expect(error).toMatchObject({ code: 'UNAVAILABLE', permanent: false, message });
  });

  test('a CallLogError passes through; a thrown string is read as a message', () => {
    const typed = new CallLogError('NO_ACCESS', 'no');
    expect(CallLogError.from(typed)).toBe(typed);
    expect(CallLogError.from('RELATED_RECORD: gone')).toMatchObject({
      code: 'RELATED_RECORD',
      message: 'gone',
    });
  });
});

describe('the call log save on a CrmPort', () => {
  // Stopped after each test, pass or fail: a call left retrying would keep its retry timer running.
  const started: Array<{ stop(): void }> = [];
  afterEach(() => started.splice(0).forEach((actor) => actor.stop()));

  function call(logCall: (entry: CallLogEntry) => Promise<{ taskId: string }>) {
    const crm: CrmPort = {
      searchByNumber: () => Promise.resolve([ann]),
      searchByName: () => Promise.resolve([]),
      screenPop: () => Promise.resolve(),
      logCall,
      onClickToDial: () => () => undefined,
    };
    const { actors, actions } = createCrmActors(crm, { now: () => T0 + 90_000 });
    const actor = createActor(callMachine.provide({ actors, actions }), { input: incomingInput() });
    actor.start();
    started.push(actor);
    actor.send({ type: 'ui.answer', callId: 'c1' });
    actor.send({ type: 'sip.call.answered', at: T0 + 5_000 });
    actor.send({ type: 'sip.call.ended', at: T0 + 65_000 });
    actor.send({ type: 'ui.wrapUp.saveAndClose', callId: 'c1' });
    return actor;
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  test('a port rejecting with a coded Apex message leaves the log refused, with the words for the agent', async () => {
    const actor = call(() =>
      Promise.reject(new Error("RELATED_RECORD: This call can't be logged: entity is deleted")),
    );
    await settle();

    expect(actor.getSnapshot().value.log).toBe('refused');
    expect(actor.getSnapshot().context).toMatchObject({
      saveError: "This call can't be logged: entity is deleted",
      saveRefusal: { code: 'RELATED_RECORD', relatedRecord: true },
    });
  });

  test('a port rejecting with anything else is retried', async () => {
    const actor = call(() => Promise.reject(new Error('Disconnected or Canceled')));
    await settle();

    expect(actor.getSnapshot().value.log).toBe('retrying');
  });

  test('each save says when it began, for the rule "the save begun last wins"', async () => {
    const entries: CallLogEntry[] = [];
    call((entry) => {
      entries.push(entry);
      return Promise.resolve({ taskId: '00T000000000001AAA' });
    });
    await settle();

    expect(entries.length).toBeGreaterThan(0);
    expect(entries.map((e) => e.savedAt)).toEqual(entries.map(() => T0 + 90_000));
    expect(entries.at(-1)).toMatchObject({ callId: 'c1', whoId: ann.id });
  });
});
