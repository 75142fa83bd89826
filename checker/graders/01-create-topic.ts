// Grader for exercise 1: the learner's code creates the topic; we read back its layout and configs.
import type { GradeContext } from "../runner/grade.ts";

const THREE_DAYS_MS = String(3 * 24 * 60 * 60 * 1000);

export default async function grade(t: GradeContext): Promise<void> {
  const topic = t.topic("inventory_purchases");
  await t.learner("createInventoryTopic");
  const exists = (await t.admin.listTopics()).includes(topic);
  if (!t.expectTrue(`the topic ${topic} exists`, exists, { expected: topic, actual: "no such topic" })) return;
  const [metadata] = (await t.admin.fetchTopicMetadata({ topics: [topic] })).topics;
  const partitions = metadata?.partitions ?? [];
  t.expectEqual("the topic has 6 partitions", 6, partitions.length);
  t.expectEqual("every partition has 3 replicas (replication factor 3)", [3], [...new Set(partitions.map((p) => p.replicas.length))]);
  const configs = await t.admin.describeConfigs({ resources: [{ type: 2, name: topic }], includeSynonyms: false });
  const retention = configs.resources[0]?.configEntries.find((entry) => entry.configName === "retention.ms");
  t.expectEqual("retention.ms is 3 days in milliseconds", THREE_DAYS_MS, retention?.configValue);
}
