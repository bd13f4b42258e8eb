/** @jest-environment jsdom */
// The Visualforce page's wiring: Open CTI from the window, the bridge, and <softphone-bridge-status>.
import type { CrmLogger } from '../../protocol';
import { OPEN_CTI_MISSING, startBridgePage } from '../start-bridge-page';
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

afterEach(() => {
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
    document.head.innerHTML = ADMIN_SWITCH('true');
    document.body.innerHTML = '<softphone-bridge-status></softphone-bridge-status>';
    const salesforce = memoryOpenCti().openCti;
    const bridge = await startBridgePage({
      window: { sforce: { opencti: salesforce } },
      document,
      logger: logger(),
    });
    expect(bridge?.status).toMatchObject({ state: 'ready', clickToDial: true });
    expect(document.querySelectorAll('softphone-bridge-status')).toHaveLength(1);
    const status = await rendered();
    expect(status?.getAttribute('data-view')).toBe('click-to-dial');
    expect(status?.textContent).toContain('Phone bridge ready, click-to-dial enabled');
    expect(salesforce.callsOf('subscribe')).toEqual([{ channelName: 'Softphone__c' }]);
  });

  test('adds the status element when the page has none, and shows why click-to-dial is off', async () => {
    document.head.innerHTML = ADMIN_SWITCH('true');
    const salesforce = memoryOpenCti().openCti.script('enableClickToDial', {
      errors: [DOCUMENTED_ERRORS.SERVER_ERROR],
    });
    await startBridgePage({
      window: { sforce: { opencti: salesforce } },
      document,
      logger: logger(),
      channelName: 'ns__Softphone__c',
    });
    const status = await rendered();
    expect(status?.getAttribute('data-view')).toBe('ready');
    expect(status?.textContent).toContain('Click-to-dial could not be turned on.');
    expect(salesforce.callsOf('subscribe')).toEqual([{ channelName: 'ns__Softphone__c' }]);
  });

  test.each([
    ['the admin left click-to-dial off', ADMIN_SWITCH('false')],
    ['the page rendered no switch', ''],
  ])('%s: phone numbers do not dial, and Open CTI is told so', async (_, head) => {
    document.head.innerHTML = head;
    const salesforce = memoryOpenCti().openCti;
    const bridge = await startBridgePage({
      window: { sforce: { opencti: salesforce } },
      document,
      logger: logger(),
    });
    expect(bridge?.status).toMatchObject({ state: 'ready', clickToDial: false });
    expect(salesforce.callsOf('disableClickToDial')).toHaveLength(1);
    expect(salesforce.callsOf('enableClickToDial')).toHaveLength(0);
    expect(salesforce.callsOf('onClickToDial')).toHaveLength(0);
    expect((await rendered())?.getAttribute('data-view')).toBe('ready');
  });
});
