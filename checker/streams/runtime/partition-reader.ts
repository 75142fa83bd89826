import { randomUUID } from "node:crypto";
import type { Admin, Consumer, Kafka, KafkaMessage } from "kafkajs";
import { fixedAssigner } from "./task-assigner.ts";

export interface PartitionReaderOptions {
  readonly kafka: Kafka;
  readonly admin: Admin;
  /** Prefix of the throwaway group id (kafkajs cannot read without a group). */
  readonly groupPrefix: string;
  readonly partitions: ReadonlyMap<string, readonly number[]>;
  /** Read only committed transactional records: restoration under exactly-once. */
  readonly readCommitted: boolean;
  /** Keep reading after the end (a GlobalKTable); otherwise records past the end offset are not handed over. */
  readonly follow: boolean;
  /** Called with every record, in offset order per partition, synchronously. */
  readonly onRecord: (topic: string, partition: number, message: KafkaMessage) => void;
}

/**
 * Reads chosen partitions from their first offset (Java's restore consumer). `caughtUp` resolves once every
 * partition has been read up to the end offset it had when reading started — for restoration the reader then
 * stops; a GlobalKTable's reader keeps following its topic until `stop()`, as Java's global thread does.
 *
 * End offsets come from ListOffsets with read_committed (kafkajs' default): the last stable offset, so under
 * exactly-once restoration stops before records of a transaction that is still open.
 */
export class PartitionReader {
  readonly caughtUp: Promise<void>;
  private consumer: Consumer | undefined;
  private resolveCaughtUp!: () => void;
  private rejectCaughtUp!: (error: Error) => void;
  /** Next offset to read, per `topic:partition`, and the offset reading must reach. */
  private readonly positions = new Map<string, { next: number; end: number }>();

  constructor(private readonly options: PartitionReaderOptions) {
    this.caughtUp = new Promise((resolve, reject) => {
      this.resolveCaughtUp = resolve;
      this.rejectCaughtUp = reject;
    });
    // Nobody may await caughtUp when stop() comes first; the error is reported through start() instead.
    this.caughtUp.catch(() => undefined);
  }

  async start(): Promise<void> {
    for (const [topic, partitions] of this.options.partitions) {
      const offsets = await this.options.admin.fetchTopicOffsets(topic);
      for (const partition of partitions) {
        const found = offsets.find((offset) => offset.partition === partition);
        if (!found) throw new Error(`Partition ${partition} of ${topic} not found`);
        this.positions.set(`${topic}:${partition}`, { next: Number(found.low), end: Number(found.high) });
      }
    }
    if (this.isCaughtUp()) {
      this.resolveCaughtUp();
      return;
    }
    const consumer = this.options.kafka.consumer({
      groupId: `${this.options.groupPrefix}-${randomUUID()}`,
      partitionAssigners: [fixedAssigner(this.options.partitions)],
      readUncommitted: !this.options.readCommitted,
      retry: { retries: 5 },
    });
    this.consumer = consumer;
    // Batches of only control records (transaction markers) never reach eachBatch: their end comes from this event.
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => this.advance(`${payload.topic}:${payload.partition}`, Number(payload.lastOffset) + 1));
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) this.rejectCaughtUp(payload.error);
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.options.partitions.keys()], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const end = this.positions.get(`${batch.topic}:${batch.partition}`)?.end ?? 0;
        for (const message of batch.messages) {
          if (this.options.follow || Number(message.offset) < end) this.options.onRecord(batch.topic, batch.partition, message);
        }
      },
    });
  }

  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.disconnect();
  }

  private advance(id: string, next: number): void {
    const position = this.positions.get(id);
    if (!position) return;
    position.next = Math.max(position.next, next);
    if (this.isCaughtUp()) this.resolveCaughtUp();
  }

  private isCaughtUp(): boolean {
    return [...this.positions.values()].every((position) => position.next >= position.end);
  }
}

/** Reads the partitions to their end offsets, then stops: restoring a task's stores from their changelogs. */
export async function readToEnd(options: Omit<PartitionReaderOptions, "follow">): Promise<void> {
  const reader = new PartitionReader({ ...options, follow: false });
  try {
    await reader.start();
    await reader.caughtUp;
  } finally {
    await reader.stop();
  }
}
