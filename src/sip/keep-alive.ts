// Proves the WebSocket still carries SIP: an OPTIONS to the registrar every interval. Any response means
// alive; silence past the timeout means the connection is dead even if the socket looks open (a half-open
// TCP connection after a network change), and `onDead` runs.
import type { UserAgent, URI } from 'sip.js';

export class KeepAlive {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ua: UserAgent,
    private readonly target: URI,
    private readonly intervalMs: number,
    private readonly timeoutMs: number,
    private readonly onDead: () => void,
  ) {}

  start(): void {
    this.stop();
    this.timer = setTimeout(() => void this.ping(), this.intervalMs);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async ping(): Promise<void> {
    if (!this.ua.isConnected()) return this.start();
    const core = this.ua.userAgentCore;
    const request = core.makeOutgoingRequestMessage(
      'OPTIONS',
      this.target,
      this.ua.configuration.uri,
      this.target,
      {},
    );
    const answered = await new Promise<boolean>((resolve) => {
      const deadline = setTimeout(() => resolve(false), this.timeoutMs);
      const done = (response: { message: { getHeader(name: string): string | undefined } }) => {
        // A response SIP.js made up itself (transport error, timeout) has no Via: it is not an answer.
        if (response.message.getHeader('via') === undefined) return;
        clearTimeout(deadline);
        resolve(true);
      };
      core.request(request, {
        onAccept: done,
        onReject: done,
        onRedirect: done,
        onProgress: done,
        onTrying: done,
      });
    });
    if (this.timer === undefined) return; // stopped meanwhile
    if (answered) this.start();
    else {
      this.stop();
      this.onDead();
    }
  }
}
