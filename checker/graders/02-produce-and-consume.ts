// Grader for exercise 2: keyed records land by key and in order; a new group reads them all from the start.
import { createTopic } from "../cluster/admin.ts";
import { pollUntil } from "../cluster/wait.ts";
import type { GradeContext } from "../runner/grade.ts";

const PURCHASES = [
  { item: "apples", quantity: 3 },
  { item: "pears", quantity: 1 },
  { item: "apples", quantity: 5 },
  { item: "plums", quantity: 12 },
  { item: "pears", quantity: 2 },
  { item: "apples", quantity: 1 },
  { item: "figs", quantity: 4 },
  { item: "plums", quantity: 6 },
];

interface Purchase {
  item: string;
  quantity: number;
}

const byItemThenQuantity = (a: Purchase, b: Purchase) => a.item.localeCompare(b.item) || a.quantity - b.quantity;

export default async function grade(t: GradeContext): Promise<void> {
  const topic = t.topic("purchases");
  await createTopic(t.admin, { topic, numPartitions: 3, replicationFactor: 3 });
  await t.learner("publishPurchases", PURCHASES);

  // Our own read of the topic and the learner's reader are independent groups: run them side by side.
  const [written, read] = await Promise.all([readTopic(t, topic, PURCHASES.length), t.learner<Purchase[]>("readPurchases", PURCHASES.length)]);
  if (!t.expectEqual(`${PURCHASES.length} records were written to ${topic}`, PURCHASES.length, written.length)) return;
  t.expectEqual(
    "each record's key is its item",
    written.map((r) => (JSON.parse(r.value) as Purchase).item).sort(),
    written.map((r) => r.key).sort(),
  );
  const partitionsPerItem = Object.fromEntries(
    [...new Set(PURCHASES.map((p) => p.item))].map((item) => [item, new Set(written.filter((r) => (JSON.parse(r.value) as Purchase).item === item).map((r) => r.partition)).size]),
  );
  t.expectEqual(
    "all purchases of one item are in one partition (same key → same partition)",
    Object.fromEntries(Object.keys(partitionsPerItem).map((item) => [item, 1])),
    partitionsPerItem,
  );
  t.expectEqual("readPurchases returns every purchase, read from the beginning", [...PURCHASES].sort(byItemThenQuantity), [...(read ?? [])].sort(byItemThenQuantity));
}

async function readTopic(t: GradeContext, topic: string, expected: number) {
  const records: { partition: number; key: string | null; value: string }[] = [];
  const consumer = t.kafka.consumer({ groupId: t.groupId("grader"), maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ partition, message }) => void records.push({ partition, key: message.key?.toString() ?? null, value: message.value?.toString() ?? "{}" }) });
    await pollUntil(() => records.length >= expected, { timeoutMs: 10_000, intervalMs: 10, description: `${expected} records on ${topic}` }).catch(() => undefined);
  } finally {
    await consumer.disconnect();
  }
  return records;
}
