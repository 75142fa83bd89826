import { IllegalStateError } from "../errors.ts";

/** Java's `KafkaStreams.State`, with the same names and the same allowed transitions. */
export type KafkaStreamsState = "CREATED" | "REBALANCING" | "RUNNING" | "PENDING_SHUTDOWN" | "NOT_RUNNING" | "PENDING_ERROR" | "ERROR";

const NEXT: Readonly<Record<KafkaStreamsState, readonly KafkaStreamsState[]>> = {
  CREATED: ["REBALANCING", "PENDING_SHUTDOWN"],
  REBALANCING: ["RUNNING", "PENDING_SHUTDOWN", "PENDING_ERROR"],
  RUNNING: ["REBALANCING", "RUNNING", "PENDING_SHUTDOWN", "PENDING_ERROR"],
  PENDING_SHUTDOWN: ["NOT_RUNNING"],
  NOT_RUNNING: [],
  PENDING_ERROR: ["ERROR"],
  ERROR: [],
};

export type StateListener = (newState: KafkaStreamsState, oldState: KafkaStreamsState) => void;

/** Holds the client's state and tells the listener about every change, as Java's state listener hears them. */
export class StreamsStateMachine {
  private current: KafkaStreamsState = "CREATED";
  private listener: StateListener | undefined;

  get state(): KafkaStreamsState {
    return this.current;
  }

  setListener(listener: StateListener): void {
    if (this.current !== "CREATED") throw new IllegalStateError(`Can only set StateListener before calling start(). Current state is: ${this.current}`);
    this.listener = listener;
  }

  /**
   * Moves to `next` and tells the listener (also for RUNNING → RUNNING, as Java does). Like Java, quietly refuses
   * moves out of a shutdown (so close() is idempotent and a dying loop cannot undo an error) and REBALANCING twice;
   * any other move Java does not allow is a bug here.
   */
  transition(next: KafkaStreamsState): boolean {
    const old = this.current;
    const refused =
      (old === "PENDING_SHUTDOWN" && next !== "NOT_RUNNING") ||
      (old === "NOT_RUNNING" && (next === "PENDING_SHUTDOWN" || next === "NOT_RUNNING")) ||
      (old === "REBALANCING" && next === "REBALANCING") ||
      (old === "ERROR" && (next === "PENDING_ERROR" || next === "ERROR")) ||
      (old === "PENDING_ERROR" && next !== "ERROR");
    if (refused) return false;
    if (!NEXT[old].includes(next)) throw new IllegalStateError(`Unexpected state transition from ${old} to ${next}`);
    this.current = next;
    this.listener?.(next, old);
    return true;
  }

  isShuttingDownOrDone(): boolean {
    return ["PENDING_SHUTDOWN", "NOT_RUNNING", "PENDING_ERROR", "ERROR"].includes(this.current);
  }
}
