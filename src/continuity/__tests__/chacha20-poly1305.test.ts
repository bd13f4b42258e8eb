// The synchronous AEAD that seals customer data in browser storage: RFC 8439's own vectors, and the same
// bytes as Node's OpenSSL ChaCha20-Poly1305 for sizes around every block boundary.
import { createCipheriv, randomBytes } from 'node:crypto';
import { chacha20, open, poly1305, seal } from '../chacha20-poly1305';

const hex = (text: string) => Uint8Array.from(Buffer.from(text.replace(/[\s:]/g, ''), 'hex'));
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('ChaCha20-Poly1305 (RFC 8439)', () => {
  it('ChaCha20 gives the keystream of section 2.4.2', () => {
    const key = Uint8Array.from({ length: 32 }, (_, i) => i);
    const nonce = hex('000000000000004a00000000');
    const text = Buffer.from(
      "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.",
    );
    expect(toHex(chacha20(key, nonce, 1, text)).slice(0, 64)).toBe(
      '6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b',
    );
  });

  it('Poly1305 gives the tag of section 2.5.2', () => {
    const key = hex(
      '85:d6:be:78:57:55:6d:33:7f:44:52:fe:42:d5:06:a8:01:03:80:8a:fb:0d:b2:fd:4a:bf:f6:af:41:49:f5:1b',
    );
    expect(toHex(poly1305(key, Buffer.from('Cryptographic Forum Research Group')))).toBe(
      'a8061dc1305136c6c22b8baf0c0127a9',
    );
  });

  it('seals the AEAD example of section 2.8.2', () => {
    const key = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    const nonce = hex('070000004041424344454647');
    const aad = hex('50515253c0c1c2c3c4c5c6c7');
    const text = Buffer.from(
      "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.",
    );
    const sealed = seal(key, nonce, text, aad);
    expect(toHex(sealed.subarray(0, 16))).toBe('d31a8d34648e60db7b86afbc53ef7ec2');
    expect(toHex(sealed.subarray(sealed.length - 16))).toBe('1ae10b594f09e26a7e902ecbd0600691');
    expect(Buffer.from(open(key, nonce, sealed, aad) ?? []).toString()).toBe(text.toString());
  });

  it.each([0, 1, 15, 16, 17, 63, 64, 65, 1000, 40_000])('matches OpenSSL for %i bytes', (size) => {
    const key = randomBytes(32);
    const nonce = randomBytes(12);
    const aad = randomBytes(size % 37);
    const text = randomBytes(size);
    const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
    cipher.setAAD(aad, { plaintextLength: size });
    const expected = Buffer.concat([cipher.update(text), cipher.final(), cipher.getAuthTag()]);
    expect(toHex(seal(key, nonce, text, aad))).toBe(expected.toString('hex'));
  });

  it('opens nothing under another key, another associated name, or with one bit changed', () => {
    const key = randomBytes(32);
    const nonce = randomBytes(12);
    const aad = Buffer.from('softphone.calls:005A:sip:1001@softphone.test');
    const sealed = seal(key, nonce, Buffer.from('Alice Nguyen'), aad);
    expect(open(randomBytes(32), nonce, sealed, aad)).toBeUndefined();
    expect(
      open(key, nonce, sealed, Buffer.from('softphone.calls:005B:sip:1001@softphone.test')),
    ).toBeUndefined();
    const altered = Uint8Array.from(sealed);
    altered[3] = (altered[3] ?? 0) ^ 1;
    expect(open(key, nonce, altered, aad)).toBeUndefined();
    expect(Buffer.from(open(key, nonce, sealed, aad) ?? []).toString()).toBe('Alice Nguyen');
  });
});
