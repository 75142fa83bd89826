import { IllegalStateError, TopologyException } from "../../errors.ts";
import type { InternalTopic } from "../../topology/nodes.ts";
import type { InternalTopologyBuilder } from "../../topology/internal-topology-builder.ts";

/**
 * Co-partitioning: the inputs of a KStream-KStream, KStream-KTable or KTable-KTable join must have the same number
 * of partitions, so that partition N of every input lands in the same task. Registered when the join is built (Java's
 * `AbstractStream.ensureCopartitionWith` → `InternalTopologyBuilder.copartitionSources`), checked when the application
 * starts against the cluster's partition counts (Java's `CopartitionedTopicsEnforcer`, run by the partition assignor).
 */

/**
 * Records that the topics behind all of these source nodes must be co-partitioned; returns the union of the node names
 * (the joined stream's or table's `subTopologySourceNodes`).
 */
export function ensureCopartitionWith(builder: InternalTopologyBuilder, sourceNodeGroups: readonly (readonly string[])[]): string[] {
  const sourceNodes = [...new Set(sourceNodeGroups.flat())];
  builder.copartitionSources(sourceNodes.flatMap((name) => sourceTopicsOf(builder, name)));
  return sourceNodes;
}

function sourceTopicsOf(builder: InternalTopologyBuilder, nodeName: string): readonly string[] {
  try {
    const node = builder.node(nodeName);
    return node.kind === "source" ? node.topics : [];
  } catch (error) {
    // A join that reuses an earlier repartition topic names a source that was never added (see repartition-for-join.ts);
    // Java's build-time check skips such names too.
    if (error instanceof TopologyException) return [];
    throw error;
  }
}

/** A repartition topic inside a co-partition group, with the partition count derived so far (Java's `InternalTopicConfig`). */
export interface RepartitionTopicPartitions {
  /** Partitions computed from the topic's upstream sources, or fixed by `Repartitioned.withNumberOfPartitions`. */
  readonly partitions: number | undefined;
  /** True when fixed by the user (Java's `hasEnforcedNumberOfPartitions`): the check may not change it. */
  readonly enforced: boolean;
}

/**
 * Java's start-up check (`CopartitionedTopicsEnforcer.enforce` over `InternalTopologyBuilder.copartitionGroups()`),
 * as a pure function. `groups` are the topology's co-partition groups (`Topology.parts.copartitionGroups`; groups that
 * share a topic are merged first, as Java does); `partitionCounts` holds the cluster's partition count of every
 * non-repartition topic; `repartitionTopics` the repartition topics (by the same names as in `groups`).
 *
 * Throws `TopologyException` "Invalid topology: <logPrefix>Topics not co-partitioned: [{a=3, b=2}]" (a TreeMap's
 * text, sorted by topic) when the source topics of a group differ. Returns the partition count each repartition topic
 * must be created with: the group's source topics' count, or, for a group of repartition topics only, their largest
 * (or their common enforced) count.
 */
export function checkCopartitioning(
  groups: readonly (readonly string[])[],
  partitionCounts: ReadonlyMap<string, number>,
  repartitionTopics: ReadonlyMap<string, RepartitionTopicPartitions> = new Map(),
  logPrefix = "",
): Map<string, number> {
  const decided = new Map<string, number>();
  for (const group of mergeOverlapping(groups)) {
    const repartition = group.filter((topic) => repartitionTopics.has(topic));
    const sources = group.filter((topic) => !repartitionTopics.has(topic));
    const sourceCounts = new Map(sources.map((topic) => [topic, partitionsOf(topic, partitionCounts, logPrefix)] as const));
    const count = sources.length === 0 ? repartitionOnlyCount(repartition, repartitionTopics, logPrefix) : samePartitions(sourceCounts, logPrefix);
    for (const topic of repartition) {
      const config = repartitionTopics.get(topic)!;
      const partitions = config.enforced ? config.partitions : count;
      if (partitions !== count) {
        throw new TopologyException(
          `${logPrefix}Number of partitions [${partitions}] of repartition topic [${topic}] doesn't match number of partitions [${count}] of the source topic.`,
        );
      }
      decided.set(topic, count);
    }
  }
  return decided;
}

