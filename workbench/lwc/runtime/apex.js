// EMULATION of Apex for the workbench: @salesforce/apex/<Class>.<method> imports become calls to the
// workbench server's emulated controllers, as the page's sample user. The function works imperatively
// and, for cacheable methods, as a wire adapter — like the platform's.
import { workbenchUserKey } from './user.js';

export function apexMethod(className, methodName, cacheable) {
  const call = async (params = {}) => {
    const res = await fetch(new URL(`/api/apex/${className}/${methodName}`, location.href), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-workbench-user': workbenchUserKey() },
      body: JSON.stringify(params ?? {}),
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) {
      // The shape Lightning gives a failed Apex call: { body: { message, ... }, status, statusText }.
      throw {
        body: { ...body, message: body.message ?? res.statusText },
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
      if (!cacheable) {
        this.dataCallback({
          data: undefined,
          error: {
            body: {
              message: `Apex method ${className}.${methodName} is not cacheable: @wire needs @AuraEnabled(cacheable=true). Call it imperatively.`,
            },
            status: 400,
            statusText: 'Bad Request',
          },
        });
        return;
      }
      call(config).then(
        (data) => this.dataCallback({ data, error: undefined }),
        (error) => this.dataCallback({ data: undefined, error }),
      );
    }
    disconnect() {}
  };
  return call;
}
