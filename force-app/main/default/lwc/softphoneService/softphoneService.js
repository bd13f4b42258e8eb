// The utility's service module (no template): loads the core (static resource softphoneCore) with the
// agent's settings, SIP credentials and storage key from Apex, gives it the CRM (Apex, what the package's
// components say on its unexposed channel and what its Visualforce pages post, navigation) and starts the
// phone shared by this browser's tabs. The
// component (c/softphone) renders the phone's view and forwards the agent's intents; what it needs from
// the org and the core comes from here, through the host it passes in.
import { loadScript } from 'lightning/platformResourceLoader';
import { APPLICATION_SCOPE, subscribe, unsubscribe } from 'lightning/messageService';
import SOFTPHONE_CHANNEL from '@salesforce/messageChannel/Softphone__c';
import SOFTPHONE_CORE from '@salesforce/resourceUrl/softphoneCore';
import SOFTPHONE_NUMBERING_PLANS from '@salesforce/resourceUrl/softphoneNumberingPlans';
import SOFTPHONE_DESKPHONE from '@salesforce/resourceUrl/softphoneDeskphone';
import getSettings from '@salesforce/apex/SoftphoneSettingsController.getSettings';
import saveDeviceNumber from '@salesforce/apex/SoftphoneSettingsController.saveDeviceNumber';
import getSipCredentials from '@salesforce/apex/SoftphoneCredentials.getSipCredentials';
import getStorageKey from '@salesforce/apex/SoftphoneCredentials.getStorageKey';
import getVisualforceOrigin from '@salesforce/apex/SoftphoneOrigins.visualforceOrigin';
import logMissedCall from '@salesforce/apex/SoftphoneCallLog.logMissedCall';
import USER_ID from '@salesforce/user/Id';
import { createCrmPort } from 'c/softphoneCrm';
import { errorMessage } from 'c/softphoneErrors';
import { LABELS, format } from 'c/softphoneLabels';
import {
  parseIceServers,
  toDialingSettings,
  toMediaOptions,
  toPhoneSettings,
  toScreenPopPolicy,
  toEphemeralCredentials,
  toSipConfig,
} from 'c/softphoneSettings';

const PERSON_TYPES = ['Contact', 'Lead'];

const reason = (template, error) => format(template, errorMessage(error, '')).trim();

/**
 * The BridgeClient's transport: Lightning Message Service on Softphone__c (application scope; not exposed, so
 * only the package's own components, such as the Call Button, speak on it) and, when `fromVisualforce` is
 * given, what the package's Visualforce pages post to this window (the Open CTI bridge, the list buttons),
 * let through by the core only from the package's Visualforce origin (ADR 0007).
 * `fromVisualforce(listener)` returns the function that stops listening.
 */
export function lmsTransport(messageContext, fromVisualforce) {
  return {
    subscribe: (listener) => {
      const subscription = subscribe(messageContext(), SOFTPHONE_CHANNEL, listener, {
        scope: APPLICATION_SCOPE,
      });
      const stopVisualforce = fromVisualforce ? fromVisualforce(listener) : () => undefined;
      return () => {
        unsubscribe(subscription);
        stopVisualforce();
      };
    },
  };
}

/** The core's door for the package's Visualforce pages on this window; none without the origin from Apex. */
function visualforceDoor(core, origin) {
  if (typeof origin !== 'string' || !origin) return undefined;
  return (listener) => core.crm.listenToVisualforce({ window, visualforceOrigin: origin }, listener);
}

/**
 * Missed calls never reach the call log by themselves: record them so Recents lists them (the phone
 * changes the view's recentsRevision once this resolves, and Recents reloads in every tab). Which calls
 * are missed is the core's rule (CallRecord.missed), not this module's.
 */
function keepRecent(record, problem) {
  if (!record.missed) return undefined;
  const person =
    record.chosen && PERSON_TYPES.includes(record.chosen.objectType) ? record.chosen.id : undefined;
  const input = {
    callId: record.callId,
    direction: 'Inbound',
    phoneNumber: record.remote.number.length <= 40 ? record.remote.number : undefined,
    displayName: record.chosen?.name || record.remote.displayName,
    whoId: person,
  };
  return logMissedCall({ input }).catch((error) => {
    problem('missed', reason(LABELS.errorMissedCall, error));
    throw error;
  });
}

