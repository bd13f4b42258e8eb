/**
 * Project-wide mock of lightning/platformResourceLoader: loading always succeeds.
 * Use loadScript.mockRejectedValueOnce(error) to test a failed static resource load.
 */
export const loadScript = jest.fn(() => Promise.resolve());
export const loadStyle = jest.fn(() => Promise.resolve());
