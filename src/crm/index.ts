// Public surface of src/crm.
export {};
