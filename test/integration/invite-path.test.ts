// Issue 14's measure of the architecture, walked as data: an incoming INVITE, from SIP.js handing it to us to
// the view the LWC renders, as the chain of calls through our own source files (the stack when the ringing
// view is published, continued across the microtask that publishes it). The statecharts are tables the
// actors evaluate, so they are not on the chain; after it come the view derivation (src/view, called by the
// root just before publishing) and, in the browser, the LWC's service module and component.
import { Inviter, UserAgent } from 'sip.js';
import { createSharedSoftphone } from '../../src/create-shared-softphone';
import type { TabSoftphone } from '../../src/session';
import type { CrmPort } from '../../src/crm';
import { defaultDialingSettings } from '../../src/dialing';
import { useKamailio } from '../support/kamailio-fixture';
import { createNodeAgent, nodeSoftphoneSip, viewWhere, type NodeAgent } from '../support/node-sip';

const server = useKamailio({ auth: { kind: 'digest', users: { agent: 'agent-pw', '1001': 'customer-pw' } } });

const crm: CrmPort = {
  searchByNumber: async () => [],
  searchByName: async () => [],
  screenPop: async () => undefined,
  logCall: async () => ({ taskId: '00T000000000001AAA' }),
  onClickToDial: () => () => undefined,
};

/** Our source files on a stack, outermost first, each run of frames in one file counted once. */
function ourFiles(stack: string): string[] {
  const files = [...stack.matchAll(/\(?(\/[^\s()]+?\/src\/[^\s():]+):\d+:\d+\)?/g)]
    .map((match) => match[1]!.replace(/^.*?\/src\//, 'src/'))
    .reverse();
  return files.filter((file, i) => file !== files[i - 1]);
}

describe('the path of an incoming call through the code', () => {
  let softphone: TabSoftphone;
  let customer: NodeAgent;

  beforeEach(async () => {
    // As the LWC builds it: the tab that leads runs the phone and publishes its view to the page.
    softphone = createSharedSoftphone(
      {
        sip: nodeSoftphoneSip(server(), 'agent', 'agent-pw'),
        crm,
        dialing: { ...defaultDialingSettings, extensionLengths: [4] },
      },
      { key: 'invite-path' },
    );
    customer = createNodeAgent(server(), { user: '1001', password: 'customer-pw' });
    await customer.register();
    softphone.start();
    await viewWhere(softphone, (v) => v.registration === 'registered', 'registered');
  });

  afterEach(async () => {
    await softphone.stop();
    await customer.stop();
  });

  test('an incoming INVITE reaches the view the LWC renders through at most 8 files, each folder entered once', async () => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = Infinity;
    let stack: string | undefined;
    // The view is published in a microtask: its stack continues where that microtask was queued.
    const queue = globalThis.queueMicrotask;
    let queuedFrom = '';
    globalThis.queueMicrotask = (task) => {
      const from = new Error().stack ?? '';
      queue(() => {
        queuedFrom = from;
        task();
      });
    };
    const stop = softphone.subscribe((view) => {
      if (!stack && view.calls[0]?.status === 'ringing') stack = `${new Error().stack}\n${queuedFrom}`;
    });
    try {
      await new Inviter(customer.ua, UserAgent.makeURI(`sip:agent@${server().domain}`)!).invite();
      await viewWhere(softphone, (v) => v.calls[0]?.status === 'ringing', 'ringing');
    } finally {
      stop();
      globalThis.queueMicrotask = queue;
      Error.stackTraceLimit = limit;
    }
    const chain = ourFiles(stack!);
    // The root derives the view (src/view) and publishes it; in the browser the LWC's service hands it on.
    const root = chain.indexOf('src/create-softphone.ts');
    // The chain starts where SIP.js hands over the INVITE and runs through the root that publishes the view.
    expect(chain[0]).toBe('src/sip/phone.ts');
    expect(root).toBeGreaterThan(0);
    const path = [...chain.slice(0, root + 1), 'src/view/softphone-view.ts', ...chain.slice(root + 1)];
    path.push('lwc/softphoneService', 'lwc/softphone');
    const folders = path.map((file) => file.split('/').slice(0, -1).join('/'));
    const entered = folders.filter((folder, i) => folder !== folders[i - 1]);
    expect(entered).toEqual([...new Set(entered)]);
    expect({ path, files: path.length }).toEqual({ path, files: Math.min(path.length, 8) });
  });
});
