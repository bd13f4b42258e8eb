// EMULATION of Apex for the workbench: @salesforce/apex/<Class>.<method> imports become calls to the
// workbench server's emulated controllers. The function works imperatively and as a wire adapter.
export function apexMethod(className, methodName, cacheable) {
  const call = async (params = {}) => {
    const res = await fetch(`/api/apex/${className}/${methodName}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(params),
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) {
      // The shape Lightning gives a failed Apex call: { body: { message }, status, statusText }.
      throw {
        body: { message: body.message ?? res.statusText },
        status: res.status,
        statusText: res.statusText,
      };
    }
    return body.result;
  };
  call.adapter = class ApexWireAdapter {
    constructor(dataCallback) {
      this.dataCallback = dataCallback;
    }
    connect() {}
    update(config) {
      if (!cacheable) return;
      call(config).then(
        (data) => this.dataCallback({ data, error: undefined }),
        (error) => this.dataCallback({ data: undefined, error }),
      );
    }
    disconnect() {}
  };
  return call;
}
