// Public surface of src/bridge.
export {};
