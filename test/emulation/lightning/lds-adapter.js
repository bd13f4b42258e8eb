// A Lightning Data Service wire adapter as LWC's wire protocol expects, with the test API of
// @salesforce/wire-service-jest-util's LDS adapters: `emit(data)` gives connected components
// `{ data, error: undefined }`, `error(body, status, statusText)` gives them an error, `getLastConfig()`
// is the config the component last asked with. In the workbench, each config is also asked of the page
// (the UI API emulation behind it); with no host (Jest) only the test's emit and error answer.
import { askHost } from './host.js';

export function ldsAdapter(name) {
  const connected = new Set();
  let lastConfig;
  const send = (adapter, value) => {
    if (connected.has(adapter)) adapter.dataCallback(value);
  };
  return class LdsAdapter {
    constructor(dataCallback) {
      this.dataCallback = dataCallback;
    }
    connect() {
      connected.add(this);
    }
    update(config) {
      lastConfig = config;
      // Like Lightning Data Service, nothing is fetched until every parameter has a value.
      if (Object.values(config ?? {}).some((value) => value === undefined)) return;
      askHost(name, config).then(
        (data) => data !== undefined && send(this, { data, error: undefined }),
        (error) => send(this, { data: undefined, error }),
      );
    }
    disconnect() {
      connected.delete(this);
    }
    static emit(data) {
      for (const adapter of [...connected]) send(adapter, { data, error: undefined });
    }
    static error(
      body = { message: 'An internal server error has occurred' },
      status = 500,
      statusText = 'Internal Server Error',
    ) {
      for (const adapter of [...connected])
        send(adapter, { data: undefined, error: { body, ok: false, status, statusText } });
    }
    static getLastConfig() {
      return lastConfig;
    }
  };
}
