import type { StreamsConfig } from "./config.ts";
import { InvalidArgumentError, TopologyException } from "./errors.ts";
import { GlobalKTable } from "./kstream/global-ktable.ts";
import { keyValueStoreBuilder } from "./kstream/internals/key-value-store-materializer.ts";
import { KTableSource, sourceTable } from "./kstream/internals/ktable-source.ts";
import { materializedInternal } from "./kstream/internals/materialized-internal.ts";
import { applyRepartitionNullKeyFilters } from "./kstream/internals/repartition.ts";
import { storeValueGetterSupplier } from "./kstream/internals/store-value-getter.ts";
import { validateCopartitionAtBuild } from "./kstream/joins/copartitioning.ts";
import { KStream } from "./kstream/kstream.ts";
import { KTable } from "./kstream/ktable.ts";
import { Consumed } from "./kstream/options/consumed.ts";
import { Materialized } from "./kstream/options/materialized.ts";
import { nameOrGenerate, suffixedNameOrGenerate } from "./kstream/options/named.ts";
import type { Serde } from "./serdes.ts";
import { InternalTopologyBuilder } from "./topology/internal-topology-builder.ts";
import type { Topology } from "./topology/topology.ts";

/** Entry point of the DSL (Java's `StreamsBuilder`): sources, then `build()` for the `Topology` to run. */
export class StreamsBuilder {
  /** @internal The graph every stream and table of this builder writes into. */
  readonly internalTopologyBuilder = new InternalTopologyBuilder();
  /** `stream()` sources by topic list: Java merges two `stream()` calls on the same topics into one source node. */
  private readonly streamSources: Array<{ readonly topics: readonly string[]; readonly name: string }> = [];

  /** A record stream from one or more topics (serdes from Consumed, else the config's defaults). */
  stream<K, V>(topics: string | readonly string[], consumed?: Consumed<K, V>): KStream<K, V> {
    const topicList = typeof topics === "string" ? [topics] : [...topics];
    const name = nameOrGenerate(this.internalTopologyBuilder, consumed?.processorName, "KSTREAM-SOURCE-");
    const sameTopics = this.streamSources.find((source) => source.topics.join("\0") === topicList.join("\0"));
    if (sameTopics) return new KStream(this.internalTopologyBuilder, sameTopics.name, [sameTopics.name], consumed?.keySerde, consumed?.valueSerde, false);
    if (this.streamSources.some((source) => source.topics.some((topic) => topicList.includes(topic)))) {
      // Java throws this from build(); here it comes at once, from the call that caused it.
      throw new TopologyException("Two source nodes are subscribed to overlapping but not equal input topics");
    }
    this.internalTopologyBuilder.addSource(name, topicList, {
      keySerde: consumed?.keySerde as Serde<unknown> | undefined,
      valueSerde: consumed?.valueSerde as Serde<unknown> | undefined,
      timestampExtractor: consumed?.timestampExtractor,
    });
    this.streamSources.push({ topics: topicList, name });
    return new KStream(this.internalTopologyBuilder, name, [name], consumed?.keySerde, consumed?.valueSerde, false);
  }

