import { LightningElement, api, wire } from 'lwc';
import { getRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { MessageContext, publish } from 'lightning/messageService';
import SOFTPHONE_CHANNEL from '@salesforce/messageChannel/Softphone__c';
import { LABELS, format } from './labels';
import { nameFieldName, phoneFieldNames, phoneNumbersOf, recordNameOf } from './phoneFields';
import { dialRequest } from './dialRequest';

/**
 * Click-to-dial without Open CTI: on a record page (or as its quick action) it lists the record's phone
 * fields the agent can read, each with a Call button that sends the softphone utility the same dial
 * request as the Open CTI bridge.
 */
export default class SoftphoneCallButton extends LightningElement {
  @api recordId;
  @api objectApiName;
  labels = LABELS;
  objectInfo;
  record;
  error;
  sentNumber;

  @wire(MessageContext) messageContext;

  @wire(getObjectInfo, { objectApiName: '$objectApiName' })
  wiredObjectInfo({ data, error }) {
    if (data) this.objectInfo = data;
    this.error = error;
  }

  /** Optional fields: a field the user cannot read is left out of the record instead of failing it. */
  get optionalFields() {
    if (!this.objectInfo) return undefined;
    const name = nameFieldName(this.objectInfo);
    return [...phoneFieldNames(this.objectInfo), ...(name ? [name] : [])];
  }

  @wire(getRecord, { recordId: '$recordId', optionalFields: '$optionalFields' })
  wiredRecord({ data, error }) {
    if (data) this.record = data;
    this.error = error;
  }

  get loading() {
    return !this.error && (!this.objectInfo || !this.record);
  }

  get numbers() {
    return phoneNumbersOf(this.objectInfo, this.record).map((entry) => ({
      ...entry,
      callLabel: format(LABELS.call, entry.label, entry.value),
    }));
  }

  get hasNumbers() {
    return this.numbers.length > 0;
  }

  get sentMessage() {
    return this.sentNumber ? format(LABELS.sent, this.sentNumber) : '';
  }

  handleCall(event) {
    const entry = this.numbers.find((candidate) => candidate.apiName === event.currentTarget.dataset.field);
    if (!entry) return;
    publish(
      this.messageContext,
      SOFTPHONE_CHANNEL,
      dialRequest({
        number: entry.value,
        recordId: this.recordId,
        recordName: recordNameOf(this.objectInfo, this.record),
        objectType: this.objectApiName,
      }),
    );
    this.sentNumber = entry.value;
  }
}
