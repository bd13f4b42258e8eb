// Which tab of the browser holds the agent's phone. One leader per key (user + line) at a time; the others
// follow and wait for their turn. Two implementations: Web Locks (the browser releases a closed tab's lock
// at once) and a BroadcastChannel election for hosts without navigator.locks.
import type { TabRole } from './tab-role';

export interface TabLeadership {
  readonly role: TabRole;
  /** Called on every role change; returns the unsubscribe. */
  onChange(listener: (role: TabRole) => void): () => void;
  /** Starts taking part in the election. */
  start(): void;
  /** Leaves the election (releasing the leadership if held). */
  stop(): void;
}

/** The shared part of both implementations: the role and its listeners. */
export abstract class RoleHolder {
  #role: TabRole = 'electing';
  readonly #listeners = new Set<(role: TabRole) => void>();

  get role(): TabRole {
    return this.#role;
  }

  onChange(listener: (role: TabRole) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  protected setRole(role: TabRole): void {
    if (role === this.#role) return;
    this.#role = role;
    for (const listener of [...this.#listeners]) listener(role);
  }
}
