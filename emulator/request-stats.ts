// Counters of the ICE requests the emulator has answered, read and reset through /__emulator/stats.

export class RequestStats {
  requests = 0;
  byAction: Record<string, number> = {};
  /** "Success", an ICE error code, or the injected fault kind. */
  byOutcome: Record<string, number> = {};

  countAction(action: string): void {
    count(this.byAction, action);
  }

  countOutcome(outcome: string): void {
    count(this.byOutcome, outcome);
  }

  reset(): void {
    this.requests = 0;
    this.byAction = {};
    this.byOutcome = {};
  }
}

function count(counter: Record<string, number>, key: string): void {
  counter[key] = (counter[key] ?? 0) + 1;
}
