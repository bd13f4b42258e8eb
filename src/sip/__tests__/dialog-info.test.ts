import { MAX_DIALOG_INFO_CHARS, parseDialogInfo, terminatedCallIds } from '../dialog-info';

// As Kamailio's pua_dialoginfo publishes it (presence_dialoginfo aggregates into this form).
const kamailioNotify = `<?xml version="1.0"?>
<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="3" state="full" entity="sip:agent@softphone.test">
  <dialog id="a84b4c76e66710" call-id="a84b4c76e66710@pc33" local-tag="1928301774" direction="recipient">
    <state>terminated</state>
    <remote><identity>sip:1001@softphone.test</identity><target uri="sip:1001@softphone.test"/></remote>
  </dialog>
  <dialog id="other" call-id="q&amp;9" direction="initiator"><state event="rejected">confirmed</state></dialog>
</dialog-info>`;

describe('dialog-info documents (RFC 4235)', () => {
  it('reads each dialog’s id, Call-ID and state from a full document', () => {
    expect(parseDialogInfo(kamailioNotify)).toEqual({
      version: 3,
      kind: 'full',
      entity: 'sip:agent@softphone.test',
      dialogs: [
        { id: 'a84b4c76e66710', callId: 'a84b4c76e66710@pc33', state: 'terminated' },
        { id: 'other', callId: 'q&9', state: 'confirmed' },
      ],
    });
  });

  it('reports only terminated dialogs that carry a Call-ID as ended calls', () => {
    const info = parseDialogInfo(kamailioNotify)!;
    expect(terminatedCallIds(info)).toEqual(['a84b4c76e66710@pc33']);
    const noCallId = parseDialogInfo(
      '<dialog-info version="0" state="partial" entity="sip:a@b"><dialog id="x"><state>terminated</state></dialog></dialog-info>',
    )!;
    expect(terminatedCallIds(noCallId)).toEqual([]);
  });

  it('accepts a namespace prefix and an empty document', () => {
    expect(
      parseDialogInfo(
        '<d:dialog-info xmlns:d="urn:ietf:params:xml:ns:dialog-info" version="1" state="full" entity="sip:a@b"><d:dialog id="1" call-id="c1"><d:state>early</d:state></d:dialog></d:dialog-info>',
      )?.dialogs,
    ).toEqual([{ id: '1', callId: 'c1', state: 'early' }]);
    expect(
      parseDialogInfo(
        '<dialog-info version="1" state="full" entity="sip:a@b"/>'.replace('/>', '></dialog-info>'),
      )?.dialogs,
    ).toEqual([]);
  });

  it.each([
    ['an empty body', ''],
    ['another document', '<presence entity="sip:a@b"></presence>'],
    [
      'a DTD (entity expansion)',
      '<!DOCTYPE x [<!ENTITY a "aaaa">]><dialog-info version="1" state="full" entity="sip:a@b"></dialog-info>',
    ],
    ['a missing version', '<dialog-info state="full" entity="sip:a@b"></dialog-info>'],
    ['an unknown document state', '<dialog-info version="1" state="some" entity="sip:a@b"></dialog-info>'],
    ['trailing content', '<dialog-info version="1" state="full" entity="sip:a@b"></dialog-info><x/>'],
    [
      'an oversized body',
      `<dialog-info version="1" state="full" entity="sip:a@b">${' '.repeat(MAX_DIALOG_INFO_CHARS)}</dialog-info>`,
    ],
  ])('refuses %s', (_, body) => {
    expect(parseDialogInfo(body)).toBeUndefined();
  });

  it('skips dialogs with an unknown state, numeric entities or broken attributes instead of guessing', () => {
    const body = `<dialog-info version="1" state="full" entity="sip:a@b">
      <dialog id="1" call-id="c1"><state>gone</state></dialog>
      <dialog id="2" call-id="&#99;2"><state>terminated</state></dialog>
      <dialog id="3" call-id=c3><state>terminated</state></dialog>
      <dialog id="4" call-id="c4"><state>terminated</state>
    </dialog-info>`;
    expect(parseDialogInfo(body)?.dialogs).toEqual([]);
  });
});

describe('dialog-info documents from a hostile peer', () => {
  /** Fastest of a few runs (a busy machine may pause any single one), in ms. */
  function fastest(body: string): number {
    let best = Infinity;
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      parseDialogInfo(body);
      best = Math.min(best, performance.now() - started);
    }
    return best;
  }
  const inRoot = (inner: string) =>
    `<dialog-info version="1" state="full" entity="sip:a@b">${inner}</dialog-info>`;
  /** `unit` repeated to fill a body just under the size limit. */
  const filled = (unit: string) => unit.repeat(Math.floor((MAX_DIALOG_INFO_CHARS - 200) / unit.length));
  /** An honest document as large as the hostile ones: hundreds of dialogs (only the first 64 are kept). */
  const honest = inRoot(
    filled(
      '<dialog id="d1" call-id="c1" direction="recipient"><state>confirmed</state><remote><identity>sip:1@b</identity></remote></dialog>\n',
    ),
  );

  it('reads a 64 KB honest document, keeping at most 64 dialogs', () => {
    expect(parseDialogInfo(honest)?.dialogs).toHaveLength(64);
  });

  // Linear means about as fast as the honest document of the same size (measured here: 1-3 ms each). The
  // bound is generous on purpose (a busy machine); before the reader went linear the worst of these took
  // 3 s (a regex rescanning the rest of the body at each tag or attribute character).
  it.each([
    ['64 KB of unclosed dialog tags', inRoot(filled('<dialog '))],
    ['64 KB of dialogs that never close', inRoot(filled('<dialog id="x" call-id="c">'))],
    ['64 KB of unclosed state tags in one dialog', inRoot(`<dialog id="x">${filled('<state ')}</dialog>`)],
    ['deep nesting', inRoot(filled('<a>'))],
    ['deeply nested dialogs', inRoot(filled('<dialog id="d"><remote>'))],
    ['thousands of attributes', inRoot(`<dialog id="x" ${filled('a="1" ')}><state>early</state></dialog>`)],
    ['a 64 KB attribute name', inRoot(`<dialog ${filled('a')}>`)],
    ['a 64 KB attribute name on the root', `<dialog-info ${filled('a')}></dialog-info>`],
    ['64 KB of prologs', `${filled('<?xml?>')}${inRoot('')}`],
  ])('reads %s in linear time', (_, body) => {
    expect(body.length).toBeLessThanOrEqual(MAX_DIALOG_INFO_CHARS);
    const budget = Math.max(50, 20 * fastest(honest));
    expect(fastest(body)).toBeLessThan(budget);
  });
});
