import { resolveStreamsConfig, type ResolvedStreamsConfig, type StreamsConfig } from "../config.ts";
import type { ConsumedRecord } from "../engine/consumed-record.ts";
import { GlobalStateTask } from "../engine/global-state-task.ts";
import type { ProducedRecord, RecordCollector } from "../engine/record-collector.ts";
import { StreamTask } from "../engine/stream-task.ts";
import { InvalidArgumentError, StreamsError } from "../errors.ts";
import type { RecordHeaders } from "../processor/record.ts";
import type { Serde } from "../serdes.ts";
import { KeyValueStoreBase, type KeyValueStore } from "../state/in-memory-key-value-store.ts";
import { InMemorySessionStore } from "../state/session-store.ts";
import type { StateStore } from "../state/store.ts";
import { InMemoryTimestampedKeyValueStore, type TimestampedKeyValueStore } from "../state/timestamped-key-value-store.ts";
import { InMemoryTimestampedWindowStore, WindowStoreFacade } from "../state/timestamped-window-store.ts";
import { javaHashOrder } from "../topology/java-collections.ts";
import type { Topology } from "../topology/topology.ts";
import { KeyValueStoreFacade } from "./keyvalue-store-facade.ts";
import { TestInputTopic } from "./test-input-topic.ts";
import { TestOutputTopic } from "./test-output-topic.ts";

/** The one partition the driver simulates for every topic. */
const PARTITION = 0;

/** Reading from a topic that has no (more) records: Java's NoSuchElementException. */
export class NoSuchElementError extends StreamsError {}

/**
 * Runs a Topology synchronously in memory (Java's TopologyTestDriver): one task `0_0`, every topic with a single
 * partition, the record cache effectively off (a commit after every record). Piping a record processes it, then
 * feeds back whatever was written to topics the topology reads (repartition topics), one record at a time in Java's
 * order, until nothing is left. Everything produced (sinks, repartition and changelog topics) is kept per topic.
 */
export class TopologyTestDriver {
  readonly config: ResolvedStreamsConfig;
  readonly applicationId: string;
  private readonly task: StreamTask | undefined;
  private readonly globalTask: GlobalStateTask | undefined;
  private readonly produced: ProducedRecord[] = [];
  private readonly outputByTopic = new Map<string, ProducedRecord[]>();
  private readonly nextOffset = new Map<string, number>();
  private wallClockMs: number;
  private closed = false;

  constructor(topology: Topology, props: StreamsConfig = {}, initialWallClockMs: number = Date.now()) {
    this.config = resolveStreamsConfig(props);
    // Java's driver makes up a random application id when none is given.
    this.applicationId = this.config["application.id"] ?? `dummy-topology-test-driver-app-id-${randomJavaInt()}`;
    this.wallClockMs = initialWallClockMs;
    const collector: RecordCollector = {
      send: (record) => this.produced.push(record),
      partitionsFor: () => 1,
    };
    if (topology.parts.globalStores.length > 0) {
      this.globalTask = new GlobalStateTask(topology.parts.globalStores, this.config, this.applicationId, { skipUndeserializable: true });
      this.globalTask.initialize();
    }
    const task = new StreamTask({
      topology,
      config: this.config,
      applicationId: this.applicationId,
      partition: PARTITION,
      collector,
      globalStore: (name) => this.globalTask?.store(name),
    });
    if (task.sourceTopics.length > 0) {
      task.initialize();
      this.task = task;
    }
  }

  /** Records without a timestamp get `startTimestamp` (default: now), then `+ autoAdvance` ms each (default 0). */
  createInputTopic<K, V>(topic: string, keySerde: Serde<K>, valueSerde: Serde<V>, startTimestamp: number = Date.now(), autoAdvanceMs = 0): TestInputTopic<K, V> {
    return new TestInputTopic(this, topic, keySerde, valueSerde, startTimestamp, autoAdvanceMs);
  }

  createOutputTopic<K, V>(topic: string, keySerde: Serde<K>, valueSerde: Serde<V>): TestOutputTopic<K, V> {
    return new TestOutputTopic(this, topic, keySerde, valueSerde);
  }

  /** Every topic written so far (sinks, repartition topics, changelogs), iterated in the order Java's HashMap gives. */
  producedTopicNames(): Set<string> {
    return new Set(javaHashOrder([...this.outputByTopic.keys()]));
  }

  /**
   * A store that is none of the built-in kinds, by name, or null. Built-in stores have their own getters, and, as
   * in Java, asking for one here is an error that names the right getter.
   */
  getStateStore<S extends StateStore = StateStore>(name: string): S | null {
    const store = this.lookup(name);
    const getter = store && builtInGetter(store);
    if (getter) throw new InvalidArgumentError(`Store ${name} is a ${getter.kind} and should be accessed via \`${getter.method}()\``);
    return (store as S | undefined) ?? null;
  }

  /** Every store, global ones included. */
  getAllStateStores(): Map<string, StateStore> {
    const names = [...(this.task?.storeNames() ?? []), ...(this.globalTask?.storeNames() ?? [])];
    return new Map(names.map((name) => [name, this.lookup(name)!]));
  }

  /** A key-value store; a timestamped one is shown without timestamps, as Java's driver does. */
  getKeyValueStore<K, V>(name: string): KeyValueStore<K, V> | null {
    const store = this.lookup(name);
    if (store instanceof InMemoryTimestampedKeyValueStore) return new KeyValueStoreFacade<K, V>(store as TimestampedKeyValueStore<K, V>);
    return store instanceof KeyValueStoreBase ? (store as KeyValueStore<K, V>) : null;
  }

  getTimestampedKeyValueStore<K, V>(name: string): TimestampedKeyValueStore<K, V> | null {
    const store = this.lookup(name);
    return store instanceof InMemoryTimestampedKeyValueStore ? (store as TimestampedKeyValueStore<K, V>) : null;
  }

