// postMessage between the agent page (the emulated Lightning container) and the emulated Open CTI in the
// "Open CTI Softphone" utility's iframe. Real Open CTI talks to its container the same way.
import type { OpenCtiClickPayload, OpenCtiResponse } from '../../../src/bridge';
import type { OpenCtiNavigationPayload } from '../../../test/emulation/open-cti';
import type { ContainerScreenPop } from '../../../test/emulation/open-cti-container';

export const SHELL_SOURCE = 'workbench-shell';
export const OPEN_CTI_SOURCE = 'workbench-opencti';

export type ShellToOpenCti =
  | { type: 'clickToDial'; payload: OpenCtiClickPayload }
  | { type: 'navigation'; payload: OpenCtiNavigationPayload }
  | { type: 'panelVisibility'; visible: boolean };

export type OpenCtiToShell =
  | { type: 'screenPop'; pop: ContainerScreenPop }
  | { type: 'panelVisibility'; visible: boolean }
  | { type: 'clickToDialEnabled'; enabled: boolean }
  | { type: 'clickToDialDelivered'; delivered: boolean }
  | { type: 'initializationComplete' }
  | { type: 'log'; method: string; args: Record<string, unknown>; response?: OpenCtiResponse };
