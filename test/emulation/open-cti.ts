// EMULATION of sforce.opencti (opencti_min.js, Lightning Experience), the one the workbench, the contract
// tests and the bridge's unit tests share: the documented methods with their documented argument objects and
// {success, returnValue, errors} callbacks, answered asynchronously as the real library does (it talks to
// the container with postMessage). The REAL bridge bundle (softphoneBridge static resource) runs on top of
// it. Tests read the calls Salesforce received (`calls`) and script what it answers (`script`): an error
// list, another returnValue, silence, or a throw as outside the Open CTI iframe.
import type {
  OpenCtiClickPayload,
  OpenCtiErrorEntry,
  OpenCtiResponse,
  SforceOpenCti,
} from '../../src/bridge';
import { isErrorEntry, type OpenCtiContainer } from './open-cti-container';
import {
  CALL_TYPE,
  SCREENPOP_TYPE,
  invalidParam,
  isObject,
  isText,
  screenPopProblem,
  type OpenCtiNavigationPayload,
} from './open-cti-params';

export { CALL_TYPE, SCREENPOP_TYPE } from './open-cti-params';
export type { OpenCtiNavigationPayload } from './open-cti-params';

type Callback = (response: OpenCtiResponse) => void;
type Args = Record<string, unknown> & { callback?: Callback };

/** What a test makes Salesforce answer instead of the emulated org, which is then not asked at all. */
export type ScriptedAnswer = { returnValue: unknown } | { errors: OpenCtiErrorEntry[] } | 'never' | 'throw';

/** One method call Salesforce received: the argument object without its callback or listener. */
export interface OpenCtiCall {
  method: string;
  args: Record<string, unknown>;
}

export interface EmulatedOpenCtiOptions {
  /**
   * Hands an answer to its callback later. A task by default, as the real postMessage round trip; tests
   * that fake Jest's timers pass a promise job, which those timers do not hold back.
   */
  later?: (deliver: () => void) => void;
}

type Outcome = Promise<unknown> | OpenCtiErrorEntry | { errors: OpenCtiErrorEntry[] } | { value: unknown };

export class EmulatedOpenCti implements SforceOpenCti {
  // The whole documented library, not only what the bridge calls: the workbench is the platform.
  readonly SCREENPOP_TYPE = SCREENPOP_TYPE;
  readonly CALL_TYPE = CALL_TYPE;
  private clickListener: ((payload: OpenCtiClickPayload) => void) | undefined;
  private clickToDialEnabled = false;
  private navigationListener: ((payload: OpenCtiNavigationPayload) => void) | undefined;
  private readonly subscriptions = new Map<string, () => void>();
  private subscriptionIds = 0;
  readonly calls: OpenCtiCall[] = [];
  private readonly scripts = new Map<string, ScriptedAnswer>();
  private readonly later: (deliver: () => void) => void;

  constructor(
    private readonly container: OpenCtiContainer,
    options: EmulatedOpenCtiOptions = {},
  ) {
    this.later = options.later ?? ((deliver) => setTimeout(deliver, 0));
  }

  /** From now on Salesforce answers `method` so, and does nothing else for it. */
  script(method: string, answer: ScriptedAnswer): this {
    this.scripts.set(method, answer);
    return this;
  }

