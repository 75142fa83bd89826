import { TopologyException } from "../errors.ts";
import type { ProcessorSupplier } from "../processor/api.ts";
import type { Serde } from "../serdes.ts";
import type { StoreBuilder } from "../state/store.ts";
import type { GlobalStore, InternalTopic, ProcessorNode, SinkNode, SourceNode, TimestampExtractor, TopologyNode } from "./nodes.ts";
import { Topology } from "./topology.ts";

/**
 * The graph the DSL writes into, and the one place that hands out generated names. Java's counter is shared by
 * processor and store names and advances once per name, in DSL call order; internal topic names derive from it
 * (`KSTREAM-AGGREGATE-STATE-STORE-0000000002-repartition`), so every operator must take names exactly where Java does.
 */
export class InternalTopologyBuilder {
  private index = 0;
  private readonly nodes = new Map<string, TopologyNode>();
  private readonly stores = new Map<string, StoreBuilder>();
  private readonly internalTopics = new Map<string, InternalTopic>();
  private readonly globalStores: GlobalStore[] = [];
  private readonly copartitionGroups: string[][] = [];
  /** Node names in the order added, global stores' nodes included: describe() numbers sub-topologies by it. */
  private readonly nodeOrder: string[] = [];

  /** `KSTREAM-FILTER-0000000001`: Java's `InternalStreamsBuilder.newProcessorName`. */
  newProcessorName(prefix: string): string {
    return `${prefix}${String(this.index++).padStart(10, "0")}`;
  }

  /** `KSTREAM-AGGREGATE-STATE-STORE-0000000002`: Java's `newStoreName`. */
  newStoreName(prefix: string): string {
    return `${prefix}STATE-STORE-${String(this.index++).padStart(10, "0")}`;
  }

  addSource(
    name: string,
    topics: readonly string[],
    options: { keySerde?: Serde<unknown>; valueSerde?: Serde<unknown>; timestampExtractor?: TimestampExtractor } = {},
  ): SourceNode {
    for (const topic of topics) {
      const owner = this.sources().find((source) => source.topics.includes(topic));
      if (owner) throw new TopologyException(`Topic ${topic} has already been registered by another source.`);
    }
    const node: SourceNode = { kind: "source", name, topics, keySerde: options.keySerde, valueSerde: options.valueSerde, timestampExtractor: options.timestampExtractor, children: [] };
    return this.register(node);
  }

  addProcessor<KIn, VIn, KOut, VOut>(name: string, supplier: ProcessorSupplier<KIn, VIn, KOut, VOut>, parentNames: readonly string[]): ProcessorNode {
    const node: ProcessorNode = { kind: "processor", name, supplier: supplier as ProcessorSupplier<unknown, unknown, unknown, unknown>, parents: parentNames, stores: [], children: [] };
    this.register(node);
    this.linkToParents(name, parentNames);
    return node;
  }

  addSink(name: string, topic: SinkNode["topic"], parentNames: readonly string[], options: Partial<Pick<SinkNode, "keySerde" | "valueSerde" | "partitioner">> = {}): SinkNode {
    const node: SinkNode = { kind: "sink", name, topic, parents: parentNames, keySerde: options.keySerde, valueSerde: options.valueSerde, partitioner: options.partitioner };
    this.register(node);
    this.linkToParents(name, parentNames);
    return node;
  }

  /** Registers a store (once) and connects it to the processors that read or write it. */
  addStateStore(store: StoreBuilder, processorNames: readonly string[] = []): void {
    const existing = this.stores.get(store.name);
    if (existing && existing !== store) throw new TopologyException(`A different StateStore has already been added with the name ${store.name}`);
    this.stores.set(store.name, store);
    this.connectProcessorAndStateStores(processorNames, [store.name]);
  }

  connectProcessorAndStateStores(processorNames: readonly string[], storeNames: readonly string[]): void {
    for (const processorName of processorNames) {
      const node = this.nodes.get(processorName);
      if (node?.kind !== "processor") throw new TopologyException(`Processor ${processorName} is not added yet.`);
      for (const storeName of storeNames) {
        if (!this.stores.has(storeName)) throw new TopologyException(`StateStore ${storeName} is not added yet.`);
        if (!node.stores.includes(storeName)) node.stores.push(storeName);
      }
    }
  }

  /** A topic named `<application.id>-<name>` at run time, created by the runtime before the application starts. */
  addInternalTopic(topic: InternalTopic): void {
    this.internalTopics.set(topic.name, topic);
  }

  addGlobalStore(globalStore: GlobalStore): void {
    this.globalStores.push(globalStore);
    this.nodeOrder.push(globalStore.sourceName, globalStore.processorName);
  }

  /** Topics that must have the same number of partitions (joined streams and tables); checked when the app starts. */
  copartitionSources(topics: readonly string[]): void {
    this.copartitionGroups.push([...topics]);
  }

  node(name: string): TopologyNode {
    const node = this.nodes.get(name);
    if (!node) throw new TopologyException(`Node ${name} is not added yet.`);
    return node;
  }

  build(): Topology {
    return new Topology({
      nodes: [...this.nodes.values()],
      stores: [...this.stores.values()],
      internalTopics: [...this.internalTopics.values()],
      globalStores: [...this.globalStores],
      copartitionGroups: this.copartitionGroups.map((group) => [...group]),
      nodeOrder: [...this.nodeOrder],
    });
  }

  private sources(): SourceNode[] {
    return [...this.nodes.values()].filter((node): node is SourceNode => node.kind === "source");
  }

  private register<N extends TopologyNode>(node: N): N {
    if (this.nodes.has(node.name)) throw new TopologyException(`Processor ${node.name} is already added.`);
    this.nodes.set(node.name, node);
    this.nodeOrder.push(node.name);
    return node;
  }

  private linkToParents(childName: string, parentNames: readonly string[]): void {
    if (parentNames.length === 0) throw new TopologyException(`Processor ${childName} must have at least one parent`);
    for (const parentName of parentNames) {
      const parent = this.node(parentName);
      if (parent.kind === "sink") throw new TopologyException(`Sink ${parentName} cannot be used a parent.`);
      parent.children.push(childName);
    }
  }
}