/**
 * Build-time half of the check (Java's `InternalTopologyBuilder.validateCopartition`, run by `StreamsBuilder.build`):
 * a group made only of repartition topics whose partition counts are all fixed must agree.
 */
export function validateCopartitionAtBuild(groups: readonly (readonly string[])[], internalTopics: readonly InternalTopic[]): void {
  const fixed = new Map(internalTopics.filter((topic) => topic.partitions !== undefined).map((topic) => [topic.name, topic.partitions!] as const));
  for (const group of groups) {
    const topics = [...new Set(group)];
    if (topics.length === 0 || !topics.every((topic) => fixed.has(topic))) continue;
    const counts = new Map(topics.map((topic) => [topic, fixed.get(topic)!] as const));
    if (new Set(counts.values()).size > 1) {
      throw new TopologyException(`Following topics do not have the same number of partitions: [${treeMapText(counts)}]`);
    }
  }
}

function partitionsOf(topic: string, partitionCounts: ReadonlyMap<string, number>, logPrefix: string): number {
  const partitions = partitionCounts.get(topic);
  if (partitions === undefined) throw new IllegalStateError(`${logPrefix}Topic not found: ${topic}`);
  return partitions;
}

/** Java's `getSamePartitions`: every source topic of the group must have the first one's count. */
function samePartitions(counts: ReadonlyMap<string, number>, logPrefix: string): number {
  const first = counts.values().next().value!;
  if ([...counts.values()].some((partitions) => partitions !== first)) {
    throw new TopologyException(`${logPrefix}Topics not co-partitioned: [${treeMapText(counts)}]`);
  }
  return first;
}

/** Java: enforced counts must agree; otherwise the largest derived count wins. */
function repartitionOnlyCount(topics: readonly string[], configs: ReadonlyMap<string, RepartitionTopicPartitions>, logPrefix: string): number {
  const enforced = topics.filter((topic) => configs.get(topic)!.enforced);
  if (enforced.length > 0) {
    const counts = new Map(topics.map((topic) => [topic, configs.get(topic)!.partitions ?? 0] as const));
    const first = configs.get(enforced[0]!)!.partitions!;
    if (enforced.some((topic) => configs.get(topic)!.partitions !== first)) {
      throw new TopologyException(`${logPrefix}Following topics do not have the same number of partitions: [${treeMapText(counts)}]`);
    }
    return first;
  }
  const largest = Math.max(0, ...topics.map((topic) => configs.get(topic)!.partitions ?? 0));
  if (largest <= 0) throw new IllegalStateError(`${logPrefix}Could not validate the copartitioning of topics: [${topics.join(", ")}]`);
  return largest;
}

/** Java's `copartitionGroups()`: a group sharing a topic with an earlier one is folded into it. */
function mergeOverlapping(groups: readonly (readonly string[])[]): string[][] {
  const groupOfTopic = new Map<string, Set<string>>();
  for (const group of groups) {
    const target = group.map((topic) => groupOfTopic.get(topic)).find((found) => found !== undefined) ?? new Set<string>();
    for (const topic of group) target.add(topic);
    for (const topic of group) groupOfTopic.set(topic, target);
  }
  return [...new Set(groupOfTopic.values())].map((group) => [...group]);
}

/** Java's `TreeMap.toString()`: `{a=3, b=2}`, keys in natural (UTF-16) order. */
function treeMapText(counts: ReadonlyMap<string, number>): string {
  const keys = [...counts.keys()].sort();
  return `{${keys.map((key) => `${key}=${counts.get(key)}`).join(", ")}}`;
}
