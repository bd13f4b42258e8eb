// The CrmPort the core needs (src/crm/crm-port.ts), implemented in the utility: Apex for searches and the
// call log, lightning/navigation for screen pops and the utility's page reference for the pages the agent
// lands on, on both paths (ADR 0007: the Open CTI bridge only relays clicks and announces itself).
import { encodeDefaultFieldValues } from 'lightning/pageReferenceUtils';
import searchByPhone from '@salesforce/apex/SoftphoneContactSearch.searchByPhone';
import searchByName from '@salesforce/apex/SoftphoneContactSearch.searchByName';
import logCall from '@salesforce/apex/SoftphoneCallLog.logCall';
import { errorMessage } from 'c/softphoneErrors';
import { LABELS } from 'c/softphoneLabels';

/** SoftphoneCallLog.CallLogInput.phoneNumber holds at most 40 characters. */
const MAX_LOGGED_NUMBER = 40;

function defined(object) {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== undefined && value !== null),
  );
}

/** A ContactMatch of the core from a SoftphoneContactSearch.Match; `phone` is the number to call on it. */
export function toContactMatch(match, phone) {
  return defined({
    id: match.id,
    name: match.name,
    objectType: match.objectType,
    phone: phone || match.phone || '',
    title: match.title,
    accountName: match.accountName,
  });
}

/** lightning/navigation's version of an Open CTI screen pop; null for the pops only Open CTI can do (FLOW). */
export function pageReferenceOf(target) {
  switch (target.type) {
    case 'SOBJECT':
      return {
        type: 'standard__recordPage',
        attributes: { recordId: target.params.recordId, actionName: 'view' },
      };
    case 'NEW_RECORD_MODAL':
      return {
        type: 'standard__objectPage',
        attributes: { objectApiName: target.params.entityName, actionName: 'new' },
        state: { defaultFieldValues: encodeDefaultFieldValues(target.defaultFieldValues || {}) },
      };
    case 'OBJECTHOME':
      return {
        type: 'standard__objectPage',
        attributes: { objectApiName: target.params.scope, actionName: 'home' },
      };
    case 'LIST':
      return {
        type: 'standard__objectPage',
        attributes: { objectApiName: target.params.scope, actionName: 'list' },
        state: { filterName: target.params.listViewId },
      };
    case 'URL':
      return { type: 'standard__webPage', attributes: { url: target.params.url } };
    case 'SEARCH':
      return { type: 'standard__search', state: { term: target.params.searchString } };
    default:
      return null;
  }
}

/** Whether the bridge's latest announcement (kept by the client; it repeats every few seconds) says ready. */
function trackBridge(bridge) {
  return () => bridge.bridgeStatus?.state === 'ready';
}

/** Softphone Setup's Crm_Path__c: Auto (the bridge when it answers), OpenCTI or Lightning (forced). */
export const CRM_PATHS = ['Auto', 'OpenCTI', 'Lightning'];

/** The path click-to-dial comes by: the admin's forced one, else Open CTI while the bridge says it is ready. */
export function livePath(setting, bridgeReady) {
  if (setting === 'OpenCTI' || setting === 'Lightning') return setting;
  return bridgeReady ? 'OpenCTI' : 'Lightning';
}

const failed = (error, fallback) => new Error(errorMessage(error, fallback));

/** Key prefixes of the people a call can take as its contact, for a page reference without objectApiName. */
const PERSON_PREFIXES = { '003': 'Contact', '00Q': 'Lead' };

/**
 * Open CTI's onNavigationChange on the Lightning path: the record page a page reference shows (the utility's
 * CurrentPageReference, "Use Page Context in the Utility Bar API"), or undefined for any other page.
 */
export function recordShownOf(pageReference) {
  if (pageReference?.type !== 'standard__recordPage') return undefined;
  const { recordId, objectApiName, actionName } = pageReference.attributes || {};
  if (typeof recordId !== 'string' || (actionName && actionName !== 'view')) return undefined;
  const objectType = objectApiName || PERSON_PREFIXES[recordId.slice(0, 3)];
  return objectType ? { recordId, objectType } : undefined;
}

