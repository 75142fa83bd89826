import kafkajs, { type Admin, type ITopicConfig } from "kafkajs";
import { pollUntil } from "../../cluster/wait.ts";
import { StreamsError, TopologyException } from "../errors.ts";
import { Topology } from "../topology/topology.ts";
import { checkCopartitioning } from "../kstream/joins/copartitioning.ts";
import { subtopologies, type Subtopology } from "./subtopologies.ts";

/** A topic the application creates for itself before it starts (decorated name). */
export interface InternalTopicSpec {
  readonly name: string;
  readonly kind: "repartition" | "changelog";
  readonly partitions: number;
  readonly configs: Readonly<Record<string, string>>;
}

/** Where everything the application reads and writes lives, by real (decorated) topic name. */
export interface TopicLayout {
  readonly internalTopics: readonly InternalTopicSpec[];
  /** Partition count of every source, sink and internal topic known at start. */
  readonly partitions: ReadonlyMap<string, number>;
}

/** Java's RepartitionTopicConfig defaults: records are deleted by the app once consumed, so no time-based retention. */
const REPARTITION_CONFIG = { "cleanup.policy": "delete", "segment.bytes": "52428800", "retention.ms": "-1", "message.timestamp.type": "CreateTime" };
const CHANGELOG_CONFIG = { "cleanup.policy": "compact", "message.timestamp.type": "CreateTime" };

/**
 * Java's StreamsPartitionAssignor preparation: the partition count of every repartition topic (the most partitions
 * among the source topics of the sub-topologies writing it, unless Repartitioned fixed it), co-partitioning checked
 * and enforced, and one changelog partition per task of the sub-topology that owns the store.
 */
export async function planTopics(
  admin: Admin,
  topology: Topology,
  applicationId: string,
  /** Java's assignor log prefix, part of the co-partitioning error: `stream-thread [<consumer client id>] `. */
  logPrefix: string,
): Promise<TopicLayout> {
  const parts = subtopologies(topology);
  const internalNames = new Set(topology.parts.internalTopics.map((topic) => topic.name));
  const externalSources = new Set([...parts.flatMap((part) => part.sourceTopics), ...topology.parts.globalStores.map((store) => store.topic)]);
  for (const name of internalNames) externalSources.delete(name);
  const existing = new Set(await admin.listTopics());
  const missing = [...externalSources].filter((topic) => !existing.has(topic)).sort();
  if (missing.length > 0) throw new StreamsError(`Missing source topics [${missing.join(", ")}]: create them before starting the application.`);

  const externalSinks = parts.flatMap((part) => part.sinkTopics).filter((topic) => !internalNames.has(topic) && existing.has(topic));
  const counts = await partitionCounts(admin, [...new Set([...externalSources, ...externalSinks])]);

  const repartitionCounts = repartitionPartitionCounts(topology, parts, counts);
  const repartitionConfigs = new Map(
    topology.parts.internalTopics.map((topic) => [topic.name, { partitions: repartitionCounts.get(topic.name), enforced: topic.partitions !== undefined }] as const),
  );
  for (const [topic, partitions] of checkCopartitioning(topology.parts.copartitionGroups, counts, repartitionConfigs, logPrefix)) repartitionCounts.set(topic, partitions);

  const countOf = (topic: string) => repartitionCounts.get(topic) ?? counts.get(topic)!;
  const internalTopics: InternalTopicSpec[] = [...repartitionCounts].map(([name, partitions]) => ({
    name: Topology.decorate(applicationId, name),
    kind: "repartition",
    partitions,
    configs: REPARTITION_CONFIG,
  }));
  for (const part of parts) {
    const tasks = Math.max(...part.sourceTopics.map(countOf));
    for (const store of topology.parts.stores.filter((candidate) => candidate.logged && part.stores.includes(candidate.name))) {
      internalTopics.push({
        name: Topology.decorate(applicationId, `${store.name}-changelog`),
        kind: "changelog",
        partitions: tasks,
        configs: { ...CHANGELOG_CONFIG, ...store.changelogConfig },
      });
    }
  }
  const partitions = new Map(counts);
  for (const topic of internalTopics) partitions.set(topic.name, topic.partitions);
  return { internalTopics, partitions };
}