/** Problems the core reports that lose nothing: a failed screen pop, or calls not kept in this browser. */
function coreProblem(error, problem) {
  if (error?.name === 'StorageError') problem('storage', format(LABELS.errorStorage, error.message).trim());
  else problem('crm', reason(LABELS.errorScreenPop, error));
}

/**
 * Builds and starts the phone. `host`: `component` (loadScript's owner), `messageContext()`, `navigate`,
 * `alert(input)` (returns what stops it), `dialRequested(callId)` (a click in this tab), `deviceNumber()`, `attach(service)` (before the first view),
 * `show(view)`, `problem(key, message)`, `resolved(key)` and `onPageShown(listener)` (the utility's current
 * page as it changes; returns the unsubscribe). `isCurrent()` is false once the component
 * left the page: a start that outlived it builds nothing. Resolves with the service, or undefined.
 */
export async function startSoftphoneService(host, isCurrent) {
  const [core, settings, credentials, storageKey, visualforceOrigin] = await Promise.allSettled([
    loadScript(host.component, SOFTPHONE_CORE).then(() => window.SoftphoneCore),
    getSettings(),
    getSipCredentials(),
    getStorageKey(),
    getVisualforceOrigin(),
  ]);
  if (!isCurrent()) return undefined;
  const ready = core.status === 'fulfilled' && !!core.value && settings.status === 'fulfilled';
  if (core.status === 'rejected' || !core.value) host.problem('core', LABELS.errorCoreLoad);
  if (settings.status === 'rejected') host.problem('settings', reason(LABELS.errorSettings, settings.reason));
  if (credentials.status === 'rejected') {
    host.problem('credentials', reason(LABELS.errorCredentials, credentials.reason));
  }
  // Without its key the phone still works; its calls and notes just do not outlive the page.
  if (storageKey.status === 'rejected')
    host.problem('storage', reason(LABELS.errorStorage, storageKey.reason));
  if (!ready || credentials.status !== 'fulfilled') return undefined;
  try {
    const secret = storageKey.status === 'fulfilled' ? storageKey.value : undefined;
    // Without it only Open CTI's clicks are lost (the Call Button still dials); Setup shows Open CTI as not live.
    const origin = visualforceOrigin.status === 'fulfilled' ? visualforceOrigin.value : undefined;
    return createService(host, core.value, settings.value, credentials.value, secret, origin);
  } catch {
    host.problem('core', LABELS.errorStart);
    return undefined;
  }
}

/** Renews the SIP credentials through Apex when the core asks; the host hears whether that worked. */
function credentialRenewal(host) {
  return async () => {
    try {
      const renewed = await getSipCredentials();
      host.resolved('credentials');
      return toEphemeralCredentials(renewed);
    } catch (error) {
      host.problem('credentials', reason(LABELS.errorCredentials, error));
      throw error;
    }
  };
}

/** What the core is given: the SIP account, the CRM port, the admin's settings and the host's hooks. */
function phoneOptions(host, { sip, crm, settings, storageSecret }) {
  return {
    sip,
    crm,
    phone: toPhoneSettings(settings),
    dialing: toDialingSettings(settings),
    media: toMediaOptions(settings, SOFTPHONE_CORE),
    screenPop: toScreenPopPolicy(settings),
    alert: (input) => host.alert(input),
    onRecent: (record) => keepRecent(record, host.problem),
    device: { number: () => host.deviceNumber() },
    // Calls and notes are kept in this browser sealed with the agent's key (none: not kept at all).
    storage: storageSecret ? { secret: storageSecret } : {},
    onError: (error) => coreProblem(error, host.problem),
  };
}

/**
 * The numbering plans have their own resource, loaded once the phone has started so it registers sooner
 * (bench B3); the core holds back dials until they are in. Settles either way.
 */
