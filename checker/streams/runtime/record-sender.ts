import type { IHeaders, Message, Sender, TopicMessages } from "kafkajs";
import type { ProducedRecord } from "../engine/record-collector.ts";

/**
 * kafkajs 2.2.4 groups a request's messages by partition with an array copy per message (groupMessagesPerPartition),
 * quadratic in the request size: at 100,000 records per request that is most of the CPU. Requests stay this small.
 */
const RECORDS_PER_REQUEST = 500;

/**
 * Buffers what tasks produce and sends it with kafkajs, one request at a time so records keep their order per
 * partition (Java's producer with idempotence does the same with up to 5 in flight). `dispatch()` starts a send
 * without waiting — processing goes on meanwhile; `flush()` waits for every record to be acknowledged, and is what a
 * commit waits for. A failed send is reported by the next `dispatch()`/`flush()`, as Java's RecordCollector rethrows
 * a send error on the next send or flush.
 */
export class RecordSender {
  private buffer: ProducedRecord[] = [];
  private inflight: Promise<void> = Promise.resolve();
  private failure: Error | undefined;

  /** `target` gives the producer, or the open transaction under exactly-once (begun on first use). */
  constructor(private readonly target: () => Promise<Sender>) {}

  enqueue(record: ProducedRecord): void {
    this.buffer.push(record);
  }

  dispatch(): void {
    this.throwIfFailed();
    if (this.buffer.length === 0) return;
    const records = this.buffer;
    this.buffer = [];
    this.inflight = this.inflight.then(async () => {
      if (this.failure) return;
      try {
        const sender = await this.target();
        for (let start = 0; start < records.length; start += RECORDS_PER_REQUEST) {
          await sender.sendBatch({ acks: -1, topicMessages: byTopic(records.slice(start, start + RECORDS_PER_REQUEST)) });
        }
      } catch (error) {
        this.failure = error instanceof Error ? error : new Error(String(error));
      }
    });
  }

  async flush(): Promise<void> {
    this.dispatch();
    await this.inflight;
    this.throwIfFailed();
  }

  /** Forgets unsent records (a task closed without committing, a transaction aborted). */
  async discard(): Promise<void> {
    this.buffer = [];
    await this.inflight;
    this.failure = undefined;
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}

function byTopic(records: readonly ProducedRecord[]): TopicMessages[] {
  const topics = new Map<string, Message[]>();
  for (const record of records) {
    const messages = topics.get(record.topic) ?? [];
    messages.push(toMessage(record));
    topics.set(record.topic, messages);
  }
  return [...topics].map(([topic, messages]) => ({ topic, messages }));
}

function toMessage(record: ProducedRecord): Message {
  const message: Message = { key: record.key, value: record.value, timestamp: String(record.timestamp) };
  if (record.partition !== undefined) message.partition = record.partition;
  if (record.headers.length > 0) message.headers = toHeaders(record.headers);
  return message;
}

function toHeaders(headers: ProducedRecord["headers"]): IHeaders {
  const result: Record<string, Buffer[]> = {};
  // kafkajs cannot encode a null header value (Kafka allows one); such a header is left out.
  for (const header of headers) if (header.value !== null) (result[header.key] ??= []).push(header.value);
  return result;
}
