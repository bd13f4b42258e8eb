// Public surface of src/ui.
export {};
