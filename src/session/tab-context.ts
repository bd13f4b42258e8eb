// What the leader and follower halves of a tab share: the tab's id, its mirror channel and its listeners.
import type { MirrorMessage } from './mirror-message';
import type { TabRole } from './tab-role';

export interface TabContext {
  readonly tabId: string;
  role(): TabRole;
  /** Broadcasts on the mirror channel; a message that cannot be cloned is reported, not thrown. */
  post(message: MirrorMessage): void;
  /** Tells this tab's listeners that its view changed. */
  emit(): void;
  /** Calls that died with the leader holding their media: this tab shows how many until new ones come. */
  loseCalls(calls: readonly { callId: string }[]): void;
  onError(error: unknown): void;
}

export type Result = Extract<MirrorMessage, { type: 'result' }>;

export function randomId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
