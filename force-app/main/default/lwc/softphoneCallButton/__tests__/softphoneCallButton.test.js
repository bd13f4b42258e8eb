/* eslint-disable @lwc/lwc/no-unexpected-wire-adapter-usages -- the tests play the platform: they emit the wires' values */
import { createElement } from 'lwc';
import axe from 'axe-core';
import { getRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { publish, resetMessageService, subscribe } from 'lightning/messageService';
import SOFTPHONE_CHANNEL from '@salesforce/messageChannel/Softphone__c';

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
mockCustomLabels();
const SoftphoneCallButton = require('c/softphoneCallButton').default;

const contactInfo = require('./data/contactObjectInfo.json');
const contactRecord = require('./data/contactRecord.json');

const CASE_INFO = {
  apiName: 'Case',
  nameFields: ['CaseNumber'],
  fields: {
    CaseNumber: { apiName: 'CaseNumber', label: 'Case Number', dataType: 'String' },
    Subject: { apiName: 'Subject', label: 'Subject', dataType: 'String' },
  },
};

const flush = () => Promise.resolve().then(() => Promise.resolve());

describe('c-softphone-call-button', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    resetMessageService();
    jest.clearAllMocks();
  });

  async function createComponent({
    objectApiName = 'Contact',
    info = contactInfo,
    record = contactRecord,
  } = {}) {
    const element = createElement('c-softphone-call-button', { is: SoftphoneCallButton });
    element.recordId = record?.id ?? '003WB0000000001YAA';
    element.objectApiName = objectApiName;
    document.body.appendChild(element);
    if (info) getObjectInfo.emit(info);
    await flush();
    if (record) getRecord.emit(record);
    await flush();
    return element;
  }

  const all = (element, id) => [...element.shadowRoot.querySelectorAll(`[data-id="${id}"]`)];
  const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);
  const accessible = async (element) => {
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations).toEqual([]);
  };

  it('asks for every Phone field of the object, as optional fields, with the record name', async () => {
    await createComponent();

    expect(getRecord.getLastConfig()).toEqual({
      recordId: '003WB0000000001YAA',
      optionalFields: ['Contact.Phone', 'Contact.MobilePhone', 'Contact.HomePhone', 'Contact.Name'],
    });
  });

  it('lists several phone fields with their labels and numbers, a call button each, and leaves blank ones out', async () => {
    const element = await createComponent();

    const fields = all(element, 'phone-field');
    expect(fields.map((field) => field.dataset.field)).toEqual(['Phone', 'MobilePhone']);
    expect(all(element, 'phone-label').map((label) => label.textContent)).toEqual([
      'Business Phone',
      'Mobile',
    ]);
    expect(all(element, 'phone-number').map((number) => number.value)).toEqual([
      '(415) 555-0101',
      '+1 415 555 0111',
    ]);
    expect(all(element, 'call').map((button) => button.alternativeText)).toEqual([
      'Call Business Phone (415) 555-0101',
      'Call Mobile +1 415 555 0111',
    ]);
    await accessible(element);
  });

  it('does not show a field the user cannot read: the record comes back without it', async () => {
    const { MobilePhone, ...readable } = contactRecord.fields;
    expect(MobilePhone).toBeDefined();
    const element = await createComponent({ record: { ...contactRecord, fields: readable } });

    expect(all(element, 'phone-field').map((field) => field.dataset.field)).toEqual(['Phone']);
  });

  it('says so when the object has no phone fields (a Case)', async () => {
    const element = await createComponent({
      objectApiName: 'Case',
      info: CASE_INFO,
      record: { apiName: 'Case', id: '500WB0000000001YAA', fields: { CaseNumber: { value: '00001001' } } },
    });

    expect(getRecord.getLastConfig().optionalFields).toEqual(['Case.CaseNumber']);
    expect(all(element, 'phone-field')).toEqual([]);
    expect($(element, 'no-numbers').textContent).toBe('This record has no phone number you can call.');
    await accessible(element);
  });

  it('says so when every phone field is blank', async () => {
    const blank = Object.fromEntries(
      Object.entries(contactRecord.fields).map(([name, field]) => [
        name,
        name === 'Name' ? field : { value: name === 'Phone' ? '   ' : null, displayValue: null },
      ]),
    );
    const element = await createComponent({ record: { ...contactRecord, fields: blank } });

    expect(all(element, 'phone-field')).toEqual([]);
    expect($(element, 'no-numbers')).not.toBeNull();
  });

  it('sends the softphone the same clickToDial request as the Open CTI bridge, with the record', async () => {
    const heard = jest.fn();
    subscribe({}, SOFTPHONE_CHANNEL, heard);
    const element = await createComponent();

    all(element, 'call')[1].click();
    await flush();

    expect(publish).toHaveBeenCalledTimes(1);
    expect(heard).toHaveBeenCalledWith({
      version: 1,
      type: 'clickToDial',
      requestId: expect.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
      payload: {
        number: '+1 415 555 0111',
        recordId: '003WB0000000001YAA',
        recordName: 'Alice Nguyen',
        objectType: 'Contact',
      },
    });
    expect($(element, 'call-sent').textContent).toBe('Sent to the softphone: +1 415 555 0111');
    await accessible(element);
  });

  it('shows an alert when the record cannot be read', async () => {
    const element = await createComponent({ record: null });
    getRecord.error();
    await flush();

    expect($(element, 'call-button-error').getAttribute('role')).toBe('alert');
    expect(all(element, 'phone-field')).toEqual([]);
    await accessible(element);
  });
});
