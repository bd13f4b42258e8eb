// A Refer-To that carries a header for the referee's INVITE (RFC 3515 §2.1): the URI gets `?name=value` and,
// since SIP.js writes a URI Refer-To bare, the name-addr brackets a URI with `?` needs.
import { URI } from 'sip.js';

export class ReferToTarget extends URI {
  static withHeader(target: URI, name: string, value: string): ReferToTarget {
    const uri = new ReferToTarget(target.scheme, target.user ?? '', target.host, target.port, {
      ...target.parameters,
    });
    uri.setHeader(name, encodeURIComponent(value));
    return uri;
  }

  override toString(): string {
    return `<${super.toString()}>`;
  }
}
