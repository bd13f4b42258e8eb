// What the page around a component does with the platform's requests. The emulated lightning/* modules
// (this folder) keep the platform's behaviour; the host only adds what a page shows. With no host (Jest)
// requests go nowhere, resources load at once and no utility panel is open; the workbench installs its
// page with enableAcrossFrames() (across-frames.js).
const noHost = {
  /** A request the page renders (navigate, utility, toast): type and its detail. */
  notify() {},
  /** Loads a static resource ('script' or 'style') into the page. */
  load: () => Promise.resolve(),
  /** Whether the page shows this utility's panel. */
  utilityVisible: () => false,
  /** The page's answer to a Lightning Data Service wire (adapter name, config); undefined: none. */
  uiApi: () => Promise.resolve(undefined),
};

let host = noHost;

export function setHost(pageHost) {
  host = { ...noHost, ...pageHost };
}

export const notifyHost = (type, detail) => host.notify(type, detail);
export const loadInHost = (kind, url) => host.load(kind, url);
export const utilityVisibleInHost = (utilityId) => host.utilityVisible(utilityId);
export const askHost = (adapter, config) => host.uiApi(adapter, config);

/**
 * A platform function as a Jest spy when Jest runs the module (tests assert calls and override results
 * with mockResolvedValueOnce and the like), the plain function in the browser.
 */
export const spy = (fn) => (typeof jest === 'undefined' ? fn : jest.fn(fn));

/**
 * A wire adapter class as LWC's wire protocol expects: the data callback of every connected component
 * hears `emit(value)` (the API of createTestWireAdapter that the component tests use). What a newly
 * connected component receives first is the page's: `provide(value)` (the workbench's utility id,
 * current page...); Jest provides nothing, so tests decide when a value arrives.
 */
export function wireAdapter() {
  const connected = new Set();
  let provided;
  return class WireAdapter {
    constructor(dataCallback) {
      this.dataCallback = dataCallback;
    }
    connect() {
      connected.add(this);
      if (provided) this.dataCallback(provided.value);
    }
    update() {}
    disconnect() {
      connected.delete(this);
    }
    static emit(value) {
      for (const adapter of [...connected]) adapter.dataCallback(value);
    }
    static provide(value) {
      provided = { value };
    }
  };
}