  /** A window store shown without timestamps (Java's WindowStoreFacade). */
  getWindowStore<K, V>(name: string): WindowStoreFacade<K, V> | null {
    const store = this.getTimestampedWindowStore<K, V>(name);
    return store ? new WindowStoreFacade(store) : null;
  }

  getTimestampedWindowStore<K, V>(name: string): InMemoryTimestampedWindowStore<K, V> | null {
    const store = this.lookup(name);
    return store instanceof InMemoryTimestampedWindowStore ? (store as InMemoryTimestampedWindowStore<K, V>) : null;
  }

  getSessionStore<K, V>(name: string): InMemorySessionStore<K, V> | null {
    const store = this.lookup(name);
    return store instanceof InMemorySessionStore ? (store as InMemorySessionStore<K, V>) : null;
  }

  /** Moves the driver's wall clock (nothing here punctuates on it yet) and processes anything still buffered. */
  advanceWallClockTime(advanceMs: number): void {
    if (advanceMs < 0) throw new InvalidArgumentError("Sleep ms cannot be negative.");
    this.wallClockMs += advanceMs;
    this.completeAllProcessableWork();
  }

  get wallClockTime(): number {
    return this.wallClockMs;
  }

  /** Flushes and closes processors and stores (Java: final commit, then closeClean), then the global stores. */
  close(): void {
    this.task?.flush();
    this.task?.close();
    this.globalTask?.close();
    this.closed = true;
    // Like Java, records produced while closing are still captured; a closed task processes nothing more.
    this.completeAllProcessableWork();
  }

  /** Used by TestInputTopic (Java's package-private pipeRecord). */
  pipeRecord(topic: string, key: Buffer | null, value: Buffer | null, timestamp: number, headers: RecordHeaders): void {
    const forTask = this.task?.sourceTopics.includes(topic) ?? false;
    const forGlobal = this.globalTask?.topics.includes(topic) ?? false;
    if (!forTask && !forGlobal) throw new InvalidArgumentError(`Unknown topic: ${topic}`);
    if (forTask) {
      this.enqueue(topic, key, value, timestamp, headers);
      this.completeAllProcessableWork();
    }
    if (forGlobal) this.updateGlobal(topic, key, value, timestamp, headers);
  }

  /** Used by TestOutputTopic. */
  readRecord(topic: string): ProducedRecord {
    const queue = this.outputByTopic.get(topic);
    if (!queue) throw new NoSuchElementError(`Uninitialized topic: ${topic}`);
    const record = queue.shift();
    if (!record) throw new NoSuchElementError(`Empty topic: ${topic}`);
    return record;
  }

  queueSize(topic: string): number {
    return this.outputByTopic.get(topic)?.length ?? 0;
  }

  /** Task stores first, then global ones (Java's order). */
  private lookup(name: string): StateStore | undefined {
    return this.task?.store(name) ?? this.globalTask?.store(name);
  }

  /** Java's completeAllProcessableWork: one record at a time, each followed by a commit and a capture. */
  private completeAllProcessableWork(): void {
    this.captureOutputsAndReEnqueueInternalResults();
    if (!this.task || this.closed) return;
    while (this.task.hasRecordsQueued()) {
      this.task.process();
      this.task.flush();
      this.captureOutputsAndReEnqueueInternalResults();
    }
  }

  /** Keeps every produced record; those written to a topic the topology reads are fed back in, in order. */
  private captureOutputsAndReEnqueueInternalResults(): void {
    for (const record of this.produced.splice(0)) {
      const queue = this.outputByTopic.get(record.topic) ?? [];
      queue.push(record);
      this.outputByTopic.set(record.topic, queue);
      if (this.task?.sourceTopics.includes(record.topic)) this.enqueue(record.topic, record.key, record.value, record.timestamp, record.headers);
      if (this.globalTask?.topics.includes(record.topic)) this.updateGlobal(record.topic, record.key, record.value, record.timestamp, record.headers);
    }
  }

  private enqueue(topic: string, key: Buffer | null, value: Buffer | null, timestamp: number, headers: RecordHeaders): void {
    this.task!.addRecords([this.consumed(topic, key, value, timestamp, headers)]);
  }

  private updateGlobal(topic: string, key: Buffer | null, value: Buffer | null, timestamp: number, headers: RecordHeaders): void {
    this.globalTask!.update(this.consumed(topic, key, value, timestamp, headers));
    this.globalTask!.flush();
  }

  private consumed(topic: string, key: Buffer | null, value: Buffer | null, timestamp: number, headers: RecordHeaders): ConsumedRecord {
    const offset = this.nextOffset.get(topic) ?? 0;
    this.nextOffset.set(topic, offset + 1);
    return { topic, partition: PARTITION, offset, key, value, timestamp, headers };
  }
}

/** The getter Java's driver points to for a built-in store (TopologyTestDriver.throwIfBuiltInStore). */
function builtInGetter(store: StateStore): { kind: string; method: string } | undefined {
  if (store instanceof InMemoryTimestampedKeyValueStore) return { kind: "timestamped key-value store", method: "getTimestampedKeyValueStore" };
  if (store instanceof KeyValueStoreBase) return { kind: "key-value store", method: "getKeyValueStore" };
  if (store instanceof InMemoryTimestampedWindowStore) return { kind: "timestamped window store", method: "getTimestampedWindowStore" };
  if (store instanceof InMemorySessionStore) return { kind: "session store", method: "getSessionStore" };
  return undefined;
}

/** A random signed 32-bit integer, like Java's ThreadLocalRandom.nextInt(). */
function randomJavaInt(): number {
  return (Math.random() * 2 ** 32) | 0;
}
