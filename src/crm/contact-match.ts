// A CRM record that matches a caller's number, as the contact search returns it.

export type ContactObjectType = 'Contact' | 'Lead' | 'Account' | 'User';

export interface ContactMatch {
  /** Salesforce record id. */
  id: string;
  name: string;
  objectType: ContactObjectType;
  /** The phone number that matched, as stored on the record. */
  phone: string;
  accountName?: string;
  title?: string;
}
