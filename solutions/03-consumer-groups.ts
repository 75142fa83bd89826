// Reference solution for exercise 3 — Consumer groups split partitions; separate groups each get everything.
import { Kafka, type Consumer } from "kafkajs";
import type { ExerciseContext } from "kafkalings/context";

export interface ConsumerReport {
  groupId: string;
  /** The partitions the group assigned to this consumer (its latest assignment). */
  partitions: number[];
  /** Every record this consumer received. */
  records: { partition: number; offset: string }[];
}

export interface GroupsReport {
  /** Group 1: one consumer. */
  group1: ConsumerReport[];
  /** Group 2: two consumers that share one group id. */
  group2: ConsumerReport[];
}

interface StartedConsumer {
  consumer: Consumer;
  report: ConsumerReport;
}

/** How long to wait for every record; after that, what arrived is returned as it is. */
const DEADLINE_MS = 4_000;

/**
 * The topic `ctx.topic("orders")` has 6 partitions and holds `count` keyed orders, written before this runs.
 * Read it with two consumer groups at once (group ids from ctx.groupId):
 *   - group 1 ("audit"): ONE consumer, which must receive every record;
 *   - group 2 ("shipping"): TWO consumers in one group, started together. The group splits the partitions
 *     between them: each partition belongs to one of them, and together they receive every record.
 * Both groups are new, with no committed offsets, and must read from the first record.
 */
export async function consumeInGroups(ctx: ExerciseContext, count: number): Promise<GroupsReport> {
  // Group 1: one consumer, in a group of its own.
  const group1 = [await startConsumer(ctx, ctx.groupId("audit"))];
  // Another group id, another group with its own committed offsets: it reads every record too. Its two members
  // start together, so that they join in the same rebalance and split the partitions from the start.
  const group2 = await Promise.all([startConsumer(ctx, ctx.groupId("shipping")), startConsumer(ctx, ctx.groupId("shipping"))]);
  try {
    await waitUntil(() => isDone(group1, count) && isDone(group2, count), DEADLINE_MS);
  } finally {
    await Promise.all([...group1, ...group2].map(({ consumer }) => consumer.disconnect()));
  }
  return { group1: group1.map((c) => c.report), group2: group2.map((c) => c.report) };
}

/** Starts one consumer of `ctx.topic("orders")` in the group `groupId`; its report fills in as it runs. */
async function startConsumer(ctx: ExerciseContext, groupId: string): Promise<StartedConsumer> {
  const topic = ctx.topic("orders");
  const consumer = new Kafka(ctx.kafka).consumer({ groupId, maxWaitTimeInMs: 100 });
  const report: ConsumerReport = { groupId, partitions: [], records: [] };
  // After every rebalance, kafkajs tells each member which partitions it owns now.
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    report.partitions = [...(payload.memberAssignment[topic] ?? [])].sort((a, b) => a - b);
  });
  await consumer.connect();
  // A new group has no committed offsets: fromBeginning (auto.offset.reset=earliest) makes it start at the first record.
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ partition, message }) => void report.records.push({ partition, offset: message.offset }) });
  return { consumer, report };
}

/** A group is done once its consumers together received `count` records and each owns partitions of its own. */
function isDone(group: StartedConsumer[], count: number): boolean {
  const owned = group.flatMap(({ report }) => report.partitions);
  const received = group.reduce((sum, { report }) => sum + report.records.length, 0);
  const settled = group.every(({ report }) => report.partitions.length > 0) && new Set(owned).size === owned.length;
  return group.length === 0 || (received >= count && settled);
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}
