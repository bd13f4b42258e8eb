// Public surface of src/sip.
export {};
