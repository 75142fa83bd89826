import type { ResolvedStreamsConfig } from "../config.ts";
import { IllegalStateError, StreamsError } from "../errors.ts";
import { resolveSerde } from "../serdes.ts";
import type { CachingStoreContext, KeyValueCacheFactory } from "../state/key-value-bytes-layer.ts";
import type { StateStore } from "../state/store.ts";
import type { GlobalStore } from "../topology/nodes.ts";
import type { ConsumedRecord } from "./consumed-record.ts";
import type { TaskEnvironment } from "./node-context.ts";
import { deserialize } from "./record-stamper.ts";
import { ProcessorTaskNode } from "./task-nodes.ts";
import { withCause } from "./with-cause.ts";

export interface GlobalStateTaskOptions {
  /** Record cache bytes for caching global stores; 0 (the default) = no cache. */
  readonly cacheMaxBytes?: number;
  readonly keyValueCache?: KeyValueCacheFactory;
  /**
   * Skip records that fail to deserialize instead of failing: Java's TopologyTestDriver runs its global task with
   * LogAndContinueExceptionHandler, while KafkaStreams uses the configured handler (LogAndFail by default).
   */
  readonly skipUndeserializable?: boolean;
}

/** Java names the global task `-1_-1`: it belongs to no sub-topology and no partition. */
const GLOBAL_TASK_ID = "-1_-1";

/**
 * Keeps the GlobalKTable stores (Java's GlobalStateUpdateTask): every record of a global topic, from every
 * partition, goes through that store's processor. No timestamp extractor, no changelog: the topic is the changelog.
 */
export class GlobalStateTask {
  private readonly environment: TaskEnvironment;
  private readonly stores = new Map<string, StateStore>();
  private readonly byTopic = new Map<string, { globalStore: GlobalStore; node: ProcessorTaskNode }>();

  constructor(
    globalStores: readonly GlobalStore[],
    private readonly config: ResolvedStreamsConfig,
    private readonly applicationId: string,
    private readonly options: GlobalStateTaskOptions = {},
  ) {
    this.environment = {
      applicationId,
      taskId: GLOBAL_TASK_ID,
      recordContext: undefined,
      storeFor: (_nodeName, storeName) => {
        const store = this.stores.get(storeName);
        if (!store) throw new StreamsError(`Global store ${storeName} does not exist.`);
        return store;
      },
    };
    for (const globalStore of globalStores) {
      this.stores.set(globalStore.store.name, globalStore.store.build());
      this.byTopic.set(globalStore.topic, { globalStore, node: new ProcessorTaskNode(globalStore.processorName, globalStore.supplier(), this.environment) });
    }
  }

  get topics(): string[] {
    return [...this.byTopic.keys()];
  }

  initialize(): void {
    const environment = this.environment;
    const context: CachingStoreContext = {
      applicationId: this.applicationId,
      taskId: GLOBAL_TASK_ID,
      partition: -1,
      cacheMaxBytes: this.options.cacheMaxBytes ?? 0,
      keyValueCache: this.options.keyValueCache,
      keySerde: this.config["default.key.serde"],
      valueSerde: this.config["default.value.serde"],
      get recordTimestamp() {
        return environment.recordContext?.timestamp ?? -1;
      },
      log: () => {
        throw new IllegalStateError("this should not happen: logChange() not supported in global processor context.");
      },
    };
    for (const store of this.stores.values()) store.init(context);
    for (const { node } of this.byTopic.values()) node.init();
  }

  /** Applies one record of a global topic to its store (Java's GlobalStateUpdateTask.update). */
  update(raw: ConsumedRecord): void {
    const entry = this.byTopic.get(raw.topic);
    if (!entry) throw new StreamsError(`No global store reads topic ${raw.topic}`);
    const { globalStore, node } = entry;
    let record: { key: unknown; value: unknown };
    try {
      const defaults = { key: this.config["default.key.serde"], value: this.config["default.value.serde"] };
      record = deserialize(raw, resolveSerde(globalStore.keySerde, defaults, "key"), resolveSerde(globalStore.valueSerde, defaults, "value"));
    } catch (error) {
      if (this.options.skipUndeserializable) return;
      throw error;
    }
    const { topic, partition, offset, timestamp, headers } = raw;
    this.environment.recordContext = { origin: { topic, partition, offset }, timestamp, headers };
    try {
      node.process({ key: record.key, value: record.value, timestamp, headers });
    } catch (error) {
      throw withCause(new StreamsError(`Exception caught in global state update. processor=${node.name}, topic=${topic}, partition=${partition}, offset=${offset}`), error);
    } finally {
      this.environment.recordContext = undefined;
    }
  }

  store(name: string): StateStore | undefined {
    return this.stores.get(name);
  }

  storeNames(): string[] {
    return [...this.stores.keys()];
  }

  flush(): void {
    for (const store of this.stores.values()) store.flush();
  }

  close(): void {
    for (const { node } of this.byTopic.values()) node.close();
    for (const store of this.stores.values()) store.close();
  }
}
