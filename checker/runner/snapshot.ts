// "What your code did to the cluster": the run's topics, their records, and its groups' offsets.
import type { Admin, Kafka } from "kafkajs";
import { pollUntil } from "../cluster/wait.ts";

export interface TopicSnapshot {
  name: string;
  partitions: number;
  replicationFactor: number;
  /** Only settings that differ from the broker's defaults. */
  configs: Record<string, string>;
  records: { partition: number; offset: string; key: string | null; value: string | null }[];
}

export interface GroupSnapshot {
  groupId: string;
  offsets: { topic: string; partition: number; committed: string; lag: number }[];
}

export interface ClusterSnapshot {
  topics: TopicSnapshot[];
  groups: GroupSnapshot[];
}

const MAX_RECORDS = 20;
const QUIET_MS = 500;

async function readRecords(kafka: Kafka, admin: Admin, topic: string): Promise<TopicSnapshot["records"]> {
  const offsets = await admin.fetchTopicOffsets(topic);
  const total = offsets.reduce((sum, o) => sum + Number(o.high) - Number(o.low), 0);
  if (total === 0) return [];
  const records: TopicSnapshot["records"] = [];
  // Transaction markers and aborted records take offsets but are never delivered, so the count of offsets can
  // overstate what arrives: once records flow, reading also stops when nothing new has come for a moment.
  let lastArrival = 0;
  const quiet = () => records.length > 0 && Date.now() - lastArrival > QUIET_MS;
  const consumer = kafka.consumer({ groupId: `kafkalings-snapshot-${Date.now()}`, maxWaitTimeInMs: 50 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        lastArrival = Date.now();
        if (records.length < MAX_RECORDS) records.push({ partition, offset: message.offset, key: message.key?.toString() ?? null, value: message.value?.toString() ?? null });
      },
    });
    await pollUntil(() => records.length >= Math.min(total, MAX_RECORDS) || quiet(), { timeoutMs: 5_000, intervalMs: 10, description: `records of ${topic}` }).catch(() => undefined);
  } finally {
    await consumer.disconnect();
  }
  return records.sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset));
}

export async function takeSnapshot(kafka: Kafka, admin: Admin, prefix: string): Promise<ClusterSnapshot> {
  const names = (await admin.listTopics()).filter((name) => name.startsWith(prefix)).sort();
  const metadata = names.length ? (await admin.fetchTopicMetadata({ topics: names })).topics : [];
  const configs = names.length ? await admin.describeConfigs({ resources: names.map((name) => ({ type: 2, name })), includeSynonyms: false }) : { resources: [] };
  const topics: TopicSnapshot[] = [];
  for (const topic of metadata) {
    const resource = configs.resources.find((r) => r.resourceName === topic.name);
    const overrides = Object.fromEntries((resource?.configEntries ?? []).filter((e) => !e.isDefault && e.configSource === 1).map((e) => [e.configName, e.configValue]));
    topics.push({
      name: topic.name,
      partitions: topic.partitions.length,
      replicationFactor: topic.partitions[0]?.replicas.length ?? 0,
      configs: overrides,
      records: await readRecords(kafka, admin, topic.name),
    });
  }
  const groupIds = (await admin.listGroups()).groups.map((g) => g.groupId).filter((id) => id.startsWith(prefix)).sort();
  const groups: GroupSnapshot[] = [];
  for (const groupId of groupIds) {
    const committed = await admin.fetchOffsets({ groupId });
    const offsets: GroupSnapshot["offsets"] = [];
    for (const { topic, partitions } of committed) {
      const ends = await admin.fetchTopicOffsets(topic);
      for (const p of partitions) {
        const end = Number(ends.find((e) => e.partition === p.partition)?.high ?? 0);
        offsets.push({ topic, partition: p.partition, committed: p.offset, lag: Number(p.offset) < 0 ? end : end - Number(p.offset) });
      }
    }
    groups.push({ groupId, offsets });
  }
  return { topics, groups };
}

/** Deletes the run's topics and groups, whatever the learner left behind. */
export async function cleanUpRun(admin: Admin, prefix: string): Promise<void> {
  const topics = (await admin.listTopics()).filter((name) => name.startsWith(prefix));
  if (topics.length) await admin.deleteTopics({ topics, timeout: 10_000 }).catch(() => undefined);
  const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((id) => id.startsWith(prefix) || id.startsWith("kafkalings-snapshot-"));
  if (groups.length) await admin.deleteGroups(groups).catch(() => undefined);
}
