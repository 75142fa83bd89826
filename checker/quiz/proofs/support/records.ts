// Producing and reading records in proofs: outcomes as error codes, and consumers that collect what they see.
import type { Consumer, Message, Producer } from "kafkajs";
import { pollUntil } from "../../../cluster/wait.ts";
import type { ProofScratch } from "./scratch.ts";

export interface SeenRecord {
  partition: number;
  offset: number;
  key: string | undefined;
  /** undefined for a tombstone. */
  value: string | undefined;
}

/** `count` records with the values prefix-1, prefix-2, … (the same extra fields on each, e.g. a timestamp). */
export function numbered(prefix: string, count: number, fields: Omit<Message, "value"> = {}): Message[] {
  return Array.from({ length: count }, (_, i) => ({ ...fields, value: `${prefix}-${i + 1}` }));
}

export interface KafkaErrorInfo {
  /** The error code's name, e.g. NOT_ENOUGH_REPLICAS, or the message of an error that is not a broker's answer. */
  error: string;
  code?: number;
}

/** The Kafka error code behind a kafkajs error, through its retry wrappers. */
function kafkaError(error: unknown): KafkaErrorInfo {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const { type, code } = current as { type?: unknown; code?: unknown };
    if (typeof type === "string") return { error: type, code: typeof code === "number" ? code : undefined };
    if (!current.cause) return { error: current.message };
  }
  return { error: String(error) };
}

export type SendOutcome = { ok: true; offset: number } | ({ ok: false } & KafkaErrorInfo);

/** Sends one record and reports its offset or the error code, instead of throwing. */
export async function attemptSend(producer: Producer, topic: string, message: Message, acks = -1): Promise<SendOutcome> {
  try {
    const [result] = await producer.send({ topic, acks, messages: [message] });
    return { ok: true, offset: Number(result?.baseOffset) };
  } catch (error) {
    return { ok: false, ...kafkaError(error) };
  }
}

export function describeOutcome(outcome: SendOutcome): string {
  if (outcome.ok) return `succeeds at offset ${outcome.offset}`;
  return `fails with ${outcome.error}${outcome.code === undefined ? "" : ` (error code ${outcome.code})`}`;
}

/** The records a running consumer has seen so far, and a way to wait for more. */
export class Collector {
  readonly records: SeenRecord[] = [];

  values(): Array<string | undefined> {
    return this.records.map((record) => record.value);
  }

  waitFor(count: number, description: string, timeoutMs = 20_000): Promise<SeenRecord[]> {
    return pollUntil(() => this.records.length >= count && this.records, { timeoutMs, intervalMs: 20, description });
  }

  waitForValue(value: string, description: string, timeoutMs = 20_000): Promise<SeenRecord[]> {
    return pollUntil(() => this.records.some((record) => record.value === value) && this.records, { timeoutMs, intervalMs: 20, description });
  }
}

export interface CollectOptions {
  /** true: auto.offset.reset=earliest, false: latest. */
  fromBeginning: boolean;
  /** false: never commit (kafkajs commits after each batch by default). */
  autoCommit?: boolean;
  /** With autoCommit false: commit after processing each of the first N records only, then never again. */
  commitFirst?: number;
}

/** Subscribes and runs the consumer, collecting every record it is handed. */
export async function collect(consumer: Consumer, topic: string, options: CollectOptions): Promise<Collector> {
  const collector = new Collector();
  await consumer.subscribe({ topic, fromBeginning: options.fromBeginning });
  await consumer.run({
    autoCommit: options.autoCommit ?? true,
    eachMessage: async ({ partition, message }) => {
      collector.records.push({ partition, offset: Number(message.offset), key: message.key?.toString(), value: message.value?.toString() });
      if (collector.records.length <= (options.commitFirst ?? 0)) await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
    },
  });
  return collector;
}

/**
 * Reads a topic from the beginning with a new group until the record with `lastValue` (written last) arrives,
 * and returns everything read before it too. A sentinel written last is the one reliable "end" when earlier
 * records may be filtered (aborted transactions) or removed (compaction, retention).
 */
export async function readUntilValue(scratch: ProofScratch, topic: string, lastValue: string, options: { readUncommitted?: boolean } = {}): Promise<SeenRecord[]> {
  const consumer = await scratch.consumer(`reader-${lastValue}-${options.readUncommitted ? "uncommitted" : "committed"}`, { readUncommitted: options.readUncommitted ?? false });
  try {
    const collector = await collect(consumer, topic, { fromBeginning: true });
    return await collector.waitForValue(lastValue, `the record "${lastValue}" on ${topic}`);
  } finally {
    await consumer.disconnect();
  }
}

/** Resolves once the consumer has completed a fetch, i.e. it has joined and looked up where to start reading. */
export function firstFetch(consumer: Consumer): Promise<void> {
  return new Promise((resolve) => {
    const stop = consumer.on(consumer.events.FETCH, () => {
      stop();
      resolve();
    });
  });
}

export function formatOffsets(records: SeenRecord[]): string {
  return records.map((record) => record.offset).join(", ");
}
