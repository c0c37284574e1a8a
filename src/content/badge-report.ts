// The toolbar badge shows the top frame's mention count, and "seen on" (the entity page) which
// pages mentioned which identities: sent to the background at most twice a second, however fast
// marks come and go. It stays on the device; the background keeps it only while the setting is on.
import { type PageReport, sendMessage } from '@/src/messaging/protocol';

const REPORT_MS = 500;

export class BadgeReport {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;

  readonly #isTop: boolean;
  readonly #read: () => PageReport;

  constructor(win: Window, read: () => PageReport) {
    this.#isTop = win === win.top;
    this.#read = read;
  }

  /** Sends the state half a second from now (frames other than the top one send nothing). */
  schedule(): void {
    if (this.#stopped || !this.#isTop || this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void sendMessage('reportPage', this.#read()).catch(() => {});
    }, REPORT_MS);
  }

  /** Nothing more is sent: the session ended (clearing its marks must not report a count of 0). */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }
}
