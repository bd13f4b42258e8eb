// Issue 13, "nothing lost": a call log Salesforce refuses for good (validation rule, missing permission,
// deleted or hidden record) does not keep the agent in wrap-up, declining calls, for ever. Busy or unreachable
// Salesforce is still retried. The agent reads why, and saves without the related record or copies the notes.
import { CallLogError } from '../../crm/call-log-error';
import { softphoneView } from '../../view/softphone-view';
import type { CallLogErrorCode } from '../../crm/call-log-error';
import { ann, incomingInput, startCall, startPhone, T0 } from './support/harness';
import type { CallHarness } from './support/harness';

const refusal = (code: CallLogErrorCode, reason: string) =>
  new CallLogError(code, `This call can't be logged: ${reason}`);

/** A call with Ann chosen, ended, wrap-up saved and closed by the agent: its first save is in flight. */
function wrapUpSavedWithAnn(): CallHarness {
  const h = startCall(incomingInput(), { matches: [ann] });
  h.actor.send({ type: 'ui.answer', callId: 'c1' });
  h.actor.send({ type: 'sip.call.answered', at: T0 + 5_000 });
  h.actor.send({ type: 'ui.notes.changed', callId: 'c1', text: 'Wants a refund' });
  h.actor.send({ type: 'sip.call.ended', at: T0 + 65_000 });
  h.actor.send({ type: 'ui.wrapUp.saveAndClose', callId: 'c1' });
  return h;
}

const log = (h: CallHarness) => h.actor.getSnapshot().value.log;
const progress = (h: CallHarness) => h.actor.getSnapshot().value.progress;

describe('a call log Salesforce refuses for good', () => {
  it.each<[CallLogErrorCode, string]>([
    ['VALIDATION_RULE', 'Notes must name the order number.'],
    ['NO_ACCESS', 'you don\'t have permission to edit the Task field "Call Result".'],
    ['INVALID_INPUT', 'the notes are longer than 32000 characters.'],
    ['RELATED_RECORD', 'entity is deleted'],
  ])('%s is not retried: the agent reads the reason and the notes stay', (code, reason) => {
    const h = wrapUpSavedWithAnn();
    h.effects.failSave('c1', refusal(code, reason));

    expect(log(h)).toBe('refused');
    expect(h.actor.getSnapshot().context).toMatchObject({
      notes: 'Wants a refund',
      saveError: `This call can't be logged: ${reason}`,
      saveRefusal: { code, relatedRecord: code === 'RELATED_RECORD' },
    });
    expect(h.clock.pending()).toEqual([]);
    expect(h.effects.saves).toHaveLength(1);
    expect(progress(h)).toEqual({ wrapUp: { over: 'closed' } });
  });

  it.each<[string, Error]>([
    ['a locked row', refusal('TRY_AGAIN', 'unable to obtain exclusive access to this record')],
    ['no answer from Apex', new CallLogError('UNAVAILABLE', 'Disconnected or Canceled')],
    ['an error of unknown kind', new Error('An internal server error has occurred')],
  ])('%s is retried after a pause, as before', (_, failure) => {
    const h = wrapUpSavedWithAnn();
    h.effects.failSave('c1', failure);

    expect(log(h)).toBe('retrying');
    expect(h.actor.getSnapshot().context.saveRefusal).toBeNull();
    expect(h.clock.fireNext()).toBe(true);
    expect(h.effects.saves).toHaveLength(2);
    h.effects.resolveSave('c1');
    expect(progress(h)).toBe('finished');
  });

  it('a refused related record: the agent saves without it, the Task gets the notes and no contact, and the call is done', () => {
    const h = wrapUpSavedWithAnn();
    expect(h.effects.saves[0]?.input.chosen).toEqual(ann);
    h.effects.failSave('c1', refusal('RELATED_RECORD', 'entity is deleted'));

    h.actor.send({ type: 'ui.wrapUp.saveWithoutRecord', callId: 'c1' });

    expect(h.effects.saves).toHaveLength(2);
    expect(h.effects.saves[1]?.input).toMatchObject({ chosen: null, notes: 'Wants a refund' });
    h.effects.resolveSave('c1');
    expect(progress(h)).toBe('finished');
    // Only the log goes without Ann: the call (and recents) still name the caller.
    expect(h.actor.getSnapshot().context.chosen).toEqual(ann);
  });

  it('saving without the related record is offered only when the related record is what failed', () => {
    const h = wrapUpSavedWithAnn();
    h.effects.failSave('c1', refusal('VALIDATION_RULE', 'Notes must name the order number.'));

    expect(h.actor.getSnapshot().can({ type: 'ui.wrapUp.saveWithoutRecord', callId: 'c1' })).toBe(false);
    h.actor.send({ type: 'ui.wrapUp.saveWithoutRecord', callId: 'c1' });
    expect(h.effects.saves).toHaveLength(1);
    expect(log(h)).toBe('refused');
  });

  it('a refusal for good, the notes copied: the agent closes the call without a log and wrap-up ends', () => {
    const h = wrapUpSavedWithAnn();
    h.effects.failSave('c1', refusal('NO_ACCESS', "you don't have permission to create Tasks (Task)."));

    h.actor.send({ type: 'ui.wrapUp.closeWithoutLog', callId: 'c1' });

    expect(progress(h)).toBe('finished');
    expect(h.effects.saves).toHaveLength(1);
    expect(h.actor.getSnapshot().status).toBe('done');
  });

  it('the agent may change the notes and save again: a validation rule may take the new text', () => {
    const h = wrapUpSavedWithAnn();
    h.effects.failSave('c1', refusal('VALIDATION_RULE', 'Notes must name the order number.'));

    h.actor.send({ type: 'ui.notes.changed', callId: 'c1', text: 'Wants a refund of order 42' });
    h.actor.send({ type: 'ui.wrapUp.saveAndClose', callId: 'c1' });

    expect(h.effects.saves[1]?.input.notes).toBe('Wants a refund of order 42');
    h.effects.resolveSave('c1');
    expect(progress(h)).toBe('finished');
  });

  it('saving without the related record may still be refused for another reason: then only copying is left', () => {
    const h = wrapUpSavedWithAnn();
    h.effects.failSave('c1', refusal('RELATED_RECORD', 'entity is deleted'));
    h.actor.send({ type: 'ui.wrapUp.saveWithoutRecord', callId: 'c1' });
    h.effects.failSave('c1', refusal('VALIDATION_RULE', 'Notes must name the order number.'));

    expect(log(h)).toBe('refused');
    expect(h.actor.getSnapshot().can({ type: 'ui.wrapUp.saveWithoutRecord', callId: 'c1' })).toBe(false);
    expect(h.actor.getSnapshot().can({ type: 'ui.wrapUp.closeWithoutLog', callId: 'c1' })).toBe(true);
  });

  it('a notes save refused during the call is not given up before wrap-up', () => {
    const h = startCall(incomingInput(), { matches: [ann] });
    h.actor.send({ type: 'ui.answer', callId: 'c1' });
    h.actor.send({ type: 'sip.call.answered', at: T0 + 5_000 });
    h.actor.send({ type: 'ui.notes.save', callId: 'c1' });
    h.effects.failSave('c1', refusal('RELATED_RECORD', 'entity is deleted'));

    expect(h.actor.getSnapshot().can({ type: 'ui.wrapUp.closeWithoutLog', callId: 'c1' })).toBe(false);
    h.actor.send({ type: 'sip.call.ended', at: T0 + 65_000 });
    expect(h.actor.getSnapshot().can({ type: 'ui.wrapUp.closeWithoutLog', callId: 'c1' })).toBe(true);
  });
});

