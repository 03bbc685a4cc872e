/** When the language server may be restarted after it dies: at most N times within a window,
 * so a server that crashes at start does not restart forever. No `vscode` import. */

/** Counts crashes in a sliding time window; `shouldRestart` says whether one more is allowed. */
export class RestartPolicy {
  private crashes: number[] = [];

  constructor(
    readonly maxRestarts: number,
    readonly windowMs: number = 3 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Record a crash; true when the server should be started again. */
  shouldRestart(): boolean {
    const time = this.now();
    this.crashes = this.crashes.filter((crash) => time - crash < this.windowMs);
    this.crashes.push(time);
    return this.crashes.length <= this.maxRestarts;
  }

  /** Forget past crashes (after a restart the user asked for). */
  reset(): void {
    this.crashes = [];
  }
}
