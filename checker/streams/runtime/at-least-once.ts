import { Partitioners, type Consumer, type Kafka, type Producer } from "kafkajs";
import type { ConsumedOffset, OutputMode } from "./output-mode.ts";
import { RecordSender } from "./record-sender.ts";

/**
 * at_least_once: one idempotent producer shared by every task (Java's producer default since 3.0), and offsets
 * committed by the consumer only after the producer acknowledged all output — a crash in between replays records.
 */
export class AtLeastOnce implements OutputMode {
  private readonly producer: Producer;
  private readonly sender: RecordSender;
  private connected: Promise<void> | undefined;

  constructor(
    kafka: Kafka,
    private readonly consumer: Consumer,
  ) {
    // kafkajs' DefaultPartitioner is murmur2 on the key bytes, Java's default: keys land where Java puts them.
    this.producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true, maxInFlightRequests: 1 });
    this.sender = new RecordSender(async () => this.producer);
  }

  async openTask(): Promise<RecordSender> {
    await (this.connected ??= this.producer.connect());
    return this.sender;
  }

  async commit(tasks: ReadonlyMap<number, readonly ConsumedOffset[]>): Promise<void> {
    await this.sender.flush();
    const offsets = [...tasks.values()].flat().map(({ topic, partition, offset }) => ({ topic, partition, offset: String(offset) }));
    if (offsets.length > 0) await this.consumer.commitOffsets(offsets);
  }

  async closeTask(_partition: number, clean: boolean): Promise<void> {
    if (clean) await this.sender.flush();
  }

  /** Like closing Java's producer: records already handed to it are still sent, even when tasks closed dirty. */
  async close(): Promise<void> {
    await this.sender.flush().catch(() => undefined);
    if (this.connected) await this.producer.disconnect();
  }
}
