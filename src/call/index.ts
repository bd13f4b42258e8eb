// Public surface of src/call.
export {};
