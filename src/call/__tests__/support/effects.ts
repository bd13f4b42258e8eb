// Recording fakes for every actor and action the call and phone machines expect from their host.
import { fromCallback } from 'xstate';
import type { AnyActorRef, PromiseActorLogic } from 'xstate';
import type { ContactMatch } from '../../customer';
import type {
  AlertAgentInput,
  ConferenceTone,
  ConferenceToneInput,
  SearchContactsInput,
  SipSessionInput,
} from '../../call-actors';
import type { SipCallCommand } from '../../call-events';
import { callMachine } from '../../call-machine';
import type { CallRecord } from '../../call-record';
import type { UserAgentCommand } from '../../phone-events';
import { phoneMachine } from '../../phone-machine';
import type { SipUserAgentInput } from '../../phone-machine';
import { deferredLogic } from './deferred-logic';

export interface PendingWork<TInput> {
  callId: string;
  input: TInput;
  ref: AnyActorRef;
}

export interface AutoSettle {
  /** Resolve every contact search at once with these matches. */
  matches?: ContactMatch[];
  /** Resolve every call-log save at once. */
  saves?: boolean;
}

export class Effects {
  readonly commands: Array<{ callId: string; command: SipCallCommand }> = [];
  readonly sessions: Array<{ input: SipSessionInput; stopped: boolean }> = [];
  readonly alerts: Array<{ input: AlertAgentInput; stopped: boolean }> = [];
  readonly screenPops: Array<{ callId: string | null; record: ContactMatch | null }> = [];
  readonly newContactForms: string[] = [];
  readonly searches: Array<PendingWork<SearchContactsInput>> = [];
  readonly saves: Array<PendingWork<CallRecord>> = [];
  readonly recents: CallRecord[] = [];
  readonly uaCommands: UserAgentCommand[] = [];
  readonly userAgents: Array<{ input: SipUserAgentInput; stopped: boolean }> = [];
  /** Tones played to the conference, in order; `stopped` once the phone stopped each. */
  readonly conferenceTones: Array<{ tone: ConferenceTone; stopped: boolean }> = [];

  constructor(private readonly auto: AutoSettle = {}) {}

  /** Forget everything recorded, so one provided machine can serve many actors in turn. */
  reset(): void {
    for (const list of [
      this.commands,
      this.sessions,
      this.alerts,
      this.screenPops,
      this.newContactForms,
      this.searches,
      this.saves,
      this.recents,
      this.uaCommands,
      this.userAgents,
      this.conferenceTones,
    ] as unknown[][]) {
      list.length = 0;
    }
  }

  commandsFor(callId: string): SipCallCommand[] {
    return this.commands.filter((c) => c.callId === callId).map((c) => c.command);
  }

  commandTypes(callId: string): string[] {
    return this.commandsFor(callId).map((c) => c.type);
  }

  /** The tone the conference hears now, if any. */
  playingTone(): ConferenceTone | null {
    return this.conferenceTones.find((t) => !t.stopped)?.tone ?? null;
  }

  liveAlerts(): AlertAgentInput[] {
    return this.alerts.filter((a) => !a.stopped).map((a) => a.input);
  }

  pendingSearch(callId: string): PendingWork<SearchContactsInput> | undefined {
    return this.searches.find((s) => s.callId === callId && s.ref.getSnapshot().status === 'active');
  }

  pendingSave(callId: string): PendingWork<CallRecord> | undefined {
    return this.saves.find((s) => s.callId === callId && s.ref.getSnapshot().status === 'active');
  }

  resolveSearch(callId: string, matches: ContactMatch[]): void {
    const work = this.pendingSearch(callId);
    if (!work) throw new Error(`no contact search is running for ${callId}`);
    work.ref.send({ type: 'test.resolve', output: matches });
  }

  failSearch(callId: string, message: string): void {
    const work = this.pendingSearch(callId);
    if (!work) throw new Error(`no contact search is running for ${callId}`);
    work.ref.send({ type: 'test.reject', error: new Error(message) });
  }

  resolveSave(callId: string): void {
    const work = this.pendingSave(callId);
    if (!work) throw new Error(`no call-log save is running for ${callId}`);
    work.ref.send({ type: 'test.resolve', output: undefined });
  }

  /** Fails the running save with a message (a failure a retry may fix) or the CRM's own error. */
  failSave(callId: string, failure: string | Error): void {
    const work = this.pendingSave(callId);
    if (!work) throw new Error(`no call-log save is running for ${callId}`);
    work.ref.send({ type: 'test.reject', error: typeof failure === 'string' ? new Error(failure) : failure });
  }

  /** The call machine with every host effect recorded here. */
  callLogic() {
    return callMachine.provide({
      actors: {
        sipSession: fromCallback<SipCallCommand, SipSessionInput>(({ input, receive }) => {
          const session = { input, stopped: false };
          this.sessions.push(session);
          receive((command) => this.commands.push({ callId: input.callId, command }));
          return () => {
            session.stopped = true;
          };
        }),
        alertAgent: fromCallback<{ type: 'alert.noop' }, AlertAgentInput>(({ input }) => {
          const alert = { input, stopped: false };
          this.alerts.push(alert);
          return () => {
            alert.stopped = true;
          };
        }),
        searchContacts: deferredLogic<ContactMatch[], SearchContactsInput>(({ self, input }) => {
          this.searches.push({ callId: input.callId, input, ref: self });
          if (this.auto.matches) self.send({ type: 'test.resolve', output: this.auto.matches });
        }) as unknown as PromiseActorLogic<ContactMatch[], SearchContactsInput>,
        saveCallLog: deferredLogic<unknown, CallRecord>(({ self, input }) => {
          this.saves.push({ callId: input.callId, input, ref: self });
          if (this.auto.saves) self.send({ type: 'test.resolve', output: undefined });
        }) as unknown as PromiseActorLogic<unknown, CallRecord>,
      },
      actions: {
        screenPop: ({ context }, params) => {
          this.screenPops.push({ callId: context.callId, record: params.record });
        },
        popNewContactForm: (_, params) => {
          this.newContactForms.push(params.number);
        },
      },
    });
  }

  /** The phone machine with a recording user agent and recorded calls (or stand-ins for them). */
  phoneLogic(calls: typeof callMachine = this.callLogic()) {
    return phoneMachine.provide({
      actors: {
        sipUserAgent: fromCallback<UserAgentCommand, SipUserAgentInput>(({ input, receive }) => {
          const ua = { input, stopped: false };
          this.userAgents.push(ua);
          receive((command) => this.uaCommands.push(command));
          return () => {
            ua.stopped = true;
          };
        }),
        callMachine: calls,
        conferenceTone: fromCallback<{ type: 'tone.noop' }, ConferenceToneInput>(({ input }) => {
          const playing = { tone: input.tone, stopped: false };
          this.conferenceTones.push(playing);
          return () => {
            playing.stopped = true;
          };
        }),
      },
      actions: {
        addToRecents: (_, params) => {
          this.recents.push(params.record);
        },
      },
    });
  }
}
