import type { StoreBuilder } from "../state/store.ts";
import { describeTopology, type TopologyDescription } from "./describe.ts";
import type { GlobalStore, InternalTopic, TopologyNode } from "./nodes.ts";

export interface TopologyParts {
  readonly nodes: readonly TopologyNode[];
  readonly stores: readonly StoreBuilder[];
  readonly internalTopics: readonly InternalTopic[];
  readonly globalStores: readonly GlobalStore[];
  readonly copartitionGroups: readonly (readonly string[])[];
  /** Every node name in the order it was added, global stores' source and processor included (for describe()). */
  readonly nodeOrder?: readonly string[];
}

/**
 * A built, immutable processing graph (Java's `Topology`). Both the TopologyTestDriver and the KafkaStreams runtime
 * run it; neither changes it.
 */
export class Topology {
  constructor(readonly parts: TopologyParts) {}

  /** The internal topic's real name: Java's `InternalTopologyBuilder.decorateTopic`. */
  static decorate(applicationId: string, internalName: string): string {
    return `${applicationId}-${internalName}`;
  }

  /** `<application.id>-<store>-changelog` for every logged store. */
  changelogTopics(applicationId: string): string[] {
    return this.parts.stores.filter((store) => store.logged).map((store) => Topology.decorate(applicationId, `${store.name}-changelog`));
  }

  /** Java's Topology.describe(): sub-topologies, global stores, nodes and their links; print it with toString(). */
  describe(): TopologyDescription {
    return describeTopology(this.parts);
  }

  repartitionTopics(applicationId: string): string[] {
    return this.parts.internalTopics.map((topic) => Topology.decorate(applicationId, topic.name));
  }
}
