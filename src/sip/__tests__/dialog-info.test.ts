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
