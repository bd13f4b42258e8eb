// A synchronous, typed fan-out of events to listeners; a throwing listener is logged, never breaks the others.
import type { SipLogger } from './sip-logger';

export class EventHub<E extends { type: string }> {
  private readonly listeners = new Set<(event: E) => void>();

  constructor(private readonly logger: SipLogger) {}

  subscribe(listener: (event: E) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: E): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.logger.error(`listener of ${event.type} threw: ${String(error)}`);
      }
    }
  }
}
