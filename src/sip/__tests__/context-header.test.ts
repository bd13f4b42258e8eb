import { contextFromAgent, formatContextHeader, parseContextHeader } from '../context-header';

describe('X-Softphone-Context', () => {
  const recordId = '001D000000IqhSLIAZ';

  test('is written as number=<number>;record=<18-character id>', () => {
    expect(formatContextHeader({ number: '+14155550100', recordId })).toBe(
      `number=+14155550100;record=${recordId}`,
    );
  });

  test('refuses to write a record id without a valid checksum or a number with letters', () => {
    expect(() => formatContextHeader({ number: '+14155550100', recordId: '001D000000IqhSLIAA' })).toThrow(
      expect.objectContaining({ code: 'invalid-argument' }),
    );
    expect(() => formatContextHeader({ number: '555-CALL', recordId })).toThrow(/customer number/);
  });

  test('reads back what it writes, in either parameter order, with spaces around', () => {
    expect(parseContextHeader(`number=+14155550100;record=${recordId}`)).toEqual({
      number: '+14155550100',
      recordId,
    });
    expect(parseContextHeader(` record=${recordId} ; number=4155550100 `)).toEqual({
      number: '4155550100',
      recordId,
    });
  });

  test.each([
    ['a missing record', 'number=+14155550100'],
    ['a 15-character id', 'number=1;record=001D000000IqhSL'],
    ['a bad checksum', 'number=1;record=001D000000IqhSLIAA'],
    ['a duplicated parameter', `number=1;number=2;record=${recordId}`],
    ['an unknown parameter', `number=1;record=${recordId};url=https://evil.example`],
    ['a number with letters', `number=1x;record=${recordId}`],
    ['an injected header', `number=1;record=${recordId}\r\nX-Evil: 1`],
    ['an oversized value', `number=1;record=${recordId};${'x'.repeat(200)}`],
    ['nothing', undefined],
  ])('ignores %s', (_label, value) => {
    expect(parseContextHeader(value)).toBeUndefined();
  });

  describe('is believed only on a call the SIP edge says an agent placed (X-Softphone-Agent)', () => {
    const header = `number=+14155550100;record=${recordId}`;

    test("another agent's consult call: the context is used", () => {
      expect(contextFromAgent(header, 'alice')).toEqual({ number: '+14155550100', recordId });
    });

    test.each([
      ['a customer (no X-Softphone-Agent)', undefined],
      ['an empty agent header', ''],
      ['an agent header that is not a SIP user', 'alice bob'],
      ['an oversized agent header', 'a'.repeat(65)],
    ])('the context of %s is ignored', (_label, agent) => {
      expect(contextFromAgent(header, agent)).toBeUndefined();
    });

    test('an agent with a malformed context still gets none', () => {
      expect(contextFromAgent('number=1;record=001D000000IqhSLIAA', 'alice')).toBeUndefined();
    });
  });
});
