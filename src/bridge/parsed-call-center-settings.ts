import type { CallCenterSettings } from '../protocol';

/** The settings read from a call center, and what was wrong with the items that were ignored. */
export interface ParsedCallCenterSettings {
  settings: CallCenterSettings;
  /** One line per ignored item, for the admin (logged, never shown to the agent). */
  warnings: string[];
}
