import type { ResolvedStreamsConfig } from "../config.ts";
import { StreamsError } from "../errors.ts";
import type { RecordCache } from "../state/caching/record-cache.ts";
import type { CachingStoreContext, KeyValueCacheFactory } from "../state/key-value-bytes-layer.ts";
import type { StateStore } from "../state/store.ts";
import type { SourceNode } from "../topology/nodes.ts";
import { Topology } from "../topology/topology.ts";
import type { ConsumedRecord } from "./consumed-record.ts";
import type { TaskEnvironment, RecordContext } from "./node-context.ts";
import { PartitionGroup, type StampedRecord } from "./partition-group.ts";
import type { RecordCollector } from "./record-collector.ts";
import { FailedProcessingError, ProcessorTaskNode, SinkTaskNode, SourceTaskNode, type TaskNode } from "./task-nodes.ts";
import { withCause } from "./with-cause.ts";
import { stampRecord } from "./record-stamper.ts";

export interface StreamTaskOptions {
  readonly topology: Topology;
  readonly config: ResolvedStreamsConfig;
  readonly applicationId: string;
  /** The partition this task reads of every source topic (and writes its changelogs to). */
  readonly partition: number;
  readonly collector: RecordCollector;
  /** Record cache bytes for this task; 0 (the default) disables caching as in the test driver. */
  readonly cacheMaxBytes?: number;
  /** The runtime's record cache for caching stores (state/caching); omitted = no cache. */
  readonly keyValueCache?: KeyValueCacheFactory;
  /** The same record cache, for window and session stores built with caching; omitted = they do not cache. */
  readonly recordCache?: RecordCache;
  /** GlobalKTable stores, readable by every processor. */
  readonly globalStore?: (name: string) => StateStore | undefined;
}

/**
 * Runs a whole Topology for one partition: task `0_<partition>` (Java splits sub-topologies into tasks; one task
 * per partition runs them all, as Java's TopologyTestDriver does). Records are buffered per source partition and
 * processed one at a time, always from the partition whose next record has the smallest timestamp.
 */
export class StreamTask {
  readonly id: string;
  private readonly environment: TaskEnvironment;
  private readonly nodes = new Map<string, TaskNode>();
  private readonly sourcesByTopic = new Map<string, { node: SourceNode; task: TaskNode }>();
  private readonly stores = new Map<string, StateStore>();
  private readonly partitionGroup: PartitionGroup;
  private closed = false;

  constructor(private readonly options: StreamTaskOptions) {
    const { topology, config, applicationId, partition } = options;
    this.id = `0_${partition}`;
    const internalTopics = new Set(topology.parts.internalTopics.map((topic) => topic.name));
    const resolveTopic = (topic: string): string => (internalTopics.has(topic) ? Topology.decorate(applicationId, topic) : topic);
    const connectedStores = new Set(topology.parts.nodes.flatMap((node) => (node.kind === "processor" ? node.stores : [])));
    const storeAccess = new Map(topology.parts.nodes.map((node) => [node.name, node.kind === "processor" ? node.stores : []] as const));
    this.environment = {
      applicationId,
      taskId: this.id,
      recordContext: undefined,
      storeFor: (nodeName, storeName) => {
        const global = options.globalStore?.(storeName);
        if (global) return global;
        const store = this.stores.get(storeName);
        if (!store || !storeAccess.get(nodeName)?.includes(storeName)) throw noAccess(nodeName, storeName);
        return store;
      },
    };

    for (const node of topology.parts.nodes) {
      if (node.kind === "source") {
        const task = new SourceTaskNode(node.name, this.environment);
        this.nodes.set(node.name, task);
        for (const topic of node.topics) this.sourcesByTopic.set(resolveTopic(topic), { node, task });
      } else if (node.kind === "processor") {
        this.nodes.set(node.name, new ProcessorTaskNode(node.name, node.supplier(), this.environment));
      } else {
        const sinkSettings = { applicationId, collector: options.collector, defaultKeySerde: config["default.key.serde"], defaultValueSerde: config["default.value.serde"], resolveTopic };
        this.nodes.set(node.name, new SinkTaskNode(node, sinkSettings));
      }
    }
    for (const node of topology.parts.nodes) {
      if (node.kind === "sink") continue;
      for (const child of node.children) this.nodes.get(node.name)!.children.push(this.nodes.get(child)!);
    }

    // Like Java's ProcessorTopology: only stores some processor is connected to, in first-connection order.
    const builders = new Map(topology.parts.stores.map((builder) => [builder.name, builder]));
    for (const name of connectedStores) this.stores.set(name, builders.get(name)!.build());

    this.partitionGroup = new PartitionGroup(
      [...this.sourcesByTopic.keys()].map((topic) => ({ topic, partition })),
      (raw, partitionTime) => stampRecord(raw, partitionTime, this.source(raw.topic).node, config),
    );
  }

