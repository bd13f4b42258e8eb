// The call button's strings, from custom labels (translatable).
import call from '@salesforce/label/c.Softphone_Call_Button_Call';
import error from '@salesforce/label/c.Softphone_Call_Button_Error';
import noNumbers from '@salesforce/label/c.Softphone_Call_Button_No_Numbers';
import numbers from '@salesforce/label/c.Softphone_Call_Button_Numbers';
import sent from '@salesforce/label/c.Softphone_Call_Button_Sent';
import title from '@salesforce/label/c.Softphone_Call_Button_Title';

export const LABELS = { call, error, noNumbers, numbers, sent, title };

/** A label with {0}, {1}... replaced in order. */
export const format = (label, ...values) =>
  values.reduce((text, value, index) => text.replace(`{${index}}`, value), label);
