// EMULATION of sforce.opencti (opencti_min.js, Lightning Experience) for the workbench and the unit tests: the documented
// methods with their documented argument objects and {success, returnValue, errors} callbacks, answered
// asynchronously as the real library does (it talks to the container with postMessage). The REAL bridge
// bundle (softphoneBridge static resource) runs on top of it. Enumeration values match the unit tests'
// fake (src/bridge/__tests__/fake-sforce-open-cti.ts); the contract tests run both through the same table.
import type {
  OpenCtiClickPayload,
  OpenCtiErrorEntry,
  OpenCtiNavigationPayload,
  OpenCtiResponse,
  SforceOpenCti,
} from '../../src/bridge';
import { isErrorEntry, type OpenCtiContainer } from './open-cti-container';

type Callback = (response: OpenCtiResponse) => void;
type Args = Record<string, unknown> & { callback?: Callback };

export const SCREENPOP_TYPE = Object.freeze({
  SOBJECT: 'sobject',
  URL: 'url',
  OBJECTHOME: 'objecthome',
  LIST: 'list',
  SEARCH: 'search',
  NEW_RECORD_MODAL: 'newRecord',
  FLOW: 'flow',
});

export const CALL_TYPE = Object.freeze({ INBOUND: 'inbound', OUTBOUND: 'outbound', INTERNAL: 'internal' });

const invalidParam = (name: string, expected: string, found: unknown): OpenCtiErrorEntry => ({
  code: 'INVALID_PARAM',
  description: `An invalid value was passed to the parameter ${name}. ${expected} was expected, but ${
    found === undefined ? 'UNDEFINED' : JSON.stringify(found)
  } was found instead.`,
});

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, min = 1): v is string => typeof v === 'string' && v.trim().length >= min;

/** Required params of each screen pop type (by SCREENPOP_TYPE value). */
function screenPopProblem(type: unknown, params: unknown): OpenCtiErrorEntry | undefined {
  const types = Object.values(SCREENPOP_TYPE) as string[];
  if (typeof type !== 'string' || !types.includes(type)) {
    return invalidParam('type', `One of ${types.join(', ')}`, type);
  }
  if (!isObject(params)) return invalidParam('params', 'An object', params);
  const need: Record<string, [string, number][]> = {
    sobject: [['recordId', 15]],
    url: [['url', 1]],
    objecthome: [['scope', 1]],
    list: [
      ['listViewId', 15],
      ['scope', 1],
    ],
    search: [['searchString', 3]],
    newRecord: [['entityName', 1]],
    flow: [['flowDevName', 1]],
  };
  for (const [name, min] of need[type] ?? []) {
    if (!isText(params[name], min))
      return invalidParam(`params.${name}`, `A string of ${min}+ characters`, params[name]);
  }
  return undefined;
}

export class EmulatedOpenCti implements SforceOpenCti {
  readonly SCREENPOP_TYPE = SCREENPOP_TYPE;
  readonly CALL_TYPE = CALL_TYPE;
  private clickListener: ((payload: OpenCtiClickPayload) => void) | undefined;
  private clickToDialEnabled = false;
  private navigationListener: ((payload: OpenCtiNavigationPayload) => void) | undefined;
  private readonly subscriptions = new Map<string, () => void>();
  private subscriptionIds = 0;

  constructor(private readonly container: OpenCtiContainer) {}

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

  /** Answers through the callback on a later task, as the postMessage round trip does. */
  private answer(
    method: string,
    args: Args,
    outcome: Promise<unknown> | OpenCtiErrorEntry | { value: unknown },
  ) {
    const { callback, listener: _listener, ...logged } = args;
    const deliver = (response: OpenCtiResponse) => {
      this.container.log?.({ method, args: logged, response });
      if (typeof callback === 'function') setTimeout(() => callback(response), 0);
    };
    const fail = (entry: OpenCtiErrorEntry) =>
      deliver({ success: false, returnValue: null, errors: [entry] });
    if (outcome instanceof Promise) {
      outcome.then(
        (value) => deliver({ success: true, returnValue: (value ?? null) as never, errors: null }),
        (error: unknown) =>
          fail(
            isErrorEntry(error)
              ? error
              : { code: 'SERVER_ERROR', description: error instanceof Error ? error.message : String(error) },
          ),
      );
    } else if ('value' in outcome) {
      deliver({ success: true, returnValue: (outcome.value ?? null) as never, errors: null });
    } else {
      fail(outcome);
    }
  }

  enableClickToDial(args: Args = {}): void {
    this.clickToDialEnabled = true;
    this.container.clickToDialChanged(true);
    this.answer('enableClickToDial', args, { value: null });
  }

  disableClickToDial(args: Args = {}): void {
    this.clickToDialEnabled = false;
    this.container.clickToDialChanged(false);
    this.answer('disableClickToDial', args, { value: null });
  }

  onClickToDial(args: { listener: (payload: OpenCtiClickPayload) => void }): void {
    if (typeof args?.listener !== 'function') throw new TypeError('onClickToDial needs a listener function');
    this.clickListener = args.listener;
    this.container.log?.({ method: 'onClickToDial', args: {} });
  }

