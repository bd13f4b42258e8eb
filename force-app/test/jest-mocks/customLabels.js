/**
 * Makes `@salesforce/label/c.<Name>` imports resolve to their texts in CustomLabels.labels-meta.xml, so component
 * tests read like the screen and a label missing from the file shows up as its "c.Name" fallback.
 * Call it before requiring the component under test; returns { <Name>: text }.
 */
const { readFileSync } = require('fs');
const path = require('path');

const LABELS_FILE = path.join(
  __dirname,
  '..',
  '..',
  'main',
  'default',
  'labels',
  'CustomLabels.labels-meta.xml',
);

const decode = (xml) =>
  xml
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function readCustomLabels() {
  return Object.fromEntries(
    [
      ...readFileSync(LABELS_FILE, 'utf8').matchAll(
        /<fullName>([^<]+)<\/fullName>[\s\S]*?<value>([^<]*)<\/value>/g,
      ),
    ].map(([, name, value]) => [name, decode(value)]),
  );
}

function mockCustomLabels() {
  const labels = readCustomLabels();
  for (const [name, value] of Object.entries(labels)) {
    jest.doMock(`@salesforce/label/c.${name}`, () => ({ default: value }), { virtual: true });
  }
  return labels;
}

module.exports = { mockCustomLabels, readCustomLabels };