function loadNumberingPlans(host, core) {
  return loadScript(host.component, SOFTPHONE_NUMBERING_PLANS)
    .then(() => core.dialing.provideNumberingPlans(window.SoftphoneNumberingPlans))
    .catch(() => host.problem('numberingPlans', LABELS.errorNumberingPlans));
}

/**
 * Deskphone mode's code has its own resource, loaded once the phone has started and only in that mode
 * (bench B3): incoming calls ring on the agent's phone without it; the core holds back dials until it is in.
 */
function loadDeskphone(host, core) {
  return loadScript(host.component, SOFTPHONE_DESKPHONE)
    .then(() => core.provideDeskphone(window.SoftphoneDeskphone))
    .catch(() => host.problem('deskphone', LABELS.errorDeskphone));
}

/**
 * `storageSecret`: the agent's storage key (Apex), held in this page's memory only; `visualforceOrigin`: the
 * only origin whose posts reach the phone.
 */
function createService(host, core, settings, credentials, storageSecret, visualforceOrigin) {
  const cleanups = [];
  const ice = parseIceServers(settings.iceServers);
  if (!ice.ok) host.problem('ice', LABELS.errorIceServers);
  const bridge = new core.crm.BridgeClient({
    transport: lmsTransport(host.messageContext, visualforceDoor(core, visualforceOrigin)),
  });
  cleanups.push(() => bridge.dispose());
  let softphone;
  let plans;
  // The core dials the clicks this port relays from the Open CTI bridge (src/crm/click-to-dial.ts).
  const crm = createCrmPort({
    // A caller's number is searched in every form the numbering plans give it, once they are in.
    searchVariants: async (number, country) => {
      await plans;
      return core.dialing.searchVariants(number, country);
    },
    country: settings.defaultCountry,
    bridge,
    navigate: host.navigate,
    callFor: (callId) => callFor(softphone, callId),
    crmPath: settings.crmPath,
    onPageShown: host.onPageShown,
  });
  const sip = toSipConfig(credentials, ice.iceServers, credentialRenewal(host));
  // One phone per user and line across this browser's tabs (same origin, so the same org).
  softphone = core.createSharedSoftphone(phoneOptions(host, { sip, crm, settings, storageSecret }), {
    key: `${USER_ID}:${sip.aor}`,
    alertFollower: (input) => host.alert(input),
    onDialRequest: (callId) => host.dialRequested(callId),
    onError: (error) => host.problem('session', reason(LABELS.errorSession, error)),
  });
  // A list view's selected records, called one at a time (the rule is the core's: src/call/call-list.ts).
  const callList = new core.crm.CallListRunner({
    phone: softphone,
    source: bridge,
    dialled: (callId) => host.dialRequested(callId),
  });
  cleanups.push(() => callList.dispose());
  const service = {
    core,
    settings,
    crm,
    softphone,
    callList,
    /** Why the agent's own phone number (deskphone mode) cannot be dialled, or '' (the dialing rules). */
    deviceNumberProblem(number) {
      const checked = number ? core.dialing.prepareDial(number, toDialingSettings(settings)) : null;
      return checked && !checked.ok ? checked.message : '';
    },
    /** Keeps the agent's own phone number at user level; resolves with the number as saved. */
    async saveDeviceNumber(number) {
      const saved = await saveDeviceNumber({ deviceNumber: number });
      return saved.deviceNumber || '';
    },
    dispose: () => cleanups.splice(0).forEach((cleanup) => cleanup()),
  };
  host.attach(service);
  cleanups.push(softphone.subscribe((view) => host.show(view)));
  host.show(softphone.view());
  softphone.start();
  plans = loadNumberingPlans(host, core);
  if (settings.mode === 'Deskphone') loadDeskphone(host, core);
  return service;
}

/** What the call log needs of a call that the view still shows. */
function callFor(softphone, callId) {
  const call = softphone?.view().calls.find((candidate) => candidate.callId === callId);
  if (!call) return undefined;
  const name = call.title !== call.remote.number ? call.title : call.remote.displayName;
  return { direction: call.direction, number: call.remote.number, name };
}
