// <softphone-bridge-status>: the Open CTI bridge's state in its own panel (connecting / ready /
// click-to-dial enabled / error), announced politely to screen readers.
import { LitElement, css, html, nothing } from 'lit';
import type { BridgeState } from '../../protocol';
import type { BridgeStatusView } from './bridge-status-view';

const LABELS: Record<BridgeStatusView, string> = {
  connecting: 'Connecting to Salesforce…',
  ready: 'Phone bridge ready',
  'click-to-dial': 'Phone bridge ready, click-to-dial enabled',
  error: 'Phone bridge not connected',
};

export class BridgeStatusElement extends LitElement {
  static override properties = {
    state: { type: String, reflect: true },
    clickToDial: { type: Boolean, attribute: 'click-to-dial', reflect: true },
    message: { type: String },
  };

  static override styles = css`
    :host {
      display: block;
      font:
        13px/1.4 system-ui,
        -apple-system,
        'Segoe UI',
        sans-serif;
      color: #181818;
      padding: 8px 12px;
    }
    .status {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
    }
    .dot {
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: #747474;
      flex: none;
    }
    [data-view='ready'] .dot,
    [data-view='click-to-dial'] .dot {
      background: #2e844a;
    }
    [data-view='error'] .dot {
      background: #ba0517;
    }
    .message {
      flex-basis: 100%;
      color: #444444;
    }
    [data-view='error'] .message {
      color: #ba0517;
    }
  `;

  // Reactive properties are declared, not class fields: a class field would shadow lit's accessor
  // (useDefineForClassFields) and updates would never render.
  declare state: BridgeState;
  declare clickToDial: boolean;
  /** The latest problem in words for the agent; rendered as text, never as markup. */
  declare message: string;

  constructor() {
    super();
    this.state = 'connecting';
    this.clickToDial = false;
    this.message = '';
  }

  get view(): BridgeStatusView {
    if (this.state === 'ready') return this.clickToDial ? 'click-to-dial' : 'ready';
    return this.state === 'error' ? 'error' : 'connecting';
  }

  override render() {
    const view = this.view;
    return html`<div class="status" role="status" data-view=${view}>
      <span class="dot" aria-hidden="true"></span>
      <span class="label">${LABELS[view]}</span>
      ${this.message ? html`<span class="message">${this.message}</span>` : nothing}
    </div>`;
  }
}
