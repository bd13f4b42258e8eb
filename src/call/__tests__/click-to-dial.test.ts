// Click-to-dial is a request, not an order (issue 13): any component of the org can publish a click on the
// message channel, so the phone asks the agent before it holds a customer or calls an emergency number,
// and refuses a burst of clicks.
import type { DialResult } from '../../dialing';
import { softphoneView } from '../../view/softphone-view';
import { CLICK_TO_DIAL_LIMIT } from '../click-to-dial-limit';
import { phoneErrorMessages } from '../phone-machine';
import { ann, dialEmergency, dialOk, dialRefused, startPhone, T0 } from './support/harness';
import type { PhoneHarness } from './support/harness';

function click(h: PhoneHarness, callId: string, e164 = '+15550001111', at = T0, dial?: DialResult): void {
  h.phone.send({
    type: 'crm.clickToDial',
    callId,
    number: e164,
    dial: dial ?? dialOk(e164),
    at,
    record: ann,
  });
}

const emergency = dialEmergency('911');

function onCallWithCustomer(): PhoneHarness {
  const h = startPhone();
  h.register();
  h.ring('c1');
  h.phone.send({ type: 'ui.answer', callId: 'c1' });
  h.call('c1').send({ type: 'sip.call.answered', at: T0 });
  return h;
}

function card(h: PhoneHarness) {
  return softphoneView(h.phone.getSnapshot()).clickToDial;
}

describe('click-to-dial asks the agent while they are busy', () => {
  it('while the agent is idle, a click on a phone field dials at once', () => {
    const h = startPhone();
    h.register();
    click(h, 'o1');
    expect(h.effects.commandTypes('o1')).toEqual(['call.dial']);
    expect(card(h)).toBeNull();
  });

  it('during a call, a click shows a card with the number and its record; the customer is not put on hold and nothing is dialled', () => {
    const h = onCallWithCustomer();
    click(h, 'o1', '+15550001111');
    expect(h.effects.commandTypes('c1')).toEqual(['call.answer']);
    expect(h.hasCall('o1')).toBe(false);
    expect(h.phone.getSnapshot().value.clickToDial).toBe('confirming');
    expect(card(h)).toEqual({
      callId: 'o1',
      number: '+15550001111',
      recordName: 'Ann Smith',
      emergency: false,
      refusal: null,
    });
  });

  it('"Call" on the card does what a click during a call always did: the customer is held, then the number is dialled for that record', () => {
    const h = onCallWithCustomer();
    click(h, 'o1');
    h.phone.send({ type: 'ui.clickToDial.confirm', callId: 'o1' });
    expect(h.effects.commandTypes('c1')).toEqual(['call.answer', 'call.hold']);
    expect(card(h)).toBeNull();
    h.call('c1').send({ type: 'sip.reinvite.succeeded' });
    expect(h.effects.commandTypes('o1')).toEqual(['call.dial']);
    expect(h.call('o1').getSnapshot().context).toMatchObject({ chosen: ann });
  });

  it('"Cancel" on the card leaves the call untouched and dials nothing', () => {
    const h = onCallWithCustomer();
    click(h, 'o1');
    h.phone.send({ type: 'ui.clickToDial.cancel', callId: 'o1' });
    expect(card(h)).toBeNull();
    expect(h.effects.commandTypes('c1')).toEqual(['call.answer']);
    expect(h.hasCall('o1')).toBe(false);
    expect(h.phone.getSnapshot().context.lines).toEqual({ c1: 'live' });
  });

  it('a click while the agent is already dialling, or in wrap-up, asks too', () => {
    const h = startPhone();
    h.register();
    h.phone.send({ type: 'ui.dial', callId: 'o1', number: '+1555', dial: dialOk('+15551230000'), at: T0 });
    click(h, 'o2');
    expect(h.hasCall('o2')).toBe(false);
    expect(card(h)?.callId).toBe('o2');
    h.phone.send({ type: 'ui.clickToDial.cancel', callId: 'o2' });
    h.call('o1').send({ type: 'sip.call.answered', at: T0 });
    h.phone.send({ type: 'ui.hangup', callId: 'o1' });
    h.call('o1').send({ type: 'sip.call.ended', at: T0 });
    expect(h.phone.getSnapshot().value.availability).toBe('wrapUp');
    click(h, 'o3', '+15550002222', T0 + CLICK_TO_DIAL_LIMIT.windowMs);
    expect(h.hasCall('o3')).toBe(false);
    expect(card(h)?.callId).toBe('o3');
  });

  it('a number typed by the agent is never asked about: only clicks are requests', () => {
    const h = onCallWithCustomer();
    h.phone.send({ type: 'ui.dial', callId: 'o1', number: '+1555', dial: dialOk('+15551230000'), at: T0 });
    expect(card(h)).toBeNull();
    expect(h.effects.commandTypes('c1')).toEqual(['call.answer', 'call.hold']);
  });

  it('a newer click replaces the card; "Call" from the older card does nothing', () => {
    const h = onCallWithCustomer();
    click(h, 'o1', '+15550001111');
    click(h, 'o2', '+15550002222');
    expect(card(h)?.callId).toBe('o2');
    h.phone.send({ type: 'ui.clickToDial.confirm', callId: 'o1' });
    expect(h.effects.commandTypes('c1')).toEqual(['call.answer']);
    expect(card(h)?.callId).toBe('o2');
  });

  it('a click the dialing rules refuse shows their reason on the card', () => {
    const h = onCallWithCustomer();
    click(h, 'o1', '1900', T0, dialRefused('Blocked by your dial plan.'));
    expect(card(h)).toMatchObject({ number: '1900', refusal: 'Blocked by your dial plan.' });
  });
});

