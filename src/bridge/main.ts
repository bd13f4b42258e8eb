// Entry of the softphoneBridge static resource (global `SoftphoneBridge`), loaded by the SoftphoneBridge
// Visualforce page after opencti_min.js. It starts itself once the page's DOM is ready.
import { createConsoleLogger } from './create-console-logger';
import { startBridgePage } from './start-bridge-page';

export { startBridgePage };
export const version = '0.1.0';

function run(): void {
  const logger = createConsoleLogger(console);
  startBridgePage({
    window: window as Parameters<typeof startBridgePage>[0]['window'],
    document,
    logger,
  }).catch((error: unknown) =>
    logger.error(`The bridge did not start: ${error instanceof Error ? error.message : String(error)}`),
  );
}

if (typeof window !== 'undefined' && typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true });
  else run();
}
