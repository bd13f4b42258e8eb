/** @jest-environment jsdom */
// The Visualforce page's wiring: Open CTI from the window, the bridge, and <softphone-bridge-status>.
import type { CrmLogger } from '../../protocol';
import { LIGHTNING_ORIGIN_MISSING, OPEN_CTI_MISSING, startBridgePage } from '../start-bridge-page';
import type { SoftphoneBridge } from '../softphone-bridge';
import { DOCUMENTED_ERRORS } from '../../../test/emulation/open-cti-documented';
import { memoryOpenCti } from '../../../test/emulation/open-cti-memory';

function logger(): CrmLogger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (message: string) => lines.push(`${level} ${message}`);
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

const rendered = async () => {
  const element = document.querySelector('softphone-bridge-status');
  await element?.updateComplete;
  return element?.shadowRoot?.querySelector('[role="status"]');
};

/** What the Visualforce page renders from {!$Setup.Softphone_Settings__c.Click_To_Dial_Enabled__c}. */
const ADMIN_SWITCH = (value: string) => `<meta name="softphone-click-to-dial" content="${value}">`;

/** What the page's controller renders from DomainCreator.getLightningHostname(). */
const LIGHTNING = 'https://acme.lightning.force.com';
const ORIGIN_META = (origin: string) => `<meta name="softphone-lightning-origin" content="${origin}">`;

/** The Lightning window the adapter iframe sits in: what was posted to it, with which target origin. */
function lightningWindow() {
  const posts: { message: unknown; targetOrigin: string }[] = [];
  return {
    posts,
    postMessage: (message: unknown, targetOrigin: string) => posts.push({ message, targetOrigin }),
  };
}

const running: (SoftphoneBridge | undefined)[] = [];

afterEach(() => {
  for (const bridge of running.splice(0)) bridge?.stop();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('startBridgePage', () => {
  test('shows the agent why nothing works when Open CTI did not load', async () => {
    document.body.innerHTML = '<softphone-bridge-status></softphone-bridge-status>';
    const log = logger();
    await expect(startBridgePage({ window: {}, document, logger: log })).resolves.toBeUndefined();
    const status = await rendered();
    expect(status?.getAttribute('data-view')).toBe('error');
    expect(status?.textContent).toContain(OPEN_CTI_MISSING);
    expect(log.lines).toEqual([
      'error sforce.opencti is missing: opencti_min.js did not load or the page is not in the Open CTI iframe',
    ]);
  });

  test('starts the bridge and shows click-to-dial enabled in the page’s status element', async () => {
    document.head.innerHTML = ADMIN_SWITCH('true') + ORIGIN_META(LIGHTNING);
    document.body.innerHTML = '<softphone-bridge-status></softphone-bridge-status>';
    const salesforce = memoryOpenCti().openCti;
    const parent = lightningWindow();
    const bridge = await startBridgePage({
      window: { sforce: { opencti: salesforce }, parent },
      document,
      logger: logger(),
    });
    running.push(bridge);
    expect(bridge?.status).toMatchObject({ state: 'ready', clickToDial: true });
    expect(document.querySelectorAll('softphone-bridge-status')).toHaveLength(1);
    const status = await rendered();
    expect(status?.getAttribute('data-view')).toBe('click-to-dial');
    expect(status?.textContent).toContain('Phone bridge ready, click-to-dial enabled');
    expect(salesforce.callsOf('subscribe')).toEqual([]);
    expect(parent.posts.map((post) => post.targetOrigin)).toEqual([LIGHTNING, LIGHTNING]);
    expect(parent.posts[1]?.message).toMatchObject({ type: 'bridgeStatus', payload: { state: 'ready' } });
  });

  test.each([
    ['no origin', ''],
    ['a wildcard', ORIGIN_META('*')],
    ['a plain-http host', ORIGIN_META('http://acme.lightning.force.com')],
    ['an origin with a path', ORIGIN_META(`${LIGHTNING}/one/one.app`)],
  ])(
    'the page rendered %s as the Lightning origin: nothing is posted and the agent is told',
    async (_, head) => {
      document.head.innerHTML = ADMIN_SWITCH('true') + head;
      const salesforce = memoryOpenCti().openCti;
      const parent = lightningWindow();
      const log = logger();
      const bridge = await startBridgePage({
        window: { sforce: { opencti: salesforce }, parent },
        document,
        logger: log,
      });
      expect(bridge).toBeUndefined();
      expect(parent.posts).toEqual([]);
      expect(salesforce.calls).toEqual([]);
      const status = await rendered();
      expect(status?.getAttribute('data-view')).toBe('error');
      expect(status?.textContent).toContain(LIGHTNING_ORIGIN_MISSING);
      expect(log.lines).toEqual([
        'error No Lightning origin on the page (meta softphone-lightning-origin): nothing is posted',
      ]);
    },
  );

  test('adds the status element when the page has none, and shows why click-to-dial is off', async () => {
    document.head.innerHTML = ADMIN_SWITCH('true') + ORIGIN_META(LIGHTNING);
    const salesforce = memoryOpenCti().openCti.script('enableClickToDial', {
      errors: [DOCUMENTED_ERRORS.SERVER_ERROR],
    });
    running.push(
      await startBridgePage({
        window: { sforce: { opencti: salesforce }, parent: lightningWindow() },
        document,
        logger: logger(),
      }),
    );
    const status = await rendered();
    expect(status?.getAttribute('data-view')).toBe('ready');
    expect(status?.textContent).toContain('Click-to-dial could not be turned on.');
  });

  test.each([
    ['the admin left click-to-dial off', ADMIN_SWITCH('false')],
    ['the page rendered no switch', ''],
  ])('%s: phone numbers do not dial, and Open CTI is told so', async (_, head) => {
    document.head.innerHTML = head + ORIGIN_META(LIGHTNING);
    const salesforce = memoryOpenCti().openCti;
    const bridge = await startBridgePage({
      window: { sforce: { opencti: salesforce }, parent: lightningWindow() },
      document,
      logger: logger(),
    });
    running.push(bridge);
    expect(bridge?.status).toMatchObject({ state: 'ready', clickToDial: false });
    expect(salesforce.callsOf('disableClickToDial')).toHaveLength(1);
    expect(salesforce.callsOf('enableClickToDial')).toHaveLength(0);
    expect(salesforce.callsOf('onClickToDial')).toHaveLength(0);
    expect((await rendered())?.getAttribute('data-view')).toBe('ready');
  });
});
