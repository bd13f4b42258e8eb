// Public surface of src/media.
export {};
