// Public surface of src/dialing.
export {};