  /**
   * A table from a topic: the latest value per key. Its store (`<topic>-STATE-STORE-<n>`, or the Materialized name) is
   * only built when the table is queried, joined or regrouped. With Consumed given, its serdes are the store's too.
   */
  table<K, V>(topic: string, materialized: Materialized<K, V>): KTable<K, V>;
  table<K, V>(topic: string, consumed?: Consumed<K, V>, materialized?: Materialized<K, V>): KTable<K, V>;
  table<K, V>(topic: string, consumedOrMaterialized?: Consumed<K, V> | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<K, V> {
    const { consumed, store } = this.tableOptions(topic, consumedOrMaterialized, materialized);
    const builder = this.internalTopologyBuilder;
    const sourceName = suffixedNameOrGenerate(builder, consumed.processorName, "-source", "KSTREAM-SOURCE-");
    const tableSourceName = nameOrGenerate(builder, consumed.processorName, "KTABLE-SOURCE-");
    builder.addSource(sourceName, [topic], {
      keySerde: consumed.keySerde as Serde<unknown> | undefined,
      valueSerde: consumed.valueSerde as Serde<unknown> | undefined,
      timestampExtractor: consumed.timestampExtractor,
    });
    const supplier = sourceTable<K, V>(builder, tableSourceName, store);
    builder.addProcessor(tableSourceName, () => supplier.get(), [sourceName]);
    if (store.queryableStoreName !== undefined) supplier.materialize();
    return new KTable(builder, tableSourceName, [sourceName], consumed.keySerde, consumed.valueSerde, supplier, store.queryableStoreName);
  }

  /** A table every instance holds in full (all partitions), read before processing starts; never logged. */
  globalTable<K, V>(topic: string, materialized: Materialized<K, V>): GlobalKTable<K, V>;
  globalTable<K, V>(topic: string, consumed?: Consumed<K, V>, materialized?: Materialized<K, V>): GlobalKTable<K, V>;
  globalTable<K, V>(topic: string, consumedOrMaterialized?: Consumed<K, V> | Materialized<K, V>, materialized?: Materialized<K, V>): GlobalKTable<K, V> {
    const { consumed, store } = this.tableOptions(topic, consumedOrMaterialized, materialized);
    const builder = this.internalTopologyBuilder;
    const sourceName = suffixedNameOrGenerate(builder, consumed.processorName, "-source", "KSTREAM-SOURCE-");
    const processorName = nameOrGenerate(builder, consumed.processorName, "KTABLE-SOURCE-");
    // Global stores are always materialized and never logged: the source topic is their changelog.
    const supplier = new KTableSource<K, V>(store.storeName);
    supplier.materialize();
    builder.addGlobalStore({
      topic,
      sourceName,
      processorName,
      store: keyValueStoreBuilder({ ...store, loggingEnabled: false, topicConfig: {} }),
      keySerde: consumed.keySerde as Serde<unknown> | undefined,
      valueSerde: consumed.valueSerde as Serde<unknown> | undefined,
      supplier: () => supplier.get(),
    });
    return new GlobalKTable<K, V>(storeValueGetterSupplier(store.storeName), store.queryableStoreName);
  }

  /** The topology to run. `topology.optimization=all` is not supported: this engine builds Java's unoptimized graph. */
  build(props?: StreamsConfig): Topology {
    if (props?.["topology.optimization"] === "all") {
      throw new InvalidArgumentError('topology.optimization "all" is not supported here; use "none" (the default).');
    }
    const topology = this.internalTopologyBuilder.build();
    applyRepartitionNullKeyFilters(this.internalTopologyBuilder, topology);
    validateCopartitionAtBuild(topology.parts.copartitionGroups, topology.parts.internalTopics);
    return topology;
  }

  /**
   * Java's StreamsBuilder.table/globalTable overloads: with Consumed, the store takes Consumed's serdes (overriding
   * Materialized's); with only Materialized, the source reads with Materialized's serdes. The store name is taken
   * from the counter first: `<topic>-STATE-STORE-<n>`.
   */
  private tableOptions<K, V>(topic: string, consumedOrMaterialized: Consumed<K, V> | Materialized<K, V> | undefined, materialized: Materialized<K, V> | undefined) {
    const given = consumedOrMaterialized instanceof Materialized ? consumedOrMaterialized : materialized;
    const consumedGiven = consumedOrMaterialized instanceof Consumed ? consumedOrMaterialized : undefined;
    const options = given ?? Materialized.with<K, V>(undefined, undefined);
    const withSerdes = consumedGiven ? options.withSerdes(consumedGiven.keySerde, consumedGiven.valueSerde) : options;
    const store = materializedInternal(withSerdes, this.internalTopologyBuilder, `${topic}-`);
    const consumed = consumedGiven ?? Consumed.with(store.keySerde, store.valueSerde);
    return { consumed, store };
  }
}
