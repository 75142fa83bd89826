import type { Admin, Consumer, EachBatchPayload, Kafka } from "kafkajs";
import { pollUntil } from "../../cluster/wait.ts";
import type { ResolvedStreamsConfig } from "../config.ts";
import type { RecordCollector } from "../engine/record-collector.ts";
import type { GlobalStateTask } from "../engine/global-state-task.ts";
import { StreamTask } from "../engine/stream-task.ts";
import { StreamsError } from "../errors.ts";
import { keyValueCacheFactory } from "../state/caching/caching-key-value-layer.ts";
import type { RecordCache } from "../state/caching/record-cache.ts";
import type { StateStore } from "../state/store.ts";
import { Topology } from "../topology/topology.ts";
import { AtLeastOnce } from "./at-least-once.ts";
import { consumedRecord } from "./consumed.ts";
import { ExactlyOnce } from "./exactly-once.ts";
import type { TopicLayout } from "./internal-topics.ts";
import type { ConsumedOffset, OutputMode } from "./output-mode.ts";
import { readToEnd } from "./partition-reader.ts";
import type { RecordSender } from "./record-sender.ts";
import { taskAssigner } from "./task-assigner.ts";

export interface StreamThreadOptions {
  readonly kafka: Kafka;
  readonly admin: Admin;
  readonly topology: Topology;
  readonly config: ResolvedStreamsConfig;
  readonly applicationId: string;
  readonly layout: TopicLayout;
  readonly globalState: GlobalStateTask;
  /** The thread's record cache, shared by its tasks' caching stores; undefined when `statestore.cache.max.bytes` is 0. */
  readonly recordCache: RecordCache | undefined;
  /** A rebalance began (REBALANCING) / every assigned task is restored and processing (RUNNING). */
  readonly onRebalancing: () => void;
  readonly onRunning: () => void;
  /** Processing, committing or a client failed: the thread stopped processing and waits to be shut down. */
  readonly onError: (error: Error) => void;
}

interface ActiveTask {
  readonly task: StreamTask;
  readonly sender: RecordSender;
  /** Next offset to read per input topic, after the records processed so far, and as last committed. */
  readonly positions: Map<string, number>;
  readonly committed: Map<string, number>;
}

const REPARTITION_PURGE_INTERVAL_MS = 30_000;

/** Records of one fetched batch handed to a task at a time. */
const RECORDS_PER_SLICE = 500;

/** Errors kafkajs reports when the group moved on; the GROUP_JOIN that follows rebuilds the tasks. */
const REBALANCE_ERRORS = new Set(["REBALANCE_IN_PROGRESS", "ILLEGAL_GENERATION", "UNKNOWN_MEMBER_ID", "NOT_COORDINATOR", "COORDINATOR_NOT_AVAILABLE"]);

/**
 * Java's StreamThread over a kafkajs consumer in the group `application.id`: one StreamTask per assigned partition
 * number, restored from its changelogs before it processes, records processed batch by batch, and a commit every
 * `commit.interval.ms` (flush the record caches, wait for the producer, commit the consumed offsets).
 *
 * kafkajs runs callbacks concurrently (batches, the commit timer, group events), so all work on tasks goes through
 * one queue — the single thread of Java's StreamThread. A rebalance rebuilds every task from its changelog: kafkajs
 * has no "partitions revoked" callback, and after rejoining it restarts each partition from its committed offset, so
 * state kept from before could count records twice.
 */
export class StreamThread {
  private consumer: Consumer | undefined;
  private output: OutputMode | undefined;
  private readonly tasks = new Map<number, ActiveTask>();
  private queue: Promise<unknown> = Promise.resolve();
  private commitTimer: NodeJS.Timeout | undefined;
  private lastCommit = Date.now();
  private lastPurge = Date.now();
  private generation = 0;
  private stopping = false;
  private failure: Error | undefined;
  private shutdownDone: Promise<void> | undefined;

  constructor(private readonly options: StreamThreadOptions) {}

  private get exactlyOnce(): boolean {
    return this.options.config["processing.guarantee"] === "exactly_once_v2";
  }

  /** Topics the group subscribes to: external sources and repartition topics (decorated). */
  private get sourceTopics(): string[] {
    const { topology, applicationId } = this.options;
    const internal = new Set(topology.parts.internalTopics.map((topic) => topic.name));
    const topics = topology.parts.nodes.flatMap((node) => (node.kind === "source" ? node.topics : []));
    return [...new Set(topics.map((topic) => (internal.has(topic) ? Topology.decorate(applicationId, topic) : topic)))];
  }