async function partitionCounts(admin: Admin, topics: string[]): Promise<Map<string, number>> {
  if (topics.length === 0) return new Map();
  const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
  return new Map(metadata.map((topic) => [topic.name, topic.partitions.length]));
}

/** Java's RepartitionTopics.setRepartitionSourceTopicPartitionCount: iterate until every count is known. */
function repartitionPartitionCounts(topology: Topology, parts: readonly Subtopology[], external: ReadonlyMap<string, number>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const topic of topology.parts.internalTopics) if (topic.partitions !== undefined) counts.set(topic.name, topic.partitions);
  const pending = topology.parts.internalTopics.map((topic) => topic.name).filter((name) => !counts.has(name));
  while (pending.length > 0) {
    let progress = false;
    for (const name of [...pending]) {
      const upstream = parts.filter((part) => part.sinkTopics.includes(name)).flatMap((part) => part.sourceTopics.map((source) => counts.get(source) ?? external.get(source)));
      const known = upstream.filter((count): count is number => count !== undefined);
      if (known.length === 0) continue;
      counts.set(name, Math.max(...known));
      pending.splice(pending.indexOf(name), 1);
      progress = true;
    }
    if (!progress) {
      throw new TopologyException(`Failed to compute number of partitions for all repartition topics: ${pending.join(", ")}`);
    }
  }
  return counts;
}

/**
 * Creates the internal topics that do not exist yet and waits until each partition has a leader; an existing one
 * with another partition count stops the start, with Java's message.
 */
export async function createInternalTopics(admin: Admin, topics: readonly InternalTopicSpec[], replicationFactor: number): Promise<void> {
  if (topics.length === 0) return;
  const existing = new Set(await admin.listTopics());
  const present = topics.filter((topic) => existing.has(topic.name));
  const actual = await partitionCounts(admin, present.map((topic) => topic.name));
  for (const topic of present) {
    if (actual.get(topic.name) !== topic.partitions) {
      throw new StreamsError(
        `Existing internal topic ${topic.name} has invalid partitions: expected: ${topic.partitions}; actual: ${actual.get(topic.name)}. ` +
          "Use 'org.apache.kafka.tools.StreamsResetter' tool to clean up invalid topics before processing.",
      );
    }
  }
  const absent = topics.filter((topic) => !existing.has(topic.name));
  if (absent.length === 0) return;
  const replicas = replicationFactor > 0 ? replicationFactor : Number(await brokerConfig(admin, "default.replication.factor"));
  await createAndAwaitLeaders(
    admin,
    absent.map((topic) => ({
      topic: topic.name,
      numPartitions: topic.partitions,
      replicationFactor: replicas,
      configEntries: Object.entries(topic.configs).map(([name, value]) => ({ name, value })),
    })),
  );
}

/**
 * Creates topics and waits until every partition has a leader. kafkajs' own waitForLeaders gives up while a broker
 * has not applied the new metadata yet, and each metadata request goes to some broker: wait for three answers in a
 * row, so the subscription that follows does not meet a broker still behind ("does not host this topic-partition").
 * A topic created meanwhile by someone else is fine.
 */
export async function createAndAwaitLeaders(admin: Admin, topics: ITopicConfig[]): Promise<void> {
  // kafkajs answers false (no error) when every topic exists already.
  await admin.createTopics({ waitForLeaders: false, topics });
  const names = topics.map((topic) => topic.topic);
  let confirmations = 0;
  await pollUntil(
    async () => {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics: names }).catch(() => ({ topics: [] }));
      const ready = metadata.length === names.length && metadata.every((topic) => topic.partitions.length > 0 && topic.partitions.every((partition) => partition.leader >= 0));
      confirmations = ready ? confirmations + 1 : 0;
      return confirmations >= 3;
    },
    { timeoutMs: 30_000, intervalMs: 50, description: `leaders for ${names.join(", ")}` },
  );
}

/** A broker setting, read from one broker: `replication.factor` -1 (Java's default since 3.0) means the broker's default. */
export async function brokerConfig(admin: Admin, name: string): Promise<string | undefined> {
  const { brokers } = await admin.describeCluster();
  const { resources } = await admin.describeConfigs({
    includeSynonyms: false,
    resources: [{ type: kafkajs.ConfigResourceTypes.BROKER, name: String(brokers[0]!.nodeId), configNames: [name] }],
  });
  return resources[0]?.configEntries.find((entry) => entry.configName === name)?.configValue;
}
