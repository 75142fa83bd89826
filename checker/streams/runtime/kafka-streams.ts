import { randomUUID } from "node:crypto";
import { Kafka, logLevel, type Admin } from "kafkajs";
import { resolveStreamsConfig, type ResolvedStreamsConfig, type StreamsConfig } from "../config.ts";
import { IllegalStateError, InvalidArgumentError } from "../errors.ts";
import { GlobalStateTask } from "../engine/global-state-task.ts";
import { RecordCache } from "../state/caching/record-cache.ts";
import { consumedRecord } from "./consumed.ts";
import type { Topology } from "../topology/topology.ts";
import { createInternalTopics, planTopics, type TopicLayout } from "./internal-topics.ts";
import { PartitionReader } from "./partition-reader.ts";
import { StreamThread } from "./stream-thread.ts";
import { StreamsStateMachine, type KafkaStreamsState, type StateListener } from "./streams-state.ts";

/** What the uncaught exception handler decides (Java's `StreamThreadExceptionResponse`). */
export const StreamThreadExceptionResponse = {
  /** Start a fresh thread: its tasks restore from the changelogs and replay from the last commit. */
  REPLACE_THREAD: "REPLACE_THREAD",
  /** Stop this client: state PENDING_ERROR, then ERROR. Java's default. */
  SHUTDOWN_CLIENT: "SHUTDOWN_CLIENT",
  /** Java also asks every other instance of the application to stop; here only this client stops. */
  SHUTDOWN_APPLICATION: "SHUTDOWN_APPLICATION",
} as const;
export type StreamThreadExceptionResponse = (typeof StreamThreadExceptionResponse)[keyof typeof StreamThreadExceptionResponse];

/** Java's `StreamsUncaughtExceptionHandler`: gets the error (a processing error carries the user's as `cause`). */
export type StreamsUncaughtExceptionHandler = (exception: Error) => StreamThreadExceptionResponse;

/**
 * A Kafka Streams application on the real cluster (Java's `KafkaStreams`), over kafkajs: the consumer group is
 * `application.id`, internal topics are created at start, state stores live in memory and are restored from their
 * changelogs, and records are processed at least once, or exactly once with `processing.guarantee`
 * `exactly_once_v2`. One stream thread (JavaScript has one); `num.stream.threads` is not used.
 *
 * `start()` resolves once the client is set up and has joined (state REBALANCING): the state listener reports
 * RUNNING when the tasks are restored. A setup error (a missing source topic, topics that are not co-partitioned)
 * rejects `start()` and leaves the client in ERROR.
 */
export class KafkaStreams {
  private readonly config: ResolvedStreamsConfig;
  private readonly applicationId: string;
  private readonly clientId: string;
  private readonly machine = new StreamsStateMachine();
  private handler: StreamsUncaughtExceptionHandler | undefined;
  private kafka: Kafka | undefined;
  private admin: Admin | undefined;
  private layout: TopicLayout | undefined;
  private globalState: GlobalStateTask | undefined;
  private globalReader: PartitionReader | undefined;
  private thread: StreamThread | undefined;
  private recordCache: RecordCache | undefined;
  private starting: Promise<void> | undefined;
  private stopping: Promise<Error | undefined> | undefined;

  constructor(
    private readonly topology: Topology,
    props: StreamsConfig,
  ) {
    this.config = resolveStreamsConfig(props);
    const applicationId = this.config["application.id"];
    if (!applicationId) throw new InvalidArgumentError('Missing required configuration "application.id" which has no default value.');
    if (this.config["bootstrap.servers"].length === 0) throw new InvalidArgumentError('Missing required configuration "bootstrap.servers" which has no default value.');
    this.applicationId = applicationId;
    // Java: client.id, else `<application.id>-<process UUID>`.
    this.clientId = this.config["client.id"] || `${applicationId}-${randomUUID()}`;
  }

  state(): KafkaStreamsState {
    return this.machine.state;
  }

  setStateListener(listener: StateListener): void {
    this.machine.setListener(listener);
  }

  setUncaughtExceptionHandler(handler: StreamsUncaughtExceptionHandler): void {
    if (this.machine.state !== "CREATED") {
      throw new IllegalStateError(`Can only set UncaughtExceptionHandler before calling start(). Current state is: ${this.machine.state}`);
    }
    this.handler = handler;
  }

  /** Deletes local state. State lives in memory here (restored from changelogs), so there is nothing on disk. */
  cleanUp(): void {
    if (!["CREATED", "NOT_RUNNING", "ERROR"].includes(this.machine.state)) throw new IllegalStateError("Cannot clean up while running.");
  }

  start(): Promise<void> {
    if (this.machine.state !== "CREATED") throw new IllegalStateError("The client is either already started or already stopped, cannot re-start");
    this.machine.transition("REBALANCING");
    this.starting = this.setUp().catch(async (error: unknown) => {
      await this.stopTo("PENDING_ERROR", "ERROR", false);
      throw error;
    });
    return this.starting;
  }

