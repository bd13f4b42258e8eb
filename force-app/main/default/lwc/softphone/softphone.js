import { LightningElement, wire } from 'lwc';
import { CurrentPageReference, NavigationMixin } from 'lightning/navigation';
import { MessageContext } from 'lightning/messageService';
import { EnclosingUtilityId, enablePopout, open, updateUtility } from 'lightning/platformUtilityBarApi';
import { errorMessage } from 'c/softphoneErrors';
import { LABELS, format } from 'c/softphoneLabels';
import { startSoftphoneService } from 'c/softphoneService';
import { announcementFor, answeredCalls, showsRequest, utilityLabelFor } from './viewChanges';

/** Clicks after which the agent hears audio (a call or the conference mix): each resumes the AudioContext. */
const AUDIO_GESTURES = new Set(['ui.answer', 'ui.resume', 'ui.conference.start', 'ui.conference.merge']);

function ignore() {
  return undefined;
}

/** Bench B7 times the phone from its start to registered with these marks (docs/performance.md). */
const mark = (name) => performance.mark?.(name);

/** The element that had the focus was removed (its button is no longer offered). */
function focusLost() {
  return !document.activeElement || document.activeElement === document.body;
}

/**
 * The agent's softphone in the utility bar: its service module (c/softphoneService) loads the core with the
 * agent's settings and credentials and gives it the CRM; this component gives it the utility bar and
 * renders its view model through the child components. Every call decision is the core's;
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
  /** The started c/softphoneService: the core, the CRM port and the phone. */
  service;
  /** Deskphone mode: the agent's own phone, read by the core at each call. */
  deviceNumber = '';
  deviceError = '';
  deviceSaving = false;
  softphone;
  crm;
  alerts = 0;
  problemCount = 0;
  /** Bumped on every connect and disconnect, so a start that outlived its connection does nothing. */
  generation = 0;
  /** The call the agent last acted on: its card gets the focus back when the button they used goes away. */
  focusCallId;
  /** A list view's call list while it runs (the core's CallList), or null. */
  callList = null;
  /** The agent's last click-to-dial in this tab: the panel opens once the view shows its call (or card). */
  revealCallId;

  /** Who hears the page the agent is on (the CRM port, for the record a "New contact" form saved). */
  pageListeners = new Set();

  /** A utility hears the page around it ("Use Page Context in the Utility Bar API"). */
  @wire(CurrentPageReference)
  wiredPageReference(pageReference) {
    for (const listener of [...this.pageListeners]) listener(pageReference);
  }

  @wire(EnclosingUtilityId)
  wiredUtilityId(utilityId) {
    this.utilityId = typeof utilityId === 'string' ? utilityId : undefined;
    // A popped-out utility is a window the agent can close with a live call and its audio in it.
    if (this.utilityId)
      enablePopout(this.utilityId, false, { disabledText: LABELS.popoutRefused }).catch(ignore);
    this.showUtilityLabel(utilityLabelFor(this.view));
  }

  connectedCallback() {
    mark('softphone:start');
    this.generation += 1;
    this.start(this.generation);
  }

  disconnectedCallback() {
    this.generation += 1;
    this.service?.dispose();
    this.service = undefined;
    const softphone = this.softphone;
    this.softphone = undefined;
    if (softphone) softphone.stop().catch(ignore);
  }

  async start(generation) {
    await startSoftphoneService(
      {
        component: this,
        messageContext: () => this.messageContext,
        navigate: (pageReference) => this[NavigationMixin.Navigate](pageReference),
        alert: (input) => this.alertAgent(input),
        dialRequested: (callId) => this.revealWhenShown(callId),
        deviceNumber: () => this.deviceNumber,
        attach: (service) => {
          this.service = service;
          this.callList = service.callList.state();
          service.callList.subscribe((list) => {
            this.callList = list;
          });
          this.settings = service.settings;
          this.crm = service.crm;
          this.softphone = service.softphone;
          this.deviceNumber = service.settings.deviceNumber || '';
        },
        show: (view) => this.show(view),
        problem: (key, error) => this.addProblem(key, error),
        resolved: (key) => this.removeProblem(key),
        onPageShown: (listener) => {
          this.pageListeners.add(listener);
          return () => this.pageListeners.delete(listener);
        },
      },
      () => generation === this.generation,
    );
    if (generation === this.generation) this.loading = false;
  }

  get isDeskphone() {
    return this.view?.mode === 'deskphone';
  }

  /** The agent saves their own phone: checked against the dialing rules, then stored at user level. */
  async handleDeviceSave(event) {
    const { number } = event.detail;
    const refused = this.service.deviceNumberProblem(number);
    if (refused) {
      this.deviceError = refused;
      return;
    }
    this.deviceSaving = true;
    try {
      this.deviceNumber = await this.service.saveDeviceNumber(number);
      this.deviceError = '';
    } catch (error) {
      this.deviceError = errorMessage(error, LABELS.deviceNumberSaveFailed);
    } finally {
      this.deviceSaving = false;
    }
  }

  /**
   * The agent clicked a number in this tab (whichever tab dials it): open the panel when the view shows the
   * call, so the agent sees it without opening the utility. A newer click replaces an older one.
   */
  revealWhenShown(callId) {
    this.revealCallId = callId;
    if (this.view) this.reveal(this.view);
  }

  reveal(view) {
    if (this.revealCallId === undefined || !showsRequest(view, this.revealCallId)) return;
    this.revealCallId = undefined;
    if (this.utilityId) open(this.utilityId).catch(ignore);
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

  show(view) {
    const before = this.view;
    this.view = view;
    if (view.registration === 'registered' && before?.registration !== 'registered') {
      mark('softphone:registered');
    }
    const announcement = announcementFor(before, view, this.service.core.view);
    if (announcement) this.announcement = announcement;
    this.reveal(view);
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
    return this.service ? this.service.core.view.callCards(this.view) : [];
  }

  /** The core's view module, for the children that lay calls out by status. */
  get coreView() {
    return this.service?.core.view;
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

  /** The customer's call, whose notes the conference shows (none when the agent may not write any). */
  get conferenceNotesCall() {
    return this.callById(this.view.conferenceNotesCallId);
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

  handleCallListSkip() {
    this.service?.callList.skip();
  }

  handleCallListStop() {
    this.service?.callList.stop();
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
