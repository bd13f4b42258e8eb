// A part of the phone that ships as a static resource of its own and arrives after the core (the numbering
// plans, deskphone mode's code): handed in once, checked, and waited for by what needs it, never longer than
// dialingLimits.numberingPlansWaitMs. The one owner of that wait.
import { dialingLimits } from './dialing-limits';

export class LatePart<T> {
  #value: T | undefined;
  #arrived: () => void = () => undefined;
  readonly arrival = new Promise<void>((resolve) => {
    this.#arrived = resolve;
  });

  constructor(
    private readonly accepts: (value: unknown) => value is T,
    private readonly refusal: string,
  ) {}

  /** The part, or undefined before it arrives. */
  get value(): T | undefined {
    return this.#value;
  }

  /** Hands in the resource's global; the first one stays, anything else is refused. */
  provide(resource: unknown): void {
    if (this.#value) return;
    if (!this.accepts(resource)) throw new TypeError(this.refusal);
    this.#value = resource;
    this.#arrived();
  }

  /** Runs `go` now if the part is in, else once it arrives or after the wait. Waiting callers keep their order. */
  after(go: () => void): void {
    if (this.#value) {
      go();
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waited = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, dialingLimits.numberingPlansWaitMs);
    });
    void Promise.race([this.arrival, waited]).then(() => {
      clearTimeout(timer);
      go();
    });
  }
}
