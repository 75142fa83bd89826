import { IllegalStateError } from "../errors.ts";
import type { ConsumedRecord } from "./consumed-record.ts";
import { JavaPriorityQueue } from "./java-priority-queue.ts";

/** A deserialized record with its extracted timestamp (Java's StampedRecord). */
export interface StampedRecord {
  readonly raw: ConsumedRecord;
  readonly key: unknown;
  readonly value: unknown;
  readonly timestamp: number;
}

/** Deserializes and timestamps a record; undefined drops it (negative extracted timestamp). */
export type RecordStamper = (raw: ConsumedRecord, partitionTime: number) => StampedRecord | undefined;

/**
 * One topic-partition's buffered records (Java's RecordQueue). Like Java, the head is deserialized and timestamped
 * as soon as it becomes the head, and partition time is the highest timestamp polled so far (-1 before any).
 */
class RecordQueue {
  private readonly fifo: ConsumedRecord[] = [];
  private head: StampedRecord | undefined;
  private partitionTime = -1;

  constructor(private readonly stamp: RecordStamper) {}

  get size(): number {
    return this.fifo.length + (this.head ? 1 : 0);
  }

  get headTimestamp(): number {
    return this.head?.timestamp ?? -1;
  }

  add(record: ConsumedRecord): void {
    this.fifo.push(record);
    this.updateHead();
  }

  poll(): StampedRecord | undefined {
    const record = this.head;
    this.head = undefined;
    if (record) this.partitionTime = Math.max(this.partitionTime, record.timestamp);
    this.updateHead();
    return record;
  }

  private updateHead(): void {
    while (!this.head && this.fifo.length > 0) this.head = this.stamp(this.fifo.shift()!, this.partitionTime);
  }
}

/**
 * A task's input buffers (Java's PartitionGroup): the next record comes from the partition whose head has the
 * smallest timestamp, ties broken as Java's PriorityQueue breaks them.
 */
export class PartitionGroup {
  private readonly queues = new Map<string, RecordQueue>();
  private readonly nonEmptyQueuesByTime = new JavaPriorityQueue<RecordQueue>((a, b) => a.headTimestamp - b.headTimestamp);

  constructor(
    partitions: ReadonlyArray<{ topic: string; partition: number }>,
    stamp: RecordStamper,
  ) {
    for (const { topic, partition } of partitions) this.queues.set(queueKey(topic, partition), new RecordQueue(stamp));
  }

  hasRecordsQueued(): boolean {
    return this.nonEmptyQueuesByTime.size > 0;
  }

  add(record: ConsumedRecord): void {
    const queue = this.queues.get(queueKey(record.topic, record.partition));
    if (!queue) throw new IllegalStateError(`Partition ${queueKey(record.topic, record.partition)} not found.`);
    const before = queue.size;
    queue.add(record);
    if (before === 0 && queue.size > 0) this.nonEmptyQueuesByTime.offer(queue);
  }

  nextRecord(): StampedRecord | undefined {
    const queue = this.nonEmptyQueuesByTime.poll();
    if (!queue) return undefined;
    const record = queue.poll();
    if (queue.size > 0) this.nonEmptyQueuesByTime.offer(queue);
    return record;
  }
}

function queueKey(topic: string, partition: number): string {
  return `${topic}-${partition}`;
}
