/** A value of one Salesforce field in saveLog or default field values. */
export type FieldValue = string | number | boolean | null;
