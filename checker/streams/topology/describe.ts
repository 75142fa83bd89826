import type { GlobalStore, TopologyNode } from "./nodes.ts";
import type { TopologyParts } from "./topology.ts";
import { JavaTreeSet, javaHashOrder, javaSetString } from "./java-collections.ts";

/** One node as Java's TopologyDescription prints it. */
interface DescribedNode {
  readonly node: TopologyNode;
  /** Nodes reachable from here, itself included, counted once per path (Java's AbstractNode.size). */
  size: number;
  readonly predecessors: JavaTreeSet<DescribedNode>;
  readonly successors: JavaTreeSet<DescribedNode>;
}

/** A connected part of the graph, numbered as Java numbers sub-topologies. */
export interface SubtopologyDescription {
  readonly id: number;
  readonly kind: "subtopology";
  /** Node names in printing order. */
  readonly nodes: readonly string[];
  readonly text: string;
}

export interface GlobalStoreDescription {
  readonly id: number;
  readonly kind: "global-store";
  readonly source: string;
  readonly processor: string;
  readonly store: string;
  readonly topic: string;
  readonly text: string;
}

/** Java's TopologyDescription: `toString()` gives the same text, character for character. */
export class TopologyDescription {
  constructor(readonly parts: readonly (SubtopologyDescription | GlobalStoreDescription)[]) {}

  get subtopologies(): SubtopologyDescription[] {
    return this.parts.filter((part): part is SubtopologyDescription => part.kind === "subtopology");
  }

  get globalStores(): GlobalStoreDescription[] {
    return this.parts.filter((part): part is GlobalStoreDescription => part.kind === "global-store");
  }

  toString(): string {
    return `Topologies:\n ${this.parts.map((part) => `  ${part.text}`).join("")}`;
  }
}

/**
 * Java's InternalTopologyBuilder.describe(): nodes joined by edges or by a shared store form a sub-topology,
 * numbered in the order their first node was added (global stores take numbers too). Within one, nodes are listed
 * by decreasing size then name; `-->`/`<--` lists follow Java's TreeSets, whose order depends on the sizes at the
 * moment each edge was added, visited in HashMap order — so those steps are replayed exactly.
 */
export function describeTopology(parts: TopologyParts): TopologyDescription {
  const order = parts.nodeOrder ?? [...parts.nodes.map((node) => node.name), ...parts.globalStores.flatMap((store) => [store.sourceName, store.processorName])];
  const groupOf = groupNodes(parts);
  const groups = new Map<string, string[]>();
  for (const name of order) {
    const root = groupOf(name);
    const members = groups.get(root) ?? [];
    members.push(name);
    groups.set(root, members);
  }
  const nodesByName = new Map(parts.nodes.map((node) => [node.name, node]));
  const globalBySource = new Map(parts.globalStores.map((store) => [store.sourceName, store]));
  return new TopologyDescription(
    [...groups.values()].map((members, id) => {
      const global = members.map((name) => globalBySource.get(name)).find((store) => store !== undefined);
      return global ? describeGlobalStore(global, id) : describeSubtopology(members.map((name) => nodesByName.get(name)!), id);
    }),
  );
}

/** Union-find over parent edges, processors sharing a store, and each global store's source + processor. */
function groupNodes(parts: TopologyParts): (name: string) => string {
  const parent = new Map<string, string>();
  const root = (name: string): string => {
    let current = name;
    while (parent.has(current) && parent.get(current) !== current) current = parent.get(current)!;
    return current;
  };
  const unite = (a: string, b: string): void => {
    const rootA = root(a);
    const rootB = root(b);
    if (rootA !== rootB) parent.set(rootA, rootB);
  };
  const storeUser = new Map<string, string>();
  for (const node of parts.nodes) {
    if (node.kind === "source") continue;
    for (const parentName of node.parents) unite(node.name, parentName);
    if (node.kind !== "processor") continue;
    for (const store of node.stores) {
      const user = storeUser.get(store);
      if (user) unite(user, node.name);
      else storeUser.set(store, node.name);
    }
  }
  for (const store of parts.globalStores) unite(store.processorName, store.sourceName);
  return root;
}

function describeSubtopology(members: readonly TopologyNode[], id: number): SubtopologyDescription {
  const byName = new Map<string, DescribedNode>();
  for (const name of javaHashOrder(members.map((node) => node.name))) {
    const node = members.find((member) => member.name === name)!;
    byName.set(name, { node, size: 1, predecessors: new JavaTreeSet(compareNodes), successors: new JavaTreeSet(compareNodes) });
  }
  for (const described of byName.values()) {
    if (described.node.kind === "source") continue;
    for (const predecessorName of described.node.parents) {
      const predecessor = byName.get(predecessorName)!;
      described.predecessors.add(predecessor);
      predecessor.successors.add(described);
      grow(predecessor, described.size);
    }
  }
  const sorted = [...byName.values()].sort(compareNodes);
  const text = `Sub-topology: ${id}\n${sorted.map((described) => `    ${nodeText(described)}\n`).join("")}\n`;
  return { id, kind: "subtopology", nodes: sorted.map((described) => described.node.name), text };
}

function describeGlobalStore(store: GlobalStore, id: number): GlobalStoreDescription {
  const text =
    `Sub-topology: ${id} for global store (will not generate tasks)\n` +
    `    Source: ${store.sourceName} (topics: [${store.topic}])\n      --> ${store.processorName}\n` +
    `    Processor: ${store.processorName} (stores: [${store.store.name}])\n      --> none\n      <-- ${store.sourceName}\n`;
  return { id, kind: "global-store", source: store.sourceName, processor: store.processorName, store: store.store.name, topic: store.topic, text };
}

/** Java's updateSize: a new edge adds the child's current size to the parent and to everything above it. */
function grow(described: DescribedNode, delta: number): void {
  described.size += delta;
  for (const predecessor of described.predecessors) grow(predecessor, delta);
}

/** Java's NodeComparator: bigger sub-tree first, then name. */
function compareNodes(a: DescribedNode, b: DescribedNode): number {
  if (a === b) return 0;
  if (a.size !== b.size) return b.size - a.size;
  return a.node.name < b.node.name ? -1 : a.node.name > b.node.name ? 1 : 0;
}

function nodeText({ node, predecessors, successors }: DescribedNode): string {
  const names = (set: JavaTreeSet<DescribedNode>): string => [...set].map((described) => described.node.name).join(", ") || "none";
  switch (node.kind) {
    case "source":
      return `Source: ${node.name} (topics: ${javaSetString(javaHashOrder(node.topics))})\n      --> ${names(successors)}`;
    case "processor":
      return `Processor: ${node.name} (stores: ${javaSetString(javaHashOrder(node.stores))})\n      --> ${names(successors)}\n      <-- ${names(predecessors)}`;
    case "sink": {
      // Java prints the extractor object (a class name and hash); a function's name is the closest we have.
      const target = typeof node.topic === "string" ? `topic: ${node.topic}` : `extractor class: ${node.topic.name || "anonymous"}`;
      return `Sink: ${node.name} (${target})\n      <-- ${names(predecessors)}`;
    }
  }
}