  /** Flushes caches, commits, closes the tasks, leaves the group and disconnects every client. Idempotent. */
  async close(): Promise<void> {
    await this.starting?.catch(() => undefined);
    const error = await this.stopTo("PENDING_SHUTDOWN", "NOT_RUNNING", true);
    if (error) throw error;
  }

  private async setUp(): Promise<void> {
    const kafka = new Kafka({ clientId: this.clientId, brokers: [...this.config["bootstrap.servers"]], logLevel: logLevel.NOTHING });
    this.kafka = kafka;
    this.admin = kafka.admin();
    await this.admin.connect();
    this.layout = await planTopics(this.admin, this.topology, this.applicationId, `stream-thread [${this.clientId}-StreamThread-1-consumer] `);
    await createInternalTopics(this.admin, this.layout.internalTopics, this.config["replication.factor"]);
    this.globalState = new GlobalStateTask(this.topology.parts.globalStores, this.config, this.applicationId);
    this.globalState.initialize();
    await this.bootstrapGlobalStores();
    const cacheBytes = this.config["statestore.cache.max.bytes"];
    this.recordCache = cacheBytes > 0 ? new RecordCache(cacheBytes) : undefined;
    this.thread = this.newThread();
    await this.thread.start();
  }

  /** Java's global thread: every GlobalKTable reads its whole topic before any task processes, then keeps up. */
  private async bootstrapGlobalStores(): Promise<void> {
    const globalState = this.globalState!;
    if (globalState.topics.length === 0) return;
    const partitions = new Map(globalState.topics.map((topic) => [topic, Array.from({ length: this.layout!.partitions.get(topic)! }, (_, index) => index)]));
    this.globalReader = new PartitionReader({
      kafka: this.kafka!,
      admin: this.admin!,
      groupPrefix: `${this.applicationId}-global`,
      partitions,
      readCommitted: this.config["processing.guarantee"] === "exactly_once_v2",
      follow: true,
      onRecord: (topic, partition, message) => {
        try {
          globalState.update(consumedRecord(topic, partition, message));
        } catch (error) {
          this.onThreadError(error instanceof Error ? error : new Error(String(error)));
        }
      },
    });
    await this.globalReader.start();
    await this.globalReader.caughtUp;
  }

  private newThread(): StreamThread {
    return new StreamThread({
      kafka: this.kafka!,
      admin: this.admin!,
      topology: this.topology,
      config: this.config,
      applicationId: this.applicationId,
      layout: this.layout!,
      globalState: this.globalState!,
      recordCache: this.recordCache,
      onRebalancing: () => this.machine.transition("REBALANCING"),
      onRunning: () => this.machine.transition("RUNNING"),
      onError: (error) => this.onThreadError(error),
    });
  }

  /** Java's handleStreamsUncaughtException; without a handler, Java's default SHUTDOWN_CLIENT. */
  private onThreadError(error: Error): void {
    if (this.machine.isShuttingDownOrDone()) return;
    let response: StreamThreadExceptionResponse = StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    try {
      if (this.handler) response = this.handler(error);
    } catch {
      // A handler that throws cannot decide: the client stops, as with the default.
    }
    if (response === StreamThreadExceptionResponse.REPLACE_THREAD) {
      void this.replaceThread();
      return;
    }
    if (!this.handler) {
      const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
      console.error(`stream-client [${this.clientId}] ${error.message}${cause} — the exception handler opted to SHUTDOWN_CLIENT; the streams client is shutting down.`);
    }
    void this.stopTo("PENDING_ERROR", "ERROR", false);
  }

  private async replaceThread(): Promise<void> {
    const dead = this.thread!;
    this.recordCache = this.recordCache && new RecordCache(this.recordCache.maxBytes);
    this.thread = this.newThread();
    try {
      await dead.shutdown(false);
      await this.thread.start();
    } catch (error) {
      this.onThreadError(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Shuts everything down once; resolves with the error a clean shutdown ran into, if any (never rejects). */
  private stopTo(pending: "PENDING_SHUTDOWN" | "PENDING_ERROR", done: "NOT_RUNNING" | "ERROR", clean: boolean): Promise<Error | undefined> {
    if (this.stopping) return this.stopping;
    if (!this.machine.transition(pending)) return Promise.resolve(undefined);
    this.stopping = (async () => {
      let failure: Error | undefined;
      const attempt = async (step: () => Promise<unknown> | unknown) => {
        try {
          await step();
        } catch (error) {
          failure ??= error instanceof Error ? error : new Error(String(error));
        }
      };
      await attempt(() => this.thread?.shutdown(clean));
      await attempt(() => this.globalReader?.stop());
      await attempt(() => this.globalState?.close());
      await attempt(() => this.admin?.disconnect());
      this.machine.transition(done);
      return failure;
    })();
    return this.stopping;
  }
}