  async start(): Promise<void> {
    const { kafka, config, applicationId } = this.options;
    const overrides = clientOverrides(config);
    const consumer = kafka.consumer({
      groupId: applicationId,
      partitionAssigners: [taskAssigner],
      // Java's Streams consumer: read_uncommitted unless exactly-once; session 45 s; fetch waits at most 500 ms.
      readUncommitted: !this.exactlyOnce,
      sessionTimeout: overrides.number("session.timeout.ms") ?? 45_000,
      heartbeatInterval: overrides.number("heartbeat.interval.ms") ?? 3_000,
      rebalanceTimeout: overrides.number("max.poll.interval.ms") ?? 300_000,
      maxWaitTimeInMs: overrides.number("fetch.max.wait.ms") ?? 500,
      allowAutoTopicCreation: false,
    });
    this.consumer = consumer;
    this.output = this.exactlyOnce ? new ExactlyOnce(kafka, applicationId) : new AtLeastOnce(kafka, consumer);
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => this.onGroupJoin(payload.memberAssignment));
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) this.fail(payload.error);
    });
    await consumer.connect();
    // Java's Streams consumer reads a partition without committed offset from the beginning (auto.offset.reset).
    // A broker that has not applied the new internal topics' metadata yet answers UNKNOWN_TOPIC_OR_PARTITION
    // (retriable); the next metadata request meets one that has.
    await pollUntil(() => consumer.subscribe({ topics: this.sourceTopics, fromBeginning: true }).then(() => true), {
      timeoutMs: 30_000,
      intervalMs: 100,
      description: `the subscription to ${this.sourceTopics.join(", ")}`,
      isFatal: (error) => (error as { type?: string }).type !== "UNKNOWN_TOPIC_OR_PARTITION",
    });
    await consumer.run({ autoCommit: false, eachBatchAutoResolve: false, partitionsConsumedConcurrently: 1, eachBatch: (payload) => this.onBatch(payload) });
    const interval = config["commit.interval.ms"];
    this.commitTimer = setInterval(() => void this.serially(() => this.maybeCommit()), Math.max(10, Math.min(interval, 100)));
  }

  /**
   * Stops for good. Clean: flush caches, commit, close the tasks; then leave the group and disconnect. Dirty (after
   * an error): close the tasks without committing (exactly-once aborts the open transactions). Idempotent.
   */
  shutdown(clean: boolean): Promise<void> {
    this.shutdownDone ??= (async () => {
      this.stopping = true;
      clearInterval(this.commitTimer);
      let commitError: unknown;
      if (clean && !this.failure) await this.serially(() => this.commitAll()).catch((error: unknown) => (commitError = error));
      try {
        await this.serially(() => this.closeTasks(clean && !this.failure && commitError === undefined));
      } finally {
        await this.consumer?.disconnect();
        await this.output?.close();
      }
      if (commitError !== undefined) throw commitError;
    })();
    return this.shutdownDone;
  }

  private onGroupJoin(memberAssignment: Record<string, number[]>): void {
    const generation = ++this.generation;
    const assigned = Object.entries(memberAssignment).map(([topic, partitions]) => ({ topic, partitions }));
    // Nothing is processed until the tasks are rebuilt and restored.
    if (assigned.length > 0) this.consumer!.pause(assigned);
    this.options.onRebalancing();
    const partitions = [...new Set(assigned.flatMap((entry) => entry.partitions))].sort((a, b) => a - b);
    void this.serially(async () => {
      if (generation !== this.generation || this.stopping) return;
      await this.closeTasks(false);
      await this.createTasks(partitions);
      if (generation !== this.generation || this.stopping) return;
      if (assigned.length > 0) this.consumer!.resume(assigned);
      this.options.onRunning();
    }).catch((error: unknown) => this.fail(error));
  }

  private async createTasks(partitions: readonly number[]): Promise<void> {
    const { topology, config, applicationId, layout, recordCache, globalState } = this.options;
    for (const partition of partitions) {
      const sender = await this.output!.openTask(partition);
      const collector: RecordCollector = {
        send: (record) => sender.enqueue(record),
        partitionsFor: (topic) => {
          const count = layout.partitions.get(topic);
          if (count === undefined) throw new StreamsError(`Could not get partition information for topic ${topic}: it did not exist when the application started.`);
          return count;
        },
      };
      const task = new StreamTask({
        topology,
        config,
        applicationId,
        partition,
        collector,
        cacheMaxBytes: recordCache?.maxBytes ?? 0,
        keyValueCache: recordCache ? keyValueCacheFactory(recordCache) : undefined,
        recordCache,
        globalStore: (name) => globalState.store(name),
      });
      task.initialize();
      this.tasks.set(partition, { task, sender, positions: new Map(), committed: new Map() });
    }
    await this.restore(partitions);
  }

  /** Java's StoreChangelogReader: every logged store of the new tasks, from its changelog's start to its end. */
  private async restore(partitions: readonly number[]): Promise<void> {
    const { kafka, admin, topology, applicationId } = this.options;
    const logged = new Set(topology.parts.stores.filter((store) => store.logged).map((store) => store.name));
    const stores = new Map<string, StateStore>();
    const changelogPartitions = new Map<string, number[]>();
    for (const partition of partitions) {
      const { task } = this.tasks.get(partition)!;
      for (const name of task.storeNames().filter((storeName) => logged.has(storeName))) {
        const topic = Topology.decorate(applicationId, `${name}-changelog`);
        stores.set(`${topic}:${partition}`, task.store(name)!);
        changelogPartitions.set(topic, [...(changelogPartitions.get(topic) ?? []), partition]);
      }
    }
    if (changelogPartitions.size === 0) return;
    await readToEnd({
      kafka,
      admin,
      groupPrefix: `${applicationId}-restore`,
      partitions: changelogPartitions,
      readCommitted: this.exactlyOnce,
      onRecord: (topic, partition, message) => stores.get(`${topic}:${partition}`)!.restore(message.key!, message.value ?? null, Number(message.timestamp)),
    });
  }

  private async onBatch({ batch, resolveOffset, heartbeat, isStale }: EachBatchPayload): Promise<void> {
    await this.serially(async () => {
      const active = this.tasks.get(batch.partition);
      if (this.stopping || this.failure || !active || isStale()) return;
      // In slices: the task's record queue takes records off its front one by one, which costs more the longer it is.
      for (let start = 0; start < batch.messages.length; start += RECORDS_PER_SLICE) {
        active.task.addRecords(batch.messages.slice(start, start + RECORDS_PER_SLICE).map((message) => consumedRecord(batch.topic, batch.partition, message)));
        while (active.task.process());
      }
      const last = batch.messages[batch.messages.length - 1]!.offset;
      active.positions.set(batch.topic, Number(last) + 1);
      resolveOffset(last);
      active.sender.dispatch();
      await this.maybeCommit();
    }).catch((error: unknown) => this.fail(error));
    await heartbeat();
  }

  private async maybeCommit(): Promise<void> {
    if (this.stopping || this.failure || Date.now() - this.lastCommit < this.options.config["commit.interval.ms"]) return;
    await this.commitAll().catch((error: unknown) => this.fail(error));
  }

  /** Java's commit: flush every task's caches (forwarding what they held), then make output and offsets durable. */
  private async commitAll(): Promise<void> {
    this.lastCommit = Date.now();
    if (this.tasks.size === 0) return;
    for (const { task } of this.tasks.values()) task.flush();
    const offsets = new Map<number, ConsumedOffset[]>();
    for (const [partition, active] of this.tasks) {
      const changed = [...active.positions].filter(([topic, offset]) => active.committed.get(topic) !== offset);
      offsets.set(partition, changed.map(([topic, offset]) => ({ topic, partition, offset })));
    }
    try {
      await this.output!.commit(offsets);
    } catch (error) {
      if (isRebalance(error)) return;
      throw error;
    }
    for (const [partition, committed] of offsets) {
      const active = this.tasks.get(partition)!;
      for (const { topic, offset } of committed) active.committed.set(topic, offset);
    }
    await this.maybePurgeRepartitionTopics();
  }

  /**
   * Java's repartition.purge.interval.ms (30 s): records of repartition topics below the committed offsets are
   * deleted, since those topics keep records forever otherwise (retention.ms -1). A failure only delays the purge.
   */
  private async maybePurgeRepartitionTopics(): Promise<void> {
    if (Date.now() - this.lastPurge < REPARTITION_PURGE_INTERVAL_MS) return;
    this.lastPurge = Date.now();
    const repartition = new Set(this.options.topology.repartitionTopics(this.options.applicationId));
    const byTopic = new Map<string, Array<{ partition: number; offset: string }>>();
    for (const [partition, active] of this.tasks) {
      for (const [topic, offset] of active.committed) {
        if (repartition.has(topic)) byTopic.set(topic, [...(byTopic.get(topic) ?? []), { partition, offset: String(offset) }]);
      }
    }
    for (const [topic, partitions] of byTopic) await this.options.admin.deleteTopicRecords({ topic, partitions }).catch(() => undefined);
  }

  private async closeTasks(clean: boolean): Promise<void> {
    for (const [partition, { task }] of this.tasks) {
      try {
        task.close();
      } finally {
        this.options.recordCache?.closeTask(task.id);
        await this.output!.closeTask(partition, clean);
      }
    }
    this.tasks.clear();
  }

  /** Runs `work` after everything queued before it, never two at once: the thread's single line of execution. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private fail(error: unknown): void {
    if (this.failure || this.stopping) return;
    this.failure = error instanceof Error ? error : new Error(String(error));
    clearInterval(this.commitTimer);
    // Reported once the current piece of work has returned, so the handler may shut the thread down.
    setImmediate(() => this.options.onError(this.failure!));
  }
}

function isRebalance(error: unknown): boolean {
  const type = (error as { type?: string } | undefined)?.type;
  return type !== undefined && REBALANCE_ERRORS.has(type);
}

/** `consumer.`/`main.consumer.` pass-through settings (Java's client prefixes) that this runtime maps to kafkajs. */
function clientOverrides(config: ResolvedStreamsConfig) {
  return {
    number(key: string): number | undefined {
      const value = config.clientOverrides[`main.consumer.${key}`] ?? config.clientOverrides[`consumer.${key}`];
      return value === undefined ? undefined : Number(value);
    },
  };
}
