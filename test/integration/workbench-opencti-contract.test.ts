// Contract tests of the emulated Open CTI (test/emulation/open-cti.ts) in its two containers: the in-memory one
// the bridge's unit tests run on (open-cti-memory.ts) and the workbench's org. One table of scenarios runs
// through the REAL bridge (wrapOpenCti + SoftphoneBridge, posting one way as ADR 0007 has it) and the
// utility's real BridgeClient on both, so what the workbench shows and what the unit tests trust answer with
// the same documented shapes.
// The emulator's org is the workbench's (sample data, local store); its LMS is the workbench's
// lightning/messageService emulation (the one the LWC Jest tests use; its contract: workbench-platform-stubs.test.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  SoftphoneBridge,
  wrapOpenCti,
  type OpenCtiClickPayload,
  type OpenCtiResponse,
  type SforceOpenCti,
} from '../../src/bridge';
import { BridgeClient, type MessageTransport } from '../../src/crm';
import type { BridgeStatus, ClickToDial, CrmLogger } from '../../src/protocol';
import {
  OpenCtiServiceError,
  getCallCenterSettings,
  saveLog,
  searchAndScreenPop,
} from '../../workbench/emulation/open-cti-services';
import { WorkbenchEmulation } from '../../workbench/emulation/workbench-emulation';
import * as lms from '../../test/emulation/lightning/messageService.js';
import { EmulatedOpenCti, type OpenCtiNavigationPayload } from '../emulation/open-cti';
import type { ContainerScreenPop } from '../emulation/open-cti-container';
import { memoryOpenCti } from '../emulation/open-cti-memory';

const ALICE: OpenCtiClickPayload = {
  number: '(415) 555-0101',
  recordId: '003WB0000000001YAA',
  recordName: 'Alice Nguyen',
  objectType: 'Contact',
};

const quiet: CrmLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
const settle = (ms = 20) => new Promise((ok) => setTimeout(ok, ms));

let dataDir: string;
let emulation: WorkbenchEmulation;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'workbench-opencti-'));
  emulation = new WorkbenchEmulation({
    sip: { wsUrl: 'ws://127.0.0.1:5066', domain: 'softphone.test' },
    sipSecret: 'x'.repeat(24),
    dataDir,
  });
});

afterAll(() => {
  lms.resetMessageService();
  rmSync(dataDir, { recursive: true, force: true });
});

/** One side of the table: a raw sforce.opencti, how the agent clicks, what the container popped. */
interface Side {
  name: string;
  raw: SforceOpenCti;
  click(payload: OpenCtiClickPayload): void;
  /** The agent lands on a page (Salesforce calls the onNavigationChange listener). */
  navigate(payload: OpenCtiNavigationPayload): void;
  /** The screen pops Salesforce performed, as {type, params, defaultFieldValues?}. */
  pops(): ContainerScreenPop[];
}

function memorySide(): Side {
  const { openCti, pops } = memoryOpenCti();
  return {
    name: 'in-memory container',
    raw: openCti,
    click: (payload) => openCti.click(payload),
    navigate: (payload) => openCti.navigated(payload),
    pops: () => pops,
  };
}

function emulatorSide(): Side {
  const call = () => emulation.callAs('1');
  const pops: ContainerScreenPop[] = [];
  const asEntry = (e: unknown) =>
    e instanceof OpenCtiServiceError
      ? { code: e.code, description: e.description }
      : { code: 'SERVER_ERROR', description: String(e) };
  const emulator = new EmulatedOpenCti({
    callCenterSettings: async () => getCallCenterSettings(call()),
    search: async (request) => searchAndScreenPop(call(), request),
    saveLog: async (value) => {
      try {
        return saveLog(call(), value);
      } catch (e) {
        throw asEntry(e);
      }
    },
    screenPop: (pop) => pops.push(pop),
    setPanelVisibility: () => undefined,
    isPanelVisible: () => false,
    clickToDialChanged: () => undefined,
    initializationComplete: () => undefined,
    lms: {
      subscribe: (channelName, listener) => {
        const s = lms.subscribe({}, channelName, listener);
        return () => lms.unsubscribe(s);
      },
      publish: (channelName, message) => lms.publish({}, channelName, message),
    },
  });
  return {
    name: 'workbench emulator',
    raw: emulator,
    click: (payload) => {
      emulator.click(payload);
    },
    navigate: (payload) => emulator.navigated(payload),
    pops: () => pops,
  };
}

