// Leadership over a BroadcastChannel, for hosts without navigator.locks. The leader sends a heartbeat every
// `heartbeatMs`; a follower that hears none for `timeoutMs` (or hears the leader resign) claims, waits one
// heartbeat for other claims, and leads if its tab id is the smallest it heard. Two leaders that hear each
// other (a partition healed, claims crossed) keep the smaller id: the tie-break is the same in every tab.
import type { ChannelPort } from './channel-port';
import { RoleHolder, type TabLeadership } from './tab-leadership';

export interface ChannelLeadershipTimings {
  heartbeatMs: number;
  timeoutMs: number;
}

export const defaultChannelLeadershipTimings: ChannelLeadershipTimings = {
  heartbeatMs: 250,
  timeoutMs: 1000,
};

type ElectionMessage = { election: 'heartbeat' | 'claim' | 'resign' | 'query'; tabId: string };
const ELECTION_TYPES: readonly string[] = ['heartbeat', 'claim', 'resign', 'query'];

function electionMessage(data: unknown): ElectionMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { election, tabId } = data as Record<string, unknown>;
  if (typeof election !== 'string' || !ELECTION_TYPES.includes(election)) return undefined;
  if (typeof tabId !== 'string' || tabId.length === 0 || tabId.length > 100) return undefined;
  return { election: election as ElectionMessage['election'], tabId };
}

export class ChannelLeadership extends RoleHolder implements TabLeadership {
  readonly #channel: ChannelPort;
  readonly #tabId: string;
  readonly #timings: ChannelLeadershipTimings;
  readonly #now: () => number;
  #lastLeaderSeen = 0;
  /** Tabs that resigned: a heartbeat of theirs still in flight must not make us follow a leader that left. */
  readonly #resigned = new Set<string>();
  /** Claims heard during the current election (our own included); undefined when not electing. */
  #claims: Set<string> | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #electionTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #onMessage = (event: { data: unknown }) => this.#receive(event.data);

  constructor(
    channel: ChannelPort,
    tabId: string,
    timings: ChannelLeadershipTimings = defaultChannelLeadershipTimings,
    now: () => number = Date.now,
  ) {
    super();
    this.#channel = channel;
    this.#tabId = tabId;
    this.#timings = timings;
    this.#now = now;
  }

  start(): void {
    if (this.#timer) return;
    this.#channel.addEventListener('message', this.#onMessage);
    this.#lastLeaderSeen = this.#now();
    this.setRole('follower');
    // A leader answers a query with a heartbeat at once, so a new tab learns its role within one round trip.
    this.#post('query');
    this.#timer = setInterval(() => this.#tick(), this.#timings.heartbeatMs);
  }

  stop(): void {
    if (!this.#timer) return;
    if (this.role === 'leader') this.#post('resign');
    clearInterval(this.#timer);
    clearTimeout(this.#electionTimer);
    this.#timer = undefined;
    this.#claims = undefined;
    this.#channel.removeEventListener('message', this.#onMessage);
    this.#channel.close();
    this.setRole('electing');
  }

  #post(election: ElectionMessage['election']): void {
    this.#channel.postMessage({ election, tabId: this.#tabId });
  }

  #tick(): void {
    if (this.role === 'leader') return this.#post('heartbeat');
    if (!this.#claims && this.#now() - this.#lastLeaderSeen >= this.#timings.timeoutMs) this.#elect();
  }

  #elect(): void {
    this.#claims = new Set([this.#tabId]);
    this.#post('claim');
    this.#electionTimer = setTimeout(() => {
      const claims = this.#claims;
      this.#claims = undefined;
      if (!claims || this.#now() - this.#lastLeaderSeen < this.#timings.timeoutMs) return;
      if ([...claims].every((id) => this.#tabId <= id)) {
        this.setRole('leader');
        this.#post('heartbeat');
      }
    }, this.#timings.heartbeatMs);
  }

  #receive(data: unknown): void {
    const message = electionMessage(data);
    if (!message || message.tabId === this.#tabId || this.#resigned.has(message.tabId)) return;
    switch (message.election) {
      case 'heartbeat':
        if (this.role === 'leader') {
          // Two leaders: the larger id yields, the smaller one goes on.
          if (message.tabId < this.#tabId) this.#follow();
          else this.#post('heartbeat');
          return;
        }
        this.#follow();
        return;
      case 'query':
        if (this.role === 'leader') this.#post('heartbeat');
        return;
      case 'claim':
        if (this.role === 'leader') return this.#post('heartbeat');
        // A claim means its sender lost the leader too: join the election rather than wait for our timeout.
        if (!this.#claims) this.#elect();
        this.#claims?.add(message.tabId);
        return;
      case 'resign':
        this.#resigned.add(message.tabId);
        if (this.role === 'leader') return;
        this.#lastLeaderSeen = -Infinity;
        if (!this.#claims) this.#elect();
        return;
    }
  }

  #follow(): void {
    this.#lastLeaderSeen = this.#now();
    this.#claims = undefined;
    clearTimeout(this.#electionTimer);
    this.setRole('follower');
  }
}
