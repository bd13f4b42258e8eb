import { checksum, isCaseSafeId, isSalesforceId } from '../salesforce-id';

test('the checksum encodes the case of the first 15 characters, 5 at a time', () => {
  expect(checksum('001D000000IqhSL')).toBe('IAZ');
  expect(checksum('003000000000001')).toBe('AAA');
  expect(checksum('00T000000000001')).toBe('EAA');
});

test('case-safe ids are 18 characters whose last 3 encode the case of the first 15', () => {
  expect(isCaseSafeId('001D000000IqhSLIAZ')).toBe(true);
  expect(isCaseSafeId('001d000000IqhSLIAZ')).toBe(false);
  expect(isCaseSafeId('001D000000IqhSL')).toBe(false);
  expect(isCaseSafeId(18)).toBe(false);
});

test('a Salesforce id is 15 characters, or 18 with a valid checksum', () => {
  expect(isSalesforceId('001D000000IqhSL')).toBe(true);
  expect(isSalesforceId('001D000000IqhSLIAZ')).toBe(true);
  expect(isSalesforceId('001D000000IqhSLIAA')).toBe(false);
  expect(isSalesforceId('001D000000IqhS')).toBe(false);
  expect(isSalesforceId(undefined)).toBe(false);
});
