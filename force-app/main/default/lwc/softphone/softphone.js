import { LightningElement, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { loadScript } from 'lightning/platformResourceLoader';
import { APPLICATION_SCOPE, MessageContext, publish, subscribe, unsubscribe } from 'lightning/messageService';
import { EnclosingUtilityId, open, updateUtility } from 'lightning/platformUtilityBarApi';
import SOFTPHONE_CHANNEL from '@salesforce/messageChannel/Softphone__c';
import SOFTPHONE_CORE from '@salesforce/resourceUrl/softphoneCore';
import getSettings from '@salesforce/apex/SoftphoneSettingsController.getSettings';
import saveDeviceNumber from '@salesforce/apex/SoftphoneSettingsController.saveDeviceNumber';
import getSipCredentials from '@salesforce/apex/SoftphoneCredentials.getSipCredentials';
import getStorageKey from '@salesforce/apex/SoftphoneCredentials.getStorageKey';
import logMissedCall from '@salesforce/apex/SoftphoneCallLog.logMissedCall';
import USER_ID from '@salesforce/user/Id';
import { clickedRecord, createCrmPort } from 'c/softphoneCrm';
import { errorMessage } from 'c/softphoneErrors';
import { LABELS, format } from 'c/softphoneLabels';
import {
  parseIceServers,
  toDialingSettings,
  toPhoneSettings,
  toScreenPopPolicy,
  toEphemeralCredentials,
  toSipConfig,
} from 'c/softphoneSettings';
import { announcementFor, answeredCalls, utilityLabelFor } from './viewChanges';

/** Clicks after which the agent hears audio (a call or the conference mix): each resumes the AudioContext. */
const AUDIO_GESTURES = new Set(['ui.answer', 'ui.resume', 'ui.conference.start', 'ui.conference.merge']);

const MISSED_OUTCOMES = ['missed', 'declined'];
const PERSON_TYPES = ['Contact', 'Lead'];

function ignore() {
  return undefined;
}

/** The element that had the focus was removed (its button is no longer offered). */
function focusLost() {
  return !document.activeElement || document.activeElement === document.body;
}

/**
 * The agent's softphone in the utility bar: loads the core (static resource softphoneCore) with the agent's
 * settings and SIP credentials, gives it the CRM (Apex, the Open CTI bridge over LMS, navigation) and the
 * utility bar, and renders its view model through the child components. Every call decision is the core's;
 * this component only forwards the agent's intents and shows `view`. Each Lightning tab has its own utility:
 * the core's session layer lets one of them hold the phone and the others mirror it (`view.session`).
 */
export default class Softphone extends NavigationMixin(LightningElement) {
  labels = LABELS;
  /** The core's SoftphoneView, replaced on every change; everything on screen derives from it. */
  view;
  /** The utility's own problems (loading, Apex, screen pops): `{ key, error }`. */
  problems = [];
  announcement = '';
  loading = true;
  /** The audio settings panel: `{ open, loading, inputs, outputs, choice }`, undefined while closed. */
  audio;

  @wire(MessageContext) messageContext;

  utilityId;
  settings;
  /** The loaded SoftphoneCore (its dialing rules validate the agent's own phone number). */
  core;
  /** Deskphone mode: the agent's own phone, read by the core at each call. */
  deviceNumber = '';
  deviceError = '';
  deviceSaving = false;
  softphone;
  crm;
  alerts = 0;
  problemCount = 0;
  cleanups = [];
  /** Bumped on every connect and disconnect, so a start that outlived its connection does nothing. */
  generation = 0;
  /** The call the agent last acted on: its card gets the focus back when the button they used goes away. */
  focusCallId;

  @wire(EnclosingUtilityId)
  wiredUtilityId(utilityId) {
    this.utilityId = typeof utilityId === 'string' ? utilityId : undefined;
    this.showUtilityLabel(utilityLabelFor(this.view));
  }

  connectedCallback() {
    this.generation += 1;
    this.start(this.generation);
  }

  disconnectedCallback() {
    this.generation += 1;
    this.cleanups.splice(0).forEach((cleanup) => cleanup());
    const softphone = this.softphone;
    this.softphone = undefined;
    if (softphone) softphone.stop().catch(ignore);
  }

  async start(generation) {
    const [core, settings, credentials, storageKey] = await Promise.allSettled([
      loadScript(this, SOFTPHONE_CORE).then(() => window.SoftphoneCore),
      getSettings(),
      getSipCredentials(),
      getStorageKey(),
    ]);
    if (generation !== this.generation) return;
    const ready = core.status === 'fulfilled' && !!core.value && settings.status === 'fulfilled';
    if (core.status === 'rejected' || !core.value) this.addProblem('core', LABELS.errorCoreLoad);
    if (settings.status === 'rejected') {
      this.addProblem('settings', format(LABELS.errorSettings, errorMessage(settings.reason, '')).trim());
    }
    if (credentials.status === 'rejected') {
      this.addProblem('credentials', this.credentialsProblem(credentials.reason));
    }
    // Without its key the phone still works; its calls and notes just do not outlive the page.
    if (storageKey.status === 'rejected') {
      this.addProblem('storage', format(LABELS.errorStorage, errorMessage(storageKey.reason, '')).trim());
    }
    if (ready && credentials.status === 'fulfilled') {
      try {
        const secret = storageKey.status === 'fulfilled' ? storageKey.value : undefined;
        this.createPhone(core.value, settings.value, credentials.value, secret);
      } catch {
        this.addProblem('core', LABELS.errorStart);
      }
    }
    this.loading = false;
  }

  /** `storageSecret`: the agent's storage key (Apex), held in this page's memory only. */
  createPhone(core, settings, credentials, storageSecret) {
    this.settings = settings;
    this.core = core;
    this.deviceNumber = settings.deviceNumber || '';
    const ice = parseIceServers(settings.iceServers);
    if (!ice.ok) this.addProblem('ice', LABELS.errorIceServers);
    const bridge = new core.crm.BridgeClient({ transport: this.channel() });
    this.cleanups.push(() => bridge.dispose());
    this.crm = createCrmPort({
      searchVariants: core.dialing.searchVariants,
      country: settings.defaultCountry,
      bridge,
      navigate: (pageReference) => this[NavigationMixin.Navigate](pageReference),
      callFor: (callId) => this.callFor(callId),
    });
    const sip = toSipConfig(credentials, ice.iceServers, () => this.refreshCredentials());
    const phoneOptions = {
      sip,
      crm: this.crm,
      phone: toPhoneSettings(settings),
      dialing: toDialingSettings(settings),
      screenPop: toScreenPopPolicy(settings),
      alert: (input) => this.alertAgent(input),
      onRecent: (record) => this.keepRecent(record),
      device: { number: () => this.deviceNumber },
      // Calls and notes are kept in this browser sealed with the agent's key (none: not kept at all).
      storage: storageSecret ? { secret: storageSecret } : {},
      onError: (error) => this.coreProblem(error),
    };
    // One phone per user and line across this browser's tabs (same origin, so the same org).
    const softphone = core.createSharedSoftphone(phoneOptions, {
      key: `${USER_ID}:${sip.aor}`,
      alertFollower: (input) => this.alertAgent(input),
      onError: (error) =>
        this.addProblem('session', format(LABELS.errorSession, errorMessage(error, '')).trim()),
    });
    this.softphone = softphone;
    this.cleanups.push(softphone.subscribe((view) => this.show(view)));
    // Clicks on phone fields, relayed by the Open CTI bridge; the BridgeClient drops invalid messages.
    this.cleanups.push(
      this.crm.onClickToDial((click) =>
        softphone.dial(click.number, { record: clickedRecord(click), source: 'crm' }),
      ),
    );
    this.show(softphone.view());
    softphone.start();
  }

  get isDeskphone() {
    return this.view?.mode === 'deskphone';
  }

  /** The agent saves their own phone: checked against the dialing rules, then stored at user level. */
  async handleDeviceSave(event) {
    const { number } = event.detail;
    const checked = number ? this.core.dialing.prepareDial(number, toDialingSettings(this.settings)) : null;
    if (checked && !checked.ok) {
      this.deviceError = checked.message;
      return;
    }
    this.deviceSaving = true;
    try {
      const saved = await saveDeviceNumber({ deviceNumber: number });
      this.deviceNumber = saved.deviceNumber || '';
      this.deviceError = '';
    } catch (error) {
      this.deviceError = errorMessage(error, LABELS.deviceNumberSaveFailed);
    } finally {
      this.deviceSaving = false;
    }
  }

  /** Lightning Message Service as the BridgeClient's transport (channel Softphone__c, application scope). */
  channel() {
    return {
      publish: (message) => publish(this.messageContext, SOFTPHONE_CHANNEL, message),
      subscribe: (listener) => {
        const subscription = subscribe(this.messageContext, SOFTPHONE_CHANNEL, listener, {
          scope: APPLICATION_SCOPE,
        });
        return () => unsubscribe(subscription);
      },
    };
  }

  async refreshCredentials() {
    try {
      const credentials = await getSipCredentials();
      this.removeProblem('credentials');
      return toEphemeralCredentials(credentials);
    } catch (error) {
      this.addProblem('credentials', this.credentialsProblem(error));
      throw error;
    }
  }

  /** Problems the core reports that lose nothing: a failed screen pop, or calls not kept in this browser. */
  coreProblem(error) {
    if (error?.name === 'StorageError') {
      this.addProblem('storage', format(LABELS.errorStorage, error.message).trim());
    } else {
      this.addProblem('crm', format(LABELS.errorScreenPop, errorMessage(error, '')).trim());
    }
  }

  credentialsProblem(error) {
    return format(LABELS.errorCredentials, errorMessage(error, '')).trim();
  }

  /** The core's alert (the core rings on the agent's ringer): open and highlight the utility until it ends. */
  alertAgent() {
    this.alerts += 1;
    if (this.utilityId) open(this.utilityId).catch(ignore);
    this.highlight();
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      this.alerts -= 1;
      this.highlight();
    };
  }

  highlight() {
    if (this.utilityId) updateUtility(this.utilityId, { highlighted: this.alerts > 0 }).catch(ignore);
  }

  showUtilityLabel(label) {
    if (this.utilityId) updateUtility(this.utilityId, { label }).catch(ignore);
  }

  /** What the call log needs of a call that the view still shows. */
  callFor(callId) {
    const call = this.softphone?.view().calls.find((candidate) => candidate.callId === callId);
    if (!call) return undefined;
    const name = call.title !== call.remote.number ? call.title : call.remote.displayName;
    return { direction: call.direction, number: call.remote.number, name };
  }

  /**
   * Missed calls never reach the call log by themselves: record them so Recents lists them (the phone
   * changes the view's recentsRevision once this resolves, and Recents reloads in every tab).
   */
  keepRecent(record) {
    if (record.direction !== 'incoming' || !MISSED_OUTCOMES.includes(record.outcome)) return undefined;
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
      this.addProblem('missed', format(LABELS.errorMissedCall, errorMessage(error, '')).trim());
      throw error;
    });
  }

  show(view) {
    const before = this.view;
    this.view = view;
    const announcement = announcementFor(before, view);
    if (announcement) this.announcement = announcement;
    const label = utilityLabelFor(view);
    if (!before || label !== utilityLabelFor(before)) this.showUtilityLabel(label);
    if (view.session.lostCalls > 0 && !(before?.session.lostCalls > 0)) {
      this.addProblem('session-lost', LABELS.sessionCallsLost);
    }
    // The tab holding the phone pops the record once; the other tabs only mirror the call.
    if (this.settings?.screenPop === 'Search' && view.session.role === 'leader') {
      for (const call of answeredCalls(before, view)) {
        this.crm.screenPop({ type: 'SEARCH', params: { searchString: call.remote.number } }).catch(ignore);
      }
    }
  }

  renderedCallback() {
    if (this.focusCallId === undefined || !focusLost()) return;
    const card =
      this.template.querySelector(`[data-card="${this.focusCallId}"]`) ||
      this.template.querySelector('[data-card]');
    this.focusCallId = undefined;
    (card || this.template.querySelector('c-softphone-idle'))?.focus();
  }

  get cards() {
    return this.core.view.callCards(this.view);
  }

  callById(callId) {
    return this.view.calls.find((call) => call.callId === callId);
  }

  get originalCall() {
    return this.callById(this.view.consultation.originalCallId);
  }

  get consultCall() {
    return this.callById(this.view.consultation.consultCallId);
  }

  get conferenceMembers() {
    return this.view.calls.filter((call) => call.inConference);
  }

  get hasConference() {
    return this.conferenceMembers.length > 0;
  }

  get wrapUpRequired() {
    return this.settings?.wrapUpRequired === true;
  }

  get textReplies() {
    return this.settings?.textReplies || [];
  }

  /** Which tab holds the phone, said only when the agent has several. */
  get sessionNote() {
    const session = this.view.session;
    if (session.role === 'follower') return LABELS.sessionFollower;
    return session.role === 'leader' && session.followers > 0 ? LABELS.sessionLeader : '';
  }

  get isIdle() {
    return this.view.calls.length === 0;
  }

  get errors() {
    const entries = this.problems.map((problem) => ({ ...problem, dismissible: true }));
    if (this.view?.error) entries.push({ key: 'phone', error: this.view.error, dismissible: true });
    return entries;
  }

  addProblem(key, error) {
    this.problems = [...this.problems.filter((problem) => problem.key !== key), { key, error }];
  }

  removeProblem(key) {
    this.problems = this.problems.filter((problem) => problem.key !== key);
  }

  handleSend(event) {
    event.stopPropagation();
    if (event.detail.callId) this.focusCallId = event.detail.callId;
    if (AUDIO_GESTURES.has(event.detail.type)) this.resumeAudio();
    this.softphone?.send(event.detail);
  }

  /** The agent's click is what lets the conference's AudioContext play (browser autoplay policy). */
  resumeAudio() {
    this.softphone?.resumeAudio?.()?.catch(ignore);
  }

  handleDial(event) {
    event.stopPropagation();
    const { number, record, transfer } = event.detail;
    if (!this.softphone) return;
    this.resumeAudio();
    // An unsupervised transfer hands the call over while the third party still rings (the phone that
    // carries the calls decides, which may be another tab's).
    this.softphone.dial(number, {
      record,
      source: 'ui',
      ...(transfer === 'unsupervised' ? { transfer } : {}),
    });
  }

  handleRedirect(event) {
    event.stopPropagation();
    this.focusCallId = event.detail.callId;
    this.softphone?.redirect(event.detail.callId, event.detail.number);
  }

  async handleAudioToggle(event) {
    if (!event.detail.open || !this.softphone) {
      this.audio = undefined;
      return;
    }
    this.audio = { open: true, loading: true };
    await this.listAudioDevices();
  }

  async handleAudioChoose(event) {
    const { kind, deviceId } = event.detail;
    try {
      await this.softphone.chooseAudioDevices({ [kind]: deviceId });
      this.removeProblem('audio');
    } catch (error) {
      this.audioProblem(error);
    }
    await this.listAudioDevices();
  }

  async listAudioDevices() {
    try {
      const devices = await this.softphone.audioDevices();
      if (this.audio) this.audio = { open: true, loading: false, ...devices };
    } catch (error) {
      this.audio = undefined;
      this.audioProblem(error);
    }
  }

  audioProblem(error) {
    this.addProblem('audio', format(LABELS.errorAudioDevice, errorMessage(error, '')).trim());
  }

  get showAudioSettings() {
    return this.view.mode !== 'deskphone';
  }

  /** Focus leaving the utility for the page: the agent moved on, so no focus is given back. */
  handleFocusOut(event) {
    if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget))
      this.focusCallId = undefined;
  }

  handleChildError(event) {
    event.stopPropagation();
    this.problemCount += 1;
    this.addProblem(`problem-${this.problemCount}`, event.detail.error);
  }

  handleDismiss(event) {
    if (event.detail.key === 'phone') this.softphone?.send({ type: 'ui.error.dismiss' });
    else this.removeProblem(event.detail.key);
  }
}