describe('emergency numbers from a click always ask', () => {
  it('even when the agent is idle, a click on 911 waits for "Call"', () => {
    const h = startPhone();
    h.register();
    click(h, 'o1', '911', T0, emergency);
    expect(h.hasCall('o1')).toBe(false);
    expect(card(h)).toMatchObject({ callId: 'o1', number: '911', emergency: true });
    h.phone.send({ type: 'ui.clickToDial.confirm', callId: 'o1' });
    expect(h.effects.commandTypes('o1')).toEqual(['call.dial']);
  });

  it('911 typed on the keypad is dialled at once (Kari’s Law: direct dialling)', () => {
    const h = startPhone();
    h.register();
    h.phone.send({ type: 'ui.dial', callId: 'o1', number: '911', dial: emergency, at: T0 });
    expect(h.effects.commandTypes('o1')).toEqual(['call.dial']);
  });
});

describe(`more than ${CLICK_TO_DIAL_LIMIT.maxRequests} click-to-dial requests within ${CLICK_TO_DIAL_LIMIT.windowMs / 1000} s are refused`, () => {
  it('the request after the limit is refused and the agent told why in words; nothing changes on the card or the lines', () => {
    const h = onCallWithCustomer();
    for (let i = 1; i <= CLICK_TO_DIAL_LIMIT.maxRequests; i++) click(h, `o${i}`, '+15550001111', T0 + i);
    expect(card(h)?.callId).toBe(`o${CLICK_TO_DIAL_LIMIT.maxRequests}`);
    click(h, 'flood', '+15559999999', T0 + 100);
    expect(card(h)?.callId).toBe(`o${CLICK_TO_DIAL_LIMIT.maxRequests}`);
    expect(h.phone.getSnapshot().context.error).toEqual({
      code: 'click-to-dial-limit',
      message: phoneErrorMessages['click-to-dial-limit'],
    });
    expect(phoneErrorMessages['click-to-dial-limit']).toMatch(
      /More than 3 click-to-dial requests .* 10 seconds/,
    );
    expect(h.effects.commandTypes('c1')).toEqual(['call.answer']);
  });

  it('while idle, a burst dials only the first requests; once the window has passed a click is taken again', () => {
    const h = startPhone({ maxLines: 10 });
    h.register();
    click(h, 'o1', '+15550001111', T0);
    for (let i = 2; i <= 6; i++) click(h, `o${i}`, '+15550001111', T0 + i);
    // o1 dials; o2 and o3 ask (a call is being dialled); o4 to o6 are refused.
    expect(Object.keys(h.phone.getSnapshot().context.lines)).toEqual(['o1']);
    expect(card(h)?.callId).toBe('o3');
    expect(h.phone.getSnapshot().context.error?.code).toBe('click-to-dial-limit');
    h.phone.send({ type: 'ui.clickToDial.cancel', callId: 'o3' });
    h.phone.send({ type: 'ui.hangup', callId: 'o1' });
    click(h, 'late', '+15550001111', T0 + 6 + CLICK_TO_DIAL_LIMIT.windowMs);
    expect(card(h)?.callId).toBe('late');
  });
});

describe('redirecting a ringing call "using the Click-to-dial function"', () => {
  function ringingWithRedirectOpen(): PhoneHarness {
    const h = startPhone();
    h.register();
    h.ring('c1');
    h.phone.send({ type: 'ui.redirect.choose', callId: 'c1' });
    return h;
  }

  it('with Redirect chosen, a click on a number redirects the ringing call there and places no call', () => {
    const h = ringingWithRedirectOpen();
    click(h, 'o1', '+15550001111');
    expect(h.effects.commandTypes('c1')).toEqual(['call.redirect']);
    expect(h.effects.commandsFor('c1').at(-1)).toMatchObject({ target: { e164: '+15550001111' } });
    expect(h.hasCall('o1')).toBe(false);
    expect(card(h)).toBeNull();
  });

  it('once the agent closed the Redirect panel, a click is a click-to-dial again (asked first: a call rings)', () => {
    const h = ringingWithRedirectOpen();
    h.phone.send({ type: 'ui.redirect.cancel', callId: 'c1' });
    click(h, 'o1');
    expect(h.effects.commandTypes('c1')).toEqual([]);
    expect(card(h)?.callId).toBe('o1');
  });

  it('the admin’s click-to-dial switch off: the click redirects nothing either', () => {
    const h = startPhone({ clickToDial: false });
    h.register();
    h.ring('c1');
    h.phone.send({ type: 'ui.redirect.choose', callId: 'c1' });
    click(h, 'o1');
    expect(h.effects.commandTypes('c1')).toEqual([]);
    expect(h.phone.getSnapshot().context.error?.code).toBe('click-to-dial-off');
  });
});
