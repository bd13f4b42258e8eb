// The utility's cards come from the core, so the LWC keeps no copy of the status vocabulary.
import type { CallView, SoftphoneView } from '../softphone-view';
import { callCards, FINISHED_STATUSES, GONE_STATUSES, IN_PROGRESS_STATUSES } from '../statuses';

function call(callId: string, status: CallView['status'], inConference = false): CallView {
  return { callId, status, inConference } as CallView;
}

function view(...calls: CallView[]): SoftphoneView {
  return { calls } as SoftphoneView;
}

describe('call cards', () => {
  it('a call ringing while another is on the phone is a waiting incoming card', () => {
    const [held, ringing] = callCards(view(call('a', 'held'), call('b', 'ringing')));
    expect(held).toMatchObject({ callId: 'a', isActive: true, isIncoming: false, waiting: false });
    expect(ringing).toMatchObject({ callId: 'b', isIncoming: true, isActive: false, waiting: true });
  });

  it('a call ringing beside one in wrap-up is not waiting: wrap-up is not on the phone', () => {
    const cards = callCards(view(call('a', 'wrapUp'), call('b', 'ringing')));
    expect(cards.map((c) => [c.callId, c.isWrapUp, c.waiting])).toEqual([
      ['a', true, false],
      ['b', false, false],
    ]);
  });

  it('conference members get no card of their own (the conference panel lists them)', () => {
    const cards = callCards(view(call('a', 'conference', true), call('b', 'ended')));
    expect(cards.map((c) => [c.callId, c.isEnded])).toEqual([['b', true]]);
  });

  it('a party has left once its call is hanging up, over or in wrap-up', () => {
    expect([...GONE_STATUSES].sort()).toEqual(['ended', 'ending', 'wrapUp']);
  });

  it('finished and in-progress statuses do not overlap', () => {
    expect(FINISHED_STATUSES.filter((s) => IN_PROGRESS_STATUSES.includes(s))).toEqual([]);
  });
});
