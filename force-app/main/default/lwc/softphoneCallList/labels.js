// The call list card's strings, from custom labels (translatable).
import last from '@salesforce/label/c.Softphone_Call_List_Last';
import next from '@salesforce/label/c.Softphone_Call_List_Next';
import skip from '@salesforce/label/c.Softphone_Call_List_Skip';
import skipName from '@salesforce/label/c.Softphone_Call_List_Skip_Name';
import stop from '@salesforce/label/c.Softphone_Call_List_Stop';
import title from '@salesforce/label/c.Softphone_Call_List_Title';

export const LABELS = { last, next, skip, skipName, stop, title };

/** A label with {0} replaced. */
export const format = (label, value) => label.replace('{0}', value);
