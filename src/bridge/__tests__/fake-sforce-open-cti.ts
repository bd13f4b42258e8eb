// A stand-in for sforce.opencti (opencti_min.js, Lightning) that answers with the documented shapes:
// callbacks get {success, returnValue, errors}; errors are [{code, description, details?}]. Its LMS part
// delivers every published message to every subscriber of the channel, the publisher included, as LMS does.
import type {
  OpenCtiClickPayload,
  OpenCtiErrorEntry,
  OpenCtiNavigationPayload,
  OpenCtiResponse,
  SforceOpenCti,
} from '..';

type Method =
  | 'onClickToDial'
  | 'onNavigationChange'
  | 'enableClickToDial'
  | 'disableClickToDial'
  | 'screenPop'
  | 'searchAndScreenPop'
  | 'saveLog'
  | 'getCallCenterSettings'
  | 'setSoftphonePanelVisibility'
  | 'notifyInitializationComplete'
  | 'subscribe'
  | 'publish';

/** How the fake answers one method: a returnValue, an error list, or never (to test timeouts). */
export type FakeAnswer = { returnValue: unknown } | { errors: OpenCtiErrorEntry[] } | 'never' | 'throw';

export const DOCUMENTED_ERRORS = {
  INVALID_PARAM: {
    code: 'INVALID_PARAM',
    description:
      'An invalid value was passed to the parameter PARAMETERNAME. A numeric value was expected, but UNDEFINED was found instead.',
  },
  GENERIC_ERROR: { code: 'GENERIC_ERROR', description: 'An error occurred while calling the API method.' },
  SERVER_ERROR: { code: 'SERVER_ERROR', description: 'A problem was encountered on the server.' },
  SOFTPHONE_CONTAINER_ERROR: {
    code: 'SOFTPHONE_CONTAINER_ERROR',
    description: 'Unable to execute sendPostMessage because the softphone container hasn’t initialized yet.',
  },
} satisfies Record<string, OpenCtiErrorEntry>;

/** The documented example of getCallCenterSettings' returnValue, plus our softphoneSettings section. */
export const DOCUMENTED_SETTINGS = {
  '/displayNameLabel': 'Display Name',
  '/internalNameLabel': 'InternalName',
  '/label': 'Softphone',
  '/reqDialingOptions/label': 'Dialing Options',
  '/reqDialingOptions/reqInternationalPrefix': '011',
  '/reqDialingOptions/reqLongDistPrefix': '1',
  '/reqDialingOptions/reqOutsidePrefix': '9',
  '/reqGeneralInfo/label': 'General Information',
  '/reqGeneralInfo/reqAdapterUrl': 'https://example.my.salesforce.com/apex/SoftphoneBridge',
  '/reqGeneralInfo/reqDescription': 'Open-source softphone',
  '/reqGeneralInfo/reqDisplayName': 'Softphone',
  '/reqGeneralInfo/reqInternalName': 'OpenSoftphone',
  '/reqGeneralInfo/reqSalesforceCompatibilityMode': 'Lightning',
  '/reqGeneralInfo/reqSoftphoneHeight': '400',
  '/reqGeneralInfo/reqSoftphoneWidth': '300',
  '/reqGeneralInfo/reqUseApi': 'true',
  '/softphoneSettings/label': 'Softphone Settings',
  '/softphoneSettings/mode': 'softphone',
  '/softphoneSettings/sipWebSocketUrl': 'wss://sip.example.com:8443/ws',
  '/softphoneSettings/sipDomain': 'sip.example.com',
};

export interface FakeCall {
  method: Method;
  /** The argument object without its callback/listener. */
  args: Record<string, unknown>;
}

export class FakeSforceOpenCti implements SforceOpenCti {
  readonly calls: FakeCall[] = [];
  readonly answers = new Map<Method, FakeAnswer>();
  /** Every message published on any channel, by anyone. */
  readonly published: { channelName: string; message: unknown }[] = [];
  private clickListener: ((payload: OpenCtiClickPayload) => void) | undefined;
  private navigationListener: ((payload: OpenCtiNavigationPayload) => void) | undefined;
  private readonly subscribers: { channelName: string; listener: (message: unknown) => void }[] = [];

  // Enumerations as opencti_min.js defines them (values are Salesforce's; the docs only name the keys).
  SCREENPOP_TYPE: SforceOpenCti['SCREENPOP_TYPE'] = {
    SOBJECT: 'sobject',
    URL: 'url',
    OBJECTHOME: 'objecthome',
    LIST: 'list',
    SEARCH: 'search',
    NEW_RECORD_MODAL: 'newRecord',
    FLOW: 'flow',
  };
  CALL_TYPE: SforceOpenCti['CALL_TYPE'] = { INBOUND: 'inbound', OUTBOUND: 'outbound', INTERNAL: 'internal' };