  /** The argument objects of every call of `method`, in order. */
  callsOf(method: string): Record<string, unknown>[] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args);
  }

  /** The container's side of a click on a phone number: Salesforce calls the onClickToDial listener. */
  click(payload: OpenCtiClickPayload): boolean {
    if (!this.clickToDialEnabled || !this.clickListener) return false;
    this.container.log?.({ method: 'onClickToDial (listener called)', args: { ...payload } });
    this.clickListener(payload);
    return true;
  }

  get isClickToDialEnabled(): boolean {
    return this.clickToDialEnabled;
  }

  /** Records the call; true when a script answered it instead of the emulated org. */
  private scripted(method: string, args: Args = {}): boolean {
    const { callback: _callback, listener: _listener, ...logged } = args;
    this.calls.push({ method, args: logged });
    const answer = this.scripts.get(method);
    if (answer === undefined) return false;
    if (answer === 'throw') throw new Error(`${method} is not available outside the Open CTI iframe`);
    if (answer !== 'never') {
      this.respond(method, args, 'errors' in answer ? answer : { value: answer.returnValue });
    }
    return true;
  }

  /** Answers through the callback later, as the postMessage round trip does. */
  private respond(method: string, args: Args, outcome: Outcome) {
    const { callback, listener: _listener, ...logged } = args;
    const deliver = (response: OpenCtiResponse) => {
      this.container.log?.({ method, args: logged, response });
      if (typeof callback === 'function') this.later(() => callback(response));
    };
    const fail = (errors: OpenCtiErrorEntry[]) => deliver({ success: false, returnValue: null, errors });
    if (outcome instanceof Promise) {
      outcome.then(
        (value) => deliver({ success: true, returnValue: (value ?? null) as never, errors: null }),
        (error: unknown) => fail([asErrorEntry(error)]),
      );
    } else if ('value' in outcome) {
      deliver({ success: true, returnValue: (outcome.value ?? null) as never, errors: null });
    } else {
      fail('errors' in outcome ? outcome.errors : [outcome]);
    }
  }

  enableClickToDial(args: Args): void {
    if (this.scripted('enableClickToDial', args)) return;
    this.clickToDialEnabled = true;
    this.container.clickToDialChanged(true);
    this.respond('enableClickToDial', args, { value: null });
  }

  disableClickToDial(args: Args): void {
    if (this.scripted('disableClickToDial', args)) return;
    this.clickToDialEnabled = false;
    this.container.clickToDialChanged(false);
    this.respond('disableClickToDial', args, { value: null });
  }

  onClickToDial(args: { listener: (payload: OpenCtiClickPayload) => void }): void {
    if (typeof args?.listener !== 'function') throw new TypeError('onClickToDial needs a listener function');
    this.clickListener = args.listener;
    this.calls.push({ method: 'onClickToDial', args: {} });
    this.container.log?.({ method: 'onClickToDial', args: {} });
  }

  onNavigationChange(args: { listener: (payload: OpenCtiNavigationPayload) => void }): void {
    if (typeof args?.listener !== 'function') {
      throw new TypeError('onNavigationChange needs a listener function');
    }
    this.navigationListener = args.listener;
    this.calls.push({ method: 'onNavigationChange', args: {} });
    this.container.log?.({ method: 'onNavigationChange', args: {} });
  }

  /** The container's side of a page change: Salesforce calls the onNavigationChange listener. */
  navigated(payload: OpenCtiNavigationPayload): void {
    if (!this.navigationListener) return;
    this.container.log?.({ method: 'onNavigationChange (listener called)', args: { ...payload } });
    this.navigationListener(payload);
  }

  screenPop(
    args: Args & {
      type: string;
      params: Record<string, unknown>;
      defaultFieldValues?: Record<string, unknown>;
    },
  ): void {
    if (this.scripted('screenPop', args)) return;
    const problem = screenPopProblem(args.type, args.params);
    if (problem) return this.respond('screenPop', args, problem);
    this.container.screenPop({
      type: args.type,
      params: { ...args.params },
      ...(isObject(args.defaultFieldValues) ? { defaultFieldValues: { ...args.defaultFieldValues } } : {}),
    });
    this.respond('screenPop', args, { value: null });
  }

  searchAndScreenPop(
    args: Args & {
      searchParams?: string;
      queryParams?: string;
      defaultFieldValues?: Record<string, unknown>;
      callType: string;
      deferred?: boolean;
    },
  ): void {
    if (this.scripted('searchAndScreenPop', args)) return;
    const callTypes = Object.values(CALL_TYPE) as string[];
    if (!callTypes.includes(args.callType)) {
      return this.respond(
        'searchAndScreenPop',
        args,
        invalidParam('callType', callTypes.join(', '), args.callType),
      );
    }
    if (args.searchParams !== undefined && typeof args.searchParams !== 'string') {
      return this.respond(
        'searchAndScreenPop',
        args,
        invalidParam('searchParams', 'A string', args.searchParams),
      );
    }
    const outcome = this.container
      .search({
        searchParams: args.searchParams ?? '',
        ...(args.queryParams !== undefined ? { queryParams: args.queryParams } : {}),
        callType: args.callType,
      })
      .then(({ records, pop }) => {
        const returnValue: Record<string, unknown> = { ...records };
        if (pop && args.deferred === true)
          returnValue.SCREEN_POP_DATA = { type: pop.type, params: pop.params };
        else if (pop) this.container.screenPop({ type: pop.type, params: pop.params });
        return returnValue;
      });
    this.respond('searchAndScreenPop', args, outcome);
  }

  saveLog(args: Args & { value: Record<string, unknown> }): void {
    if (this.scripted('saveLog', args)) return;
    if (!isObject(args.value))
      return this.respond('saveLog', args, invalidParam('value', 'An object', args.value));
    const { Id, entityApiName } = args.value;
    if (Id === undefined && !isText(entityApiName)) {
      return this.respond(
        'saveLog',
        args,
        invalidParam('value.entityApiName', 'An object API name', entityApiName),
      );
    }
    this.respond('saveLog', args, this.container.saveLog({ ...args.value }));
  }

  getCallCenterSettings(args: Args & { callback: Callback }): void {
    if (this.scripted('getCallCenterSettings', args)) return;
    this.respond('getCallCenterSettings', args, this.container.callCenterSettings());
  }

  getSoftphoneLayout(args: Args): void {
    if (this.scripted('getSoftphoneLayout', args)) return;
    // The emulated softphone layout: what searchAndScreenPop shows and pops (see emulation/open-cti-services.ts).
    this.respond('getSoftphoneLayout', args, {
      value: {
        Inbound: {
          objects: {
            Contact: [{ apiName: 'Name' }, { apiName: 'Title' }, { apiName: 'Phone' }],
            Lead: [],
            Account: [],
          },
          screenPopSettings: {
            NoMatch: { screenPopType: 'DoNotPop' },
            SingleMatch: { screenPopType: 'PopToEntity' },
            MultipleMatches: { screenPopType: 'PopToSearch' },
          },
        },
      },
    });
  }

  setSoftphonePanelVisibility(args: Args & { visible: boolean }): void {
    if (this.scripted('setSoftphonePanelVisibility', args)) return;
    if (typeof args.visible !== 'boolean') {
      return this.respond(
        'setSoftphonePanelVisibility',
        args,
        invalidParam('visible', 'A boolean', args.visible),
      );
    }
    this.container.setPanelVisibility(args.visible);
    this.respond('setSoftphonePanelVisibility', args, { value: null });
  }

  isSoftphonePanelVisible(args: Args): void {
    if (this.scripted('isSoftphonePanelVisible', args)) return;
    this.respond('isSoftphonePanelVisible', args, { value: { visible: this.container.isPanelVisible() } });
  }

  setSoftphonePanelHeight(args: Args & { heightPX: number }): void {
    if (this.scripted('setSoftphonePanelHeight', args)) return;
    const ok = Number.isInteger(args.heightPX) && args.heightPX >= 240 && args.heightPX <= 2560;
    this.respond(
      'setSoftphonePanelHeight',
      args,
      ok ? { value: null } : invalidParam('heightPX', 'A number from 240 to 2560', args.heightPX),
    );
  }

  setSoftphonePanelWidth(args: Args & { widthPX: number }): void {
    if (this.scripted('setSoftphonePanelWidth', args)) return;
    const ok = Number.isInteger(args.widthPX) && args.widthPX >= 200 && args.widthPX <= 1920;
    this.respond(
      'setSoftphonePanelWidth',
      args,
      ok ? { value: null } : invalidParam('widthPX', 'A number from 200 to 1920', args.widthPX),
    );
  }

  notifyInitializationComplete(args: Args = {}): void {
    if (this.scripted('notifyInitializationComplete', args)) return;
    this.container.initializationComplete();
    this.respond('notifyInitializationComplete', args, { value: null });
  }

  getAppViewInfo(args: Args): void {
    if (this.scripted('getAppViewInfo', args)) return;
    this.respond('getAppViewInfo', args, { value: { url: '/lightning/page/home' } });
  }

  refreshView(args: Args = {}): void {
    if (this.scripted('refreshView', args)) return;
    this.respond('refreshView', args, { value: null });
  }

  subscribe(args: Args & { channelName: string; listener: (message: unknown) => void }): void {
    if (this.scripted('subscribe', args)) return;
    if (!isText(args.channelName))
      return this.respond(
        'subscribe',
        args,
        invalidParam('channelName', 'A message channel name', args.channelName),
      );
    if (typeof args.listener !== 'function')
      return this.respond('subscribe', args, invalidParam('listener', 'A function', args.listener));
    const id = `subscription-${++this.subscriptionIds}`;
    this.subscriptions.set(id, this.container.lms.subscribe(args.channelName, args.listener));
    this.respond('subscribe', args, { value: { channelName: args.channelName, subscriptionId: id } });
  }

  unsubscribe(args: Args & { subscription?: { subscriptionId?: string } }): void {
    if (this.scripted('unsubscribe', args)) return;
    const id = args.subscription?.subscriptionId;
    const stop = id === undefined ? undefined : this.subscriptions.get(id);
    if (!stop || id === undefined)
      return this.respond(
        'unsubscribe',
        args,
        invalidParam('subscription', 'A subscription', args.subscription),
      );
    stop();
    this.subscriptions.delete(id);
    this.respond('unsubscribe', args, { value: null });
  }

  publish(args: Args & { channelName: string; message: unknown }): void {
    if (this.scripted('publish', args)) return;
    if (!isText(args.channelName))
      return this.respond(
        'publish',
        args,
        invalidParam('channelName', 'A message channel name', args.channelName),
      );
    if (!isObject(args.message))
      return this.respond('publish', args, invalidParam('message', 'An object', args.message));
    this.container.lms.publish(args.channelName, args.message);
    this.respond('publish', args, { value: null });
  }
}

function asErrorEntry(error: unknown): OpenCtiErrorEntry {
  if (isErrorEntry(error)) return error;
  return { code: 'SERVER_ERROR', description: error instanceof Error ? error.message : String(error) };
}
