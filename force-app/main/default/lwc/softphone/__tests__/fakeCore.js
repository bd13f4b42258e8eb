// The softphoneCore static resource as the utility's tests see it (softphone and softphoneService).
// The real LMS client of the core: click-to-dial and screen pops are checked against the real message schema.
import { BridgeClient } from '../../../../../../src/crm/bridge-client';
// The core dials the CRM's click-to-dial requests itself (src/create-shared-softphone.ts), with this.
import { dialRequests } from '../../../../../../src/crm/click-to-dial';
// A list view's call list, called one at a time by the real runner and rule.
import { CallListRunner } from '../../../../../../src/crm/call-list-runner';
// The core's door for the package's Visualforce pages (ADR 0007), real too.
import { listenToVisualforce } from '../../../../../../src/crm/visualforce-messages';
import * as coreView from '../../../../../../src/view/statuses';

const idleView = require('./data/idleView.json');

const clone = (value) => JSON.parse(JSON.stringify(value));

/**
 * A stand-in for the softphoneCore static resource: createSharedSoftphone returns a phone whose view the test
 * sets (the session layer's own behaviour is unit-tested in src/session), and dials the clicks its CRM port
 * relays until the phone stops, as the real one does.
 */
export function createFakeCore() {
  const listeners = new Set();
  let view = clone(idleView);
  const softphone = {
    view: jest.fn(() => view),
    subscribe: jest.fn((listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    send: jest.fn(),
    resumeAudio: jest.fn(() => Promise.resolve()),
    dial: jest.fn(() => 'dialled-call'),
    redirect: jest.fn(),
    audioDevices: jest.fn(() =>
      Promise.resolve({
        inputs: [{ deviceId: 'mic-2', label: 'Headset microphone', kind: 'audioinput' }],
        outputs: [{ deviceId: 'spk-2', label: 'Headset', kind: 'audiooutput' }],
        choice: { microphone: '', speaker: '', ringer: '' },
      }),
    ),
    chooseAudioDevices: jest.fn(() => Promise.resolve()),
    start: jest.fn(),
    stop: jest.fn(() => Promise.resolve()),
  };
  return {
    softphone,
    listeners,
    core: {
      createSharedSoftphone: jest.fn((options, session) => {
        const stopDialRequests = dialRequests(
          options.crm,
          (number, dial) => softphone.dial(number, dial),
          session.onDialRequest,
        );
        softphone.stop.mockImplementation(() => {
          stopDialRequests();
          return Promise.resolve();
        });
        return softphone;
      }),
      dialing: {
        provideNumberingPlans: jest.fn(),
        searchVariants: jest.fn((number) => [number]),
        prepareDial: jest.fn((number) => {
          if (/^[0-9+]+$/.test(number)) {
            return {
              ok: true,
              target: { kind: 'extension', input: number, dialString: number, display: number },
            };
          }
          return { ok: false, code: 'invalid-characters', message: 'A phone number has only digits.' };
        }),
      },
      crm: { BridgeClient, CallListRunner, listenToVisualforce },
      view: coreView,
      provideDeskphone: jest.fn(),
    },
    setView(next) {
      view = next;
      [...listeners].forEach((listener) => listener(next));
    },
  };
}
