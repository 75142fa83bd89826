import { TopologyException } from "../../errors.ts";
import type { InternalTopologyBuilder } from "../../topology/internal-topology-builder.ts";

/** Grace period of every windowed aggregation node, per topology (Java keeps it on its `GracePeriodGraphNode`s). */
const gracePeriods = new WeakMap<InternalTopologyBuilder, Map<string, number>>();

/**
 * Marks `nodeName` as a windowed aggregation whose windows close `gracePeriodMs` after their end (time and sliding
 * windows: grace; sessions: gap + grace, as Java's SessionWindowedKStreamImpl passes to buildWindowed).
 */
export function recordGracePeriod(builder: InternalTopologyBuilder, nodeName: string, gracePeriodMs: number): void {
  let nodes = gracePeriods.get(builder);
  if (!nodes) {
    nodes = new Map();
    gracePeriods.set(builder, nodes);
  }
  nodes.set(nodeName, gracePeriodMs);
}

/**
 * Java's `GraphGraceSearchUtil.findAndVerifyWindowGrace`: walks up from `nodeName` to the nearest windowed
 * aggregation on every path and returns the largest grace found; a path without one is a topology error.
 */
export function findAndVerifyWindowGrace(builder: InternalTopologyBuilder, nodeName: string, chain = ""): number {
  const grace = gracePeriods.get(builder)?.get(nodeName);
  if (grace !== undefined) return grace;
  const node = builder.node(nodeName);
  if (node.kind === "source") {
    // Java's graph starts at a "root" node, and a table source is one graph node named after its KTABLE-SOURCE processor.
    const path = chain.startsWith("KTABLE-SOURCE-") ? chain : `${nodeName}->${chain}`;
    throw new TopologyException(`Window close time is only defined for windowed computations. Got [root->${path}].`);
  }
  const newChain = chain === "" ? nodeName : `${nodeName}->${chain}`;
  const parents = node.parents;
  return Math.max(...parents.map((parent) => findAndVerifyWindowGrace(builder, parent, newChain)));
}
