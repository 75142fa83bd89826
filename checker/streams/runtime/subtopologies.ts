import type { Topology } from "../topology/topology.ts";
import type { TopologyNode } from "../topology/nodes.ts";

/**
 * A connected part of the topology (Java's sub-topology, or "node group"): nodes joined by parent/child edges or
 * by sharing a state store. Repartition topics cut the graph: a sink writes one, a source of another part reads it.
 * Topic names are as the topology holds them (internal topics undecorated).
 */
export interface Subtopology {
  readonly sourceTopics: readonly string[];
  readonly sinkTopics: readonly string[];
  readonly stores: readonly string[];
}

export function subtopologies(topology: Topology): Subtopology[] {
  const { nodes } = topology.parts;
  const parent = new Map<string, string>(nodes.map((node) => [node.name, node.name]));
  const root = (name: string): string => {
    let current = name;
    while (parent.get(current) !== current) current = parent.get(current)!;
    return current;
  };
  const union = (a: string, b: string) => parent.set(root(a), root(b));

  const storeOwner = new Map<string, string>();
  for (const node of nodes) {
    if (node.kind !== "source") for (const parentName of node.parents) union(node.name, parentName);
    if (node.kind === "processor") {
      for (const store of node.stores) {
        const owner = storeOwner.get(store);
        if (owner) union(node.name, owner);
        else storeOwner.set(store, node.name);
      }
    }
  }

  const groups = new Map<string, TopologyNode[]>();
  for (const node of nodes) {
    const key = root(node.name);
    const group = groups.get(key) ?? [];
    group.push(node);
    groups.set(key, group);
  }
  return [...groups.values()].map((members) => ({
    sourceTopics: members.flatMap((node) => (node.kind === "source" ? node.topics : [])),
    sinkTopics: members.flatMap((node) => (node.kind === "sink" && typeof node.topic === "string" ? [node.topic] : [])),
    stores: [...new Set(members.flatMap((node) => (node.kind === "processor" ? node.stores : [])))],
  }));
}