  /** Real names of the topics this task reads (internal topics prefixed with the application id). */
  get sourceTopics(): string[] {
    return [...this.sourcesByTopic.keys()];
  }

  /** Initializes stores, then processors, in topology order (Java: initializeStateStores, then initializeTopology). */
  initialize(): void {
    const { applicationId, partition, collector, config } = this.options;
    const environment = this.environment;
    const storeContext: CachingStoreContext = {
      applicationId,
      taskId: this.id,
      partition,
      cacheMaxBytes: this.options.cacheMaxBytes ?? 0,
      keySerde: config["default.key.serde"],
      valueSerde: config["default.value.serde"],
      get recordTimestamp() {
        return environment.recordContext?.timestamp ?? -1;
      },
      log: (storeName, key, value, timestamp) =>
        collector.send({ topic: Topology.decorate(applicationId, `${storeName}-changelog`), partition, key, value, timestamp, headers: [] }),
      keyValueCache: this.options.keyValueCache,
      recordCache: this.options.recordCache,
    };
    for (const store of this.stores.values()) store.init(storeContext);
    for (const node of this.nodes.values()) node.init();
  }

  addRecords(records: Iterable<ConsumedRecord>): void {
    for (const record of records) {
      this.source(record.topic);
      this.partitionGroup.add(record);
    }
  }

  hasRecordsQueued(): boolean {
    return this.partitionGroup.hasRecordsQueued();
  }

  /** Processes the next buffered record through the topology; false when nothing is buffered. */
  process(): boolean {
    if (this.closed) throw new StreamsError(`Stream task ${this.id} is already closed.`);
    const record = this.partitionGroup.nextRecord();
    if (!record) return false;
    const source = this.source(record.raw.topic).task;
    const { topic, partition, offset, headers } = record.raw;
    const context: RecordContext = { origin: { topic, partition, offset }, timestamp: record.timestamp, headers };
    this.environment.recordContext = context;
    try {
      source.process({ key: record.key, value: record.value, timestamp: record.timestamp, headers });
    } catch (error) {
      throw this.processingError(error, record, source.name);
    } finally {
      this.environment.recordContext = undefined;
    }
    return true;
  }

  /** Buffers `record` and processes everything buffered, in Java's order. */
  processRecord(record: ConsumedRecord): void {
    this.addRecords([record]);
    while (this.process());
  }

  /** A store of this task by name (undefined if no processor uses it), for restoration and the test driver. */
  store(name: string): StateStore | undefined {
    return this.stores.get(name);
  }

  storeNames(): string[] {
    return [...this.stores.keys()];
  }

  /** Writes caches through (caching stores forward their pending updates), as a commit does. */
  flush(): void {
    for (const store of this.stores.values()) store.flush();
  }

  /** Closes processors, then stores (Java's closeClean after a final commit). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const node of this.nodes.values()) node.close();
    for (const store of this.stores.values()) store.close();
  }

  private source(topic: string): { node: SourceNode; task: TaskNode } {
    const source = this.sourcesByTopic.get(topic);
    if (!source) throw new StreamsError(`Task ${this.id} has no source for topic ${topic}`);
    return source;
  }

  /** Java's StreamTask.process error handling: name the failing processor and the input record. */
  private processingError(error: unknown, record: StampedRecord, sourceName: string): Error {
    if (error instanceof StreamsError) return error;
    const failed = error instanceof FailedProcessingError ? error : undefined;
    const { topic, partition, offset } = record.raw;
    const message = `Exception caught in process. taskId=${this.id}, processor=${failed?.nodeName ?? sourceName}, topic=${topic}, partition=${partition}, offset=${offset}`;
    return withCause(new StreamsError(message), failed ? failed.cause : error);
  }
}

function noAccess(nodeName: string, storeName: string): StreamsError {
  return new StreamsError(
    `Processor ${nodeName} has no access to StateStore ${storeName} as the store is not connected to the processor. ` +
      "If you add stores manually via '.addStateStore()' make sure to connect the added store to the processor by providing " +
      "the processor name to '.addStateStore()' or connect them via '.connectProcessorAndStateStores()'. DSL users need to " +
      "provide the store name to '.process()', '.processValues()', or '.transformValues()' to connect the store to the " +
      "corresponding operator, or they can provide a StoreBuilder by implementing the stores() method on the Supplier itself. " +
      "If you do not add stores manually, please file a bug report at https://issues.apache.org/jira/projects/KAFKA.",
  );
}
