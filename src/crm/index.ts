// Public surface of src/crm.
export type { ContactMatch, ContactObjectType } from './contact-match';
