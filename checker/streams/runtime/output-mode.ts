import type { RecordSender } from "./record-sender.ts";

/** The next offset to read of one input partition: what a commit stores for the group. */
export interface ConsumedOffset {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
}

/**
 * How a processing guarantee produces and commits. at_least_once: one producer for every task, offsets committed
 * by the consumer after the producer has acknowledged everything. exactly_once_v2: a transactional producer per task,
 * whose transaction carries the task's output, its changelog writes and its consumed offsets.
 */
export interface OutputMode {
  /** Prepares a task's producer (under exactly-once: registers its transactional id, fencing an older instance). */
  openTask(partition: number): Promise<RecordSender>;
  /** Makes every record sent so far durable, then commits the offsets, per task. */
  commit(tasks: ReadonlyMap<number, readonly ConsumedOffset[]>): Promise<void>;
  /** Drops a task's producer: cleanly after a commit, or aborting what it had not committed. */
  closeTask(partition: number, clean: boolean): Promise<void>;
  close(): Promise<void>;
}