  /** Default answers: success with the documented returnValue of each method. */
  constructor() {
    this.answers.set('getCallCenterSettings', { returnValue: { ...DOCUMENTED_SETTINGS } });
  }

  answer(method: Method, answer: FakeAnswer): this {
    this.answers.set(method, answer);
    return this;
  }

  callsOf(method: Method): Record<string, unknown>[] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args);
  }

  /** The agent clicks a phone number in Salesforce. */
  click(payload: OpenCtiClickPayload): void {
    if (!this.clickListener) throw new Error('no onClickToDial listener registered');
    this.clickListener(payload);
  }

  /** The agent lands on a page (Lightning calls the onNavigationChange listener). */
  navigate(payload: OpenCtiNavigationPayload): void {
    if (!this.navigationListener) throw new Error('no onNavigationChange listener registered');
    this.navigationListener(payload);
  }

  /** Another component (the utility, or anything else on the page) publishes on a channel. */
  deliver(channelName: string, message: unknown): void {
    this.published.push({ channelName, message });
    for (const subscriber of this.subscribers.filter((s) => s.channelName === channelName)) {
      subscriber.listener(message);
    }
  }

  /** Another component listens on a channel (no Open CTI call recorded); returns its unsubscribe. */
  listen(channelName: string, listener: (message: unknown) => void): () => void {
    const subscriber = { channelName, listener };
    this.subscribers.push(subscriber);
    return () => {
      const index = this.subscribers.indexOf(subscriber);
      if (index >= 0) this.subscribers.splice(index, 1);
    };
  }

  subscriberCount(channelName: string): number {
    return this.subscribers.filter((s) => s.channelName === channelName).length;
  }

  private respond(
    method: Method,
    args: { callback?: (response: OpenCtiResponse) => void } & Record<string, unknown>,
    success: unknown = null,
  ): void {
    const { callback, listener: _listener, ...rest } = args;
    this.calls.push({ method, args: rest });
    const answer = this.answers.get(method) ?? { returnValue: success };
    if (answer === 'throw') throw new Error(`${method} is not available outside the Open CTI iframe`);
    if (answer === 'never' || !callback) return;
    const response: OpenCtiResponse =
      'errors' in answer
        ? { success: false, returnValue: null, errors: answer.errors }
        : { success: true, returnValue: answer.returnValue as never, errors: null };
    // Open CTI answers asynchronously (postMessage to the container); a promise job is not faked by Jest timers.
    void Promise.resolve().then(() => callback(response));
  }

  enableClickToDial(args: { callback?: (r: OpenCtiResponse) => void }): void {
    this.respond('enableClickToDial', args);
  }
  disableClickToDial(args: { callback?: (r: OpenCtiResponse) => void }): void {
    this.respond('disableClickToDial', args);
  }
  onClickToDial(args: { listener: (payload: OpenCtiClickPayload) => void }): void {
    this.clickListener = args.listener;
    this.calls.push({ method: 'onClickToDial', args: {} });
  }
  onNavigationChange(args: { listener: (payload: OpenCtiNavigationPayload) => void }): void {
    this.navigationListener = args.listener;
    this.calls.push({ method: 'onNavigationChange', args: {} });
  }
  screenPop(args: Parameters<SforceOpenCti['screenPop']>[0]): void {
    this.respond('screenPop', args);
  }
  searchAndScreenPop(args: Parameters<SforceOpenCti['searchAndScreenPop']>[0]): void {
    this.respond('searchAndScreenPop', args, {});
  }
  saveLog(args: Parameters<SforceOpenCti['saveLog']>[0]): void {
    this.respond('saveLog', args);
  }
  getCallCenterSettings(args: Parameters<SforceOpenCti['getCallCenterSettings']>[0]): void {
    this.respond('getCallCenterSettings', args);
  }
  setSoftphonePanelVisibility(args: Parameters<SforceOpenCti['setSoftphonePanelVisibility']>[0]): void {
    this.respond('setSoftphonePanelVisibility', args);
  }
  notifyInitializationComplete(args: { callback?: (r: OpenCtiResponse) => void } = {}): void {
    this.respond('notifyInitializationComplete', args);
  }
  subscribe(args: Parameters<SforceOpenCti['subscribe']>[0]): void {
    const answer = this.answers.get('subscribe');
    if (answer === undefined)
      this.subscribers.push({ channelName: args.channelName, listener: args.listener });
    this.respond('subscribe', args, { channelName: args.channelName });
  }
  publish(args: Parameters<SforceOpenCti['publish']>[0]): void {
    const answer = this.answers.get('publish');
    this.respond('publish', args);
    if (answer === undefined) this.deliver(args.channelName, args.message);
  }
}
