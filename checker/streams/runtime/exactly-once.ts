import { Partitioners, type Kafka, type Producer, type Transaction } from "kafkajs";
import type { ConsumedOffset, OutputMode } from "./output-mode.ts";
import { RecordSender } from "./record-sender.ts";

/** Java's Streams default `transaction.timeout.ms` under exactly-once (the client's own default is 60 s). */
const TRANSACTION_TIMEOUT_MS = 10_000;

interface TaskProducer {
  readonly producer: Producer;
  readonly sender: RecordSender;
  transaction: Promise<Transaction> | undefined;
}

/**
 * exactly_once_v2 over kafkajs: one transactional producer per task, transactional.id `<application.id>-<taskId>`.
 * (Java's v2 shares one producer per thread and fences zombies through the consumer group generation; kafkajs'
 * sendOffsets cannot carry the group metadata, so the per-task id — Java's older exactly_once scheme — does the
 * fencing: a restarted instance's producer aborts the dead one's open transaction when it registers.) Output,
 * changelog writes and the consumed offsets commit together; consumers read with read_committed.
 */
export class ExactlyOnce implements OutputMode {
  private readonly producers = new Map<number, TaskProducer>();

  constructor(
    private readonly kafka: Kafka,
    private readonly applicationId: string,
  ) {}

  async openTask(partition: number): Promise<RecordSender> {
    const producer = this.kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      transactionalId: `${this.applicationId}-0_${partition}`,
      transactionTimeout: TRANSACTION_TIMEOUT_MS,
      idempotent: true,
      maxInFlightRequests: 1,
    });
    const entry: TaskProducer = {
      producer,
      transaction: undefined,
      // The transaction begins with the task's first record after a commit.
      sender: new RecordSender(() => (entry.transaction ??= producer.transaction())),
    };
    await producer.connect();
    this.producers.set(partition, entry);
    return entry.sender;
  }

  async commit(tasks: ReadonlyMap<number, readonly ConsumedOffset[]>): Promise<void> {
    for (const [partition, offsets] of tasks) {
      const entry = this.producers.get(partition)!;
      await entry.sender.flush();
      if (offsets.length === 0 && entry.transaction === undefined) continue;
      const transaction = await (entry.transaction ??= entry.producer.transaction());
      if (offsets.length > 0) {
        await transaction.sendOffsets({
          consumerGroupId: this.applicationId,
          topics: groupByTopic(offsets),
        });
      }
      await transaction.commit();
      entry.transaction = undefined;
    }
  }

  /** A clean close follows a commit, so an open transaction here holds only what must not commit: it is aborted. */
  async closeTask(partition: number): Promise<void> {
    const entry = this.producers.get(partition);
    if (!entry) return;
    this.producers.delete(partition);
    try {
      await entry.sender.discard();
      const transaction = await entry.transaction?.catch(() => undefined);
      if (transaction?.isActive()) await transaction.abort();
    } finally {
      await entry.producer.disconnect();
    }
  }

  async close(): Promise<void> {
    for (const partition of [...this.producers.keys()]) await this.closeTask(partition);
  }
}

function groupByTopic(offsets: readonly ConsumedOffset[]) {
  const topics = new Map<string, Array<{ partition: number; offset: string }>>();
  for (const { topic, partition, offset } of offsets) {
    const partitions = topics.get(topic) ?? [];
    partitions.push({ partition, offset: String(offset) });
    topics.set(topic, partitions);
  }
  return [...topics].map(([topic, partitions]) => ({ topic, partitions }));
}