/**
 * SoftphoneContactSearch through Apex. It gives a contact's account, which the core's ContactMatch has no
 * room for: `accountOf` keeps it for the call log.
 */
function contactSearch(searchVariants, country, accountOf) {
  const remember = (matches) => {
    for (const match of matches) if (match.accountId) accountOf.set(match.id, match.accountId);
    return matches.map((match) => toContactMatch(match));
  };
  return {
    async searchByNumber(number) {
      const variants = await searchVariants(number, country);
      if (variants.length === 0) return [];
      try {
        return remember(await searchByPhone({ phone: number, variants }));
      } catch (error) {
        throw failed(error, LABELS.errorSearch);
      }
    },

    async searchByName(term) {
      try {
        return remember(await searchByName({ term }));
      } catch (error) {
        throw failed(error, LABELS.errorSearch);
      }
    },
  };
}

/** SoftphoneCallLog's input for a call log entry of the core, with what the view still shows of the call. */
function callLogInput(entry, call, accountOf) {
  const number = call?.number;
  const whatId = entry.whatId || (entry.whoId ? accountOf.get(entry.whoId) : undefined);
  return defined({
    callId: entry.callId,
    direction: (call ? call.direction === 'incoming' : entry.callType !== 'Outbound')
      ? 'Inbound'
      : 'Outbound',
    internal: entry.callType === 'Internal',
    phoneNumber: number && number.length <= MAX_LOGGED_NUMBER ? number : undefined,
    displayName: call?.name,
    durationSeconds: entry.durationSeconds,
    disposition: entry.disposition,
    notes: entry.notes,
    whoId: entry.whoId,
    whatId,
    savedAt: entry.savedAt,
  });
}

/**
 * @param options.searchVariants SoftphoneCore.dialing.searchVariants
 * @param options.country the agent's default country (settings.defaultCountry)
 * @param options.bridge a SoftphoneCore.crm.BridgeClient on the Softphone__c channel
 * @param options.navigate shows a page reference (NavigationMixin.Navigate of the utility)
 * @param options.callFor callId → { direction, number, name } of a call the phone still shows
 * @param options.crmPath the admin's Crm_Path__c (Auto when empty)
 * @param options.onPageShown listener → unsubscribe: the utility's CurrentPageReference as it changes
 */
export function createCrmPort({ searchVariants, country, bridge, navigate, callFor, crmPath, onPageShown }) {
  const bridgeReady = trackBridge(bridge);
  const accountOf = new Map();

  const popHere = (target) => {
    const pageReference = pageReferenceOf(target);
    if (pageReference) navigate(pageReference);
  };

  return {
    ...contactSearch(searchVariants, country, accountOf),

    /** 'OpenCTI' or 'Lightning': how this utility shows records right now. */
    path: () => livePath(crmPath, bridgeReady()),

    async screenPop(target) {
      popHere(target);
    },

    async logCall(entry) {
      const input = callLogInput(entry, callFor(entry.callId), accountOf);
      try {
        const result = await logCall({ input });
        return { taskId: result.taskId };
      } catch (error) {
        // Apex's message starts with its code ("RELATED_RECORD: ..."): the core reads it (CallLogError.from).
        throw failed(error, LABELS.errorSaveLog);
      }
    },

    /**
     * Dial requests on the Softphone__c channel, from the bridge (clicks on phone fields) or from a record
     * page's call button (softphoneCallButton): the core dials them (src/crm/click-to-dial.ts).
     */
    onClickToDial(listener) {
      return bridge.onClickToDial(listener);
    },

    /** Record pages the agent lands on: the utility's own page reference, on both paths. */
    onRecordShown(listener) {
      if (!onPageShown) return () => undefined;
      return onPageShown((pageReference) => {
        const record = recordShownOf(pageReference);
        if (record) listener(record);
      });
    },
  };
}
