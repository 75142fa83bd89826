import { failOnInvalidTimestamp } from "../../engine/timestamp-extractors.ts";
import type { Serde } from "../../serdes.ts";
import type { InternalTopologyBuilder } from "../../topology/internal-topology-builder.ts";
import type { SinkNode } from "../../topology/nodes.ts";
import type { Topology } from "../../topology/topology.ts";
import { filterProcessor } from "./stateless-processors.ts";
import { isNullish } from "./store-value-getter.ts";

export const REPARTITION_TOPIC_SUFFIX = "-repartition";

/** The three nodes and the topic of one repartition step (sink → internal topic → source). */
export interface RepartitionNames {
  readonly topic: string;
  readonly sinkName: string;
  readonly filterName: string;
  readonly sourceName: string;
}

/**
 * Java's `KStreamImpl.createRepartitionedSource`: always takes three generated names (sink, filter, source, in that
 * order) so that later names do not shift; a generated prefix (`KSTREAM-…-0000000007`) keeps them, a user-given prefix
 * names the nodes `<topic>-sink` / `-filter` / `-source`. The topic is `<prefix>-repartition`.
 */
export function repartitionNames(builder: InternalTopologyBuilder, topicPrefix: string): RepartitionNames {
  const topic = topicPrefix.endsWith(REPARTITION_TOPIC_SUFFIX) ? topicPrefix : topicPrefix + REPARTITION_TOPIC_SUFFIX;
  const generatedSink = builder.newProcessorName("KSTREAM-SINK-");
  const generatedFilter = builder.newProcessorName("KSTREAM-FILTER-");
  const generatedSource = builder.newProcessorName("KSTREAM-SOURCE-");
  if (/^KSTREAM.*-[0-9]{10}$/.test(topicPrefix)) {
    return { topic, sinkName: generatedSink, filterName: generatedFilter, sourceName: generatedSource };
  }
  return { topic, sinkName: `${topic}-sink`, filterName: `${topic}-filter`, sourceName: `${topic}-source` };
}

export interface RepartitionOptions {
  readonly keySerde: Serde<unknown> | undefined;
  readonly valueSerde: Serde<unknown> | undefined;
  readonly partitioner?: SinkNode["partitioner"];
  /** Fixed partition count (Repartitioned.withNumberOfPartitions); undefined = as many as the upstream sources. */
  readonly partitions?: number;
}

/**
 * Writes a stream repartition step (Java's Optimizable/UnoptimizableRepartitionNode): internal topic, a filter, the
 * sink, and a new source reading the topic with the record's own timestamp (FailOnInvalidTimestamp), whatever the
 * config says. The filter drops null keys unless a left/outer join downstream wants them (decided at build, see
 * `applyRepartitionNullKeyFilters`).
 */
export function writeRepartition(builder: InternalTopologyBuilder, parentName: string, names: RepartitionNames, options: RepartitionOptions): void {
  const filter = { sourceName: names.sourceName, dropNullKeys: false };
  registryOf(builder).filters.push(filter);
  linkRepartition(builder, names.sinkName, names.sourceName);
  builder.addInternalTopic({ name: names.topic, kind: "repartition", partitions: options.partitions });
  builder.addProcessor(names.filterName, filterProcessor((key) => !(filter.dropNullKeys && isNullish(key)), false), [parentName]);
  builder.addSink(names.sinkName, names.topic, [names.filterName], {
    keySerde: options.keySerde,
    valueSerde: options.valueSerde,
    partitioner: options.partitioner,
  });
  builder.addSource(names.sourceName, [names.topic], {
    keySerde: options.keySerde,
    valueSerde: options.valueSerde,
    timestampExtractor: failOnInvalidTimestamp,
  });
}

interface RepartitionRegistry {
  /** The filter of every stream repartition step; `dropNullKeys` is set when the topology is built. */
  readonly filters: Array<{ readonly sourceName: string; dropNullKeys: boolean }>;
  /** Repartition sink → the source reading it back: in Java's graph one node, so "downstream" crosses it. */
  readonly links: Map<string, string>;
  /** Processors of left/outer joins that accept null keys (Java's GraphNode.Label.NULL_KEY_RELAXED_JOIN). */
  readonly relaxedJoins: Set<string>;
}

const registries = new WeakMap<InternalTopologyBuilder, RepartitionRegistry>();

function registryOf(builder: InternalTopologyBuilder): RepartitionRegistry {
  let registry = registries.get(builder);
  if (!registry) {
    registry = { filters: [], links: new Map(), relaxedJoins: new Set() };
    registries.set(builder, registry);
  }
  return registry;
}

/** Records a repartition step (sink and the source reading it back) that has no filter, such as KGroupedTable's. */
export function linkRepartition(builder: InternalTopologyBuilder, sinkName: string, sourceName: string): void {
  registryOf(builder).links.set(sinkName, sourceName);
}

/**
 * Marks a join processor that keeps null-key records (stream-table and stream-globalTable left joins, stream-stream
 * left/outer joins: Java labels them NULL_KEY_RELAXED_JOIN since KIP-962, 3.7). Mark the join's processors that are
 * reached from the joined streams (window, join and merge nodes alike).
 */
export function markNullKeyRelaxedJoin(builder: InternalTopologyBuilder, processorName: string): void {
  registryOf(builder).relaxedJoins.add(processorName);
}

/**
 * Java's `InternalStreamsBuilder.rewriteRepartitionNodes` (run by StreamsBuilder.build): every repartition filter
 * becomes `key != null` unless a relaxed (left/outer) join lies downstream of its repartition step, where null keys
 * must pass. Downstream follows the topology's children and crosses other repartition steps, as Java's graph does.
 */
export function applyRepartitionNullKeyFilters(builder: InternalTopologyBuilder, topology: Topology): void {
  const registry = registryOf(builder);
  const children = new Map(topology.parts.nodes.map((node) => [node.name, node.kind === "sink" ? [] : node.children]));
  const reachesRelaxedJoin = (start: string): boolean => {
    const seen = new Set<string>();
    const pending = [start];
    while (pending.length > 0) {
      const name = pending.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      if (registry.relaxedJoins.has(name)) return true;
      pending.push(...(children.get(name) ?? []));
      const readBack = registry.links.get(name);
      if (readBack !== undefined) pending.push(readBack);
    }
    return false;
  };
  for (const filter of registry.filters) filter.dropNullKeys = !reachesRelaxedJoin(filter.sourceName);
}

/**
 * Java re-adds a reused repartition node to the graph when a Grouped-named grouped stream is aggregated a second
 * time (GroupedStreamAggregateBuilder.build), which gives it a later build priority: it is then written after every
 * sibling created before the re-add, so its parent forwards to it after them. Moving it last among the parent's
 * children now gives the same forwarding order. (A join's reused repartition is not re-added in Java.)
 */
export function moveChildToEnd(builder: InternalTopologyBuilder, parentName: string, childName: string): void {
  const parent = builder.node(parentName);
  if (parent.kind === "sink") return;
  const index = parent.children.indexOf(childName);
  if (index >= 0) parent.children.push(...parent.children.splice(index, 1));
}