  onNavigationChange(args: { listener: (payload: OpenCtiNavigationPayload) => void }): void {
    if (typeof args?.listener !== 'function') {
      throw new TypeError('onNavigationChange needs a listener function');
    }
    this.navigationListener = args.listener;
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
    const problem = screenPopProblem(args.type, args.params);
    if (problem) return this.answer('screenPop', args, problem);
    this.container.screenPop({
      type: args.type,
      params: { ...args.params },
      ...(isObject(args.defaultFieldValues) ? { defaultFieldValues: { ...args.defaultFieldValues } } : {}),
    });
    this.answer('screenPop', args, { value: null });
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
    const callTypes = Object.values(CALL_TYPE) as string[];
    if (!callTypes.includes(args.callType)) {
      return this.answer(
        'searchAndScreenPop',
        args,
        invalidParam('callType', callTypes.join(', '), args.callType),
      );
    }
    if (args.searchParams !== undefined && typeof args.searchParams !== 'string') {
      return this.answer(
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
    this.answer('searchAndScreenPop', args, outcome);
  }

  saveLog(args: Args & { value: Record<string, unknown> }): void {
    if (!isObject(args.value))
      return this.answer('saveLog', args, invalidParam('value', 'An object', args.value));
    const { Id, entityApiName } = args.value;
    if (Id === undefined && !isText(entityApiName)) {
      return this.answer(
        'saveLog',
        args,
        invalidParam('value.entityApiName', 'An object API name', entityApiName),
      );
    }
    this.answer('saveLog', args, this.container.saveLog({ ...args.value }));
  }

  getCallCenterSettings(args: Args): void {
    this.answer('getCallCenterSettings', args, this.container.callCenterSettings());
  }

  getSoftphoneLayout(args: Args): void {
    // The emulated softphone layout: what searchAndScreenPop shows and pops (see emulation/open-cti-services.ts).
    this.answer('getSoftphoneLayout', args, {
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
    if (typeof args.visible !== 'boolean') {
      return this.answer(
        'setSoftphonePanelVisibility',
        args,
        invalidParam('visible', 'A boolean', args.visible),
      );
    }
    this.container.setPanelVisibility(args.visible);
    this.answer('setSoftphonePanelVisibility', args, { value: null });
  }

  isSoftphonePanelVisible(args: Args): void {
    this.answer('isSoftphonePanelVisible', args, { value: { visible: this.container.isPanelVisible() } });
  }

  setSoftphonePanelHeight(args: Args & { heightPX: number }): void {
    const ok = Number.isInteger(args.heightPX) && args.heightPX >= 240 && args.heightPX <= 2560;
    this.answer(
      'setSoftphonePanelHeight',
      args,
      ok ? { value: null } : invalidParam('heightPX', 'A number from 240 to 2560', args.heightPX),
    );
  }

  setSoftphonePanelWidth(args: Args & { widthPX: number }): void {
    const ok = Number.isInteger(args.widthPX) && args.widthPX >= 200 && args.widthPX <= 1920;
    this.answer(
      'setSoftphonePanelWidth',
      args,
      ok ? { value: null } : invalidParam('widthPX', 'A number from 200 to 1920', args.widthPX),
    );
  }

  notifyInitializationComplete(args: Args = {}): void {
    this.container.initializationComplete();
    this.answer('notifyInitializationComplete', args, { value: null });
  }

  getAppViewInfo(args: Args): void {
    this.answer('getAppViewInfo', args, { value: { url: '/lightning/page/home' } });
  }

  refreshView(args: Args = {}): void {
    this.answer('refreshView', args, { value: null });
  }

  subscribe(args: Args & { channelName: string; listener: (message: unknown) => void }): void {
    if (!isText(args.channelName))
      return this.answer(
        'subscribe',
        args,
        invalidParam('channelName', 'A message channel name', args.channelName),
      );
    if (typeof args.listener !== 'function')
      return this.answer('subscribe', args, invalidParam('listener', 'A function', args.listener));
    const id = `subscription-${++this.subscriptionIds}`;
    this.subscriptions.set(id, this.container.lms.subscribe(args.channelName, args.listener));
    this.answer('subscribe', args, { value: { channelName: args.channelName, subscriptionId: id } });
  }

  unsubscribe(args: Args & { subscription?: { subscriptionId?: string } }): void {
    const id = args.subscription?.subscriptionId;
    const stop = id === undefined ? undefined : this.subscriptions.get(id);
    if (!stop || id === undefined)
      return this.answer(
        'unsubscribe',
        args,
        invalidParam('subscription', 'A subscription', args.subscription),
      );
    stop();
    this.subscriptions.delete(id);
    this.answer('unsubscribe', args, { value: null });
  }

  publish(args: Args & { channelName: string; message: unknown }): void {
    if (!isText(args.channelName))
      return this.answer(
        'publish',
        args,
        invalidParam('channelName', 'A message channel name', args.channelName),
      );
    if (!isObject(args.message))
      return this.answer('publish', args, invalidParam('message', 'An object', args.message));
    this.container.lms.publish(args.channelName, args.message);
    this.answer('publish', args, { value: null });
  }
}
