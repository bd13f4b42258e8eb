// The slice of BroadcastChannel the session layer uses, so tests (and hosts without it) can give their own.

export interface ChannelPort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

/** Opens the named channel of this origin (BroadcastChannel in a browser). */
export type OpenChannel = (name: string) => ChannelPort;
