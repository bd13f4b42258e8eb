// Public surface of src/media.
export * from './conference-mixer';
export * from './media-errors';