describe('the phone while a call log is refused', () => {
  function refusedInWrapUp() {
    const h = startPhone({ whenInWrapUp: 'decline' }, { matches: [ann] });
    h.register();
    h.ring('c1');
    h.phone.send({ type: 'ui.answer', callId: 'c1' });
    h.call('c1').send({ type: 'sip.call.answered', at: T0 });
    h.call('c1').send({ type: 'sip.call.ended', at: T0 + 60_000 });
    h.phone.send({ type: 'ui.wrapUp.saveAndClose', callId: 'c1' });
    h.effects.failSave('c1', refusal('RELATED_RECORD', 'entity is deleted'));
    return h;
  }

  it('declines new calls until the agent chooses; once the call is saved without its record, calls ring again', () => {
    const h = refusedInWrapUp();
    h.ring('c2');
    expect(h.hasCall('c2')).toBe(false);
    expect(h.effects.uaCommands.at(-1)).toMatchObject({ callId: 'c2', statusCode: 486 });

    h.phone.send({ type: 'ui.wrapUp.saveWithoutRecord', callId: 'c1' });
    h.effects.resolveSave('c1');

    expect(h.phone.getSnapshot().value.availability).toBe('available');
    h.ring('c3');
    expect(h.hasCall('c3')).toBe(true);
  });

  it('the view says why and offers exactly the choices the statechart accepts', () => {
    const h = refusedInWrapUp();
    const [call] = softphoneView(h.phone.getSnapshot()).calls;

    expect(call?.wrapUp).toMatchObject({
      saveError: "This call can't be logged: entity is deleted",
      refusal: 'RELATED_RECORD',
      saving: false,
    });
    expect(call?.actions).toMatchObject({ saveWithoutRecord: true, closeWithoutLog: true });

    h.phone.send({ type: 'ui.wrapUp.saveWithoutRecord', callId: 'c1' });
    const [saving] = softphoneView(h.phone.getSnapshot()).calls;
    expect(saving?.wrapUp).toMatchObject({ refusal: null, saving: true });
    expect(saving?.actions).toMatchObject({ saveWithoutRecord: false, closeWithoutLog: false });
  });

  it('once the agent closes without a log, calls ring again and the call is in recents', () => {
    const h = refusedInWrapUp();

    h.phone.send({ type: 'ui.wrapUp.closeWithoutLog', callId: 'c1' });

    expect(h.phone.getSnapshot().value.availability).toBe('available');
    expect(h.effects.recents.map((r) => r.callId)).toEqual(['c1']);
    h.ring('c2');
    expect(h.hasCall('c2')).toBe(true);
  });
});
