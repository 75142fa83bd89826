import { Window } from "./window.ts";

/** `[start, end]`, both inclusive: the first and the last record of a session (Java's `SessionWindow`). */
export class SessionWindow extends Window {
  overlap(other: Window): boolean {
    this.requireSameKind(other);
    return !(other.endMs < this.startMs || this.endMs < other.startMs);
  }
}