const bridges: SoftphoneBridge[] = [];

/** The bridge's posts, delivered to the utility's listeners as the Lightning window would (the origin check is unit-tested). */
async function started(side: Side) {
  const statuses: BridgeStatus[] = [];
  const posted: unknown[] = [];
  const listeners = new Set<(message: unknown) => void>();
  const bridge = new SoftphoneBridge({
    openCti: wrapOpenCti(side.raw, { timeoutMs: 2000 }),
    logger: quiet,
    post: (message) => {
      posted.push(message);
      listeners.forEach((listener) => listener(message));
    },
    onStatus: (s) => statuses.push(s),
  });
  bridges.push(bridge);
  const transport: MessageTransport = {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const client = new BridgeClient({ transport, logger: quiet });
  const status = await bridge.start();
  return { bridge, client, status, statuses, posted };
}

const sides: [string, () => Side][] = [
  ['in-memory container', memorySide],
  ['workbench emulator', emulatorSide],
];

afterEach(() => {
  for (const bridge of bridges.splice(0)) bridge.stop();
  lms.resetMessageService();
});

describe.each(sides)('the real bridge on the %s', (_name, makeSide) => {
  test('starts ready with click-to-dial and the call center settings', async () => {
    const { status } = await started(makeSide());
    expect(status).toEqual({
      state: 'ready',
      clickToDial: true,
      settings: expect.objectContaining({
        mode: 'softphone',
        callCenterName: expect.any(String),
        dialing: expect.any(Object),
      }),
    });
  });

  test('relays a click on a phone number as a valid clickToDial', async () => {
    const side = makeSide();
    const { client } = await started(side);
    const clicks: ClickToDial[] = [];
    client.onClickToDial((c) => clicks.push(c));
    side.click(ALICE);
    await settle();
    expect(clicks).toEqual([ALICE]);
  });

  test('relays no navigation and serves no request: the utility follows pages and pops records itself', async () => {
    const side = makeSide();
    const { posted } = await started(side);
    posted.length = 0;
    side.navigate({
      url: 'https://x.lightning.force.com/lightning/r/Contact/003WB0000000001YAA/view',
      recordId: '003WB0000000001YAA',
      recordName: 'Alice Nguyen',
      objectType: 'Contact',
    });
    await settle();
    expect(posted).toEqual([]);
    expect(side.pops()).toEqual([]);
  });
});

describe('the workbench emulator answers like Salesforce', () => {
  test('has the documented methods (the bridge calls five), and the enumerations with opencti_min.js values', () => {
    const emulator = emulatorSide().raw as EmulatedOpenCti;
    const methods: (keyof EmulatedOpenCti)[] = [
      'enableClickToDial',
      'disableClickToDial',
      'onClickToDial',
      'onNavigationChange',
      'screenPop',
      'searchAndScreenPop',
      'saveLog',
      'getCallCenterSettings',
      'setSoftphonePanelVisibility',
      'notifyInitializationComplete',
      'subscribe',
      'publish',
    ];
    for (const method of methods) expect([method, typeof emulator[method]]).toEqual([method, 'function']);
    expect(emulator.SCREENPOP_TYPE).toEqual({
      SOBJECT: 'sobject',
      URL: 'url',
      OBJECTHOME: 'objecthome',
      LIST: 'list',
      SEARCH: 'search',
      NEW_RECORD_MODAL: 'newRecord',
      FLOW: 'flow',
    });
    expect(emulator.CALL_TYPE).toEqual({ INBOUND: 'inbound', OUTBOUND: 'outbound', INTERNAL: 'internal' });
  });

  test('refuses invalid parameters with the documented error shape, asynchronously', async () => {
    const emulator = emulatorSide().raw as EmulatedOpenCti;
    const responses: OpenCtiResponse[] = [];
    emulator.screenPop({ type: 'nonsense', params: {}, callback: (r) => responses.push(r) });
    emulator.setSoftphonePanelVisibility({ visible: 'yes' as never, callback: (r) => responses.push(r) });
    expect(responses).toEqual([]);
    await settle();
    for (const response of responses) {
      expect(response).toEqual({
        success: false,
        returnValue: null,
        errors: [
          {
            code: 'INVALID_PARAM',
            description: expect.stringMatching(/^An invalid value was passed to the parameter/),
          },
        ],
      });
    }
    expect(responses).toHaveLength(2);
  });
});
