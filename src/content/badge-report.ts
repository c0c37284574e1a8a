// The toolbar badge shows the top frame's mention count: sent to the background at most twice a
// second, however fast marks come and go.
import { sendMessage } from '@/src/messaging/protocol';

const REPORT_MS = 500;

export class BadgeReport {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly win: Window,
    private readonly read: () => { mentions: number; active: boolean },
  ) {}

  /** Sends the state half a second from now (frames other than the top one send nothing). */
  schedule(): void {
    if (this.stopped || this.win !== this.win.top || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void sendMessage('reportPage', this.read()).catch(() => {});
    }, REPORT_MS);
  }

  /** Nothing more is sent: the session ended (clearing its marks must not report a count of 0). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
