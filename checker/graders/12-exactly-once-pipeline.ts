// Grader for exercise 12: the learner's transactional pipeline is killed (SIGKILL) mid-stream and restarted; a
// read_committed reader of its output must see each committed order's invoice exactly once, in order per
// customer, and nothing of the orders in an aborted input transaction.
import { Partitioners, type Message } from "kafkajs";
import { createTopic } from "../cluster/admin.ts";
import type { GradeContext } from "../runner/grade.ts";
import { committedOffsets, endOffsets, readToEnd } from "./support/read-to-end.ts";
import { groupIsStable, untilWhileRunning, type WaitOutcome } from "./support/while-running.ts";

const CUSTOMERS = ["ana", "ben", "dan"];
const order = (n: number, prefix = "o") => ({ orderId: `${prefix}-${String(n).padStart(2, "0")}`, customer: CUSTOMERS[n % 3]!, quantity: 1 + (n % 5), unitPrice: 0.5 + (n % 4) });
const BEFORE_ABORT = Array.from({ length: 9 }, (_, i) => order(i + 1));
/** Written in a transaction the grader aborts: a read_committed consumer never sees them. */
const CANCELLED = Array.from({ length: 3 }, (_, i) => order(i + 1, "cancelled"));
const AFTER_ABORT = Array.from({ length: 9 }, (_, i) => order(i + 10));
const ORDERS = [...BEFORE_ABORT, ...AFTER_ABORT];
const DELAY_MS = 60;
/** Committed offsets on invoices (an invoice and its transaction marker each) before the kill. */
const KILL_AT_OFFSETS = 8;
const FIRST_INVOICES_WITHIN_MS = 8_000;
const JOIN_WITHIN_MS = 30_000;

const asMessage = (o: { customer: string }): Message => ({ key: o.customer, value: JSON.stringify(o) });

export default async function grade(t: GradeContext): Promise<void> {
  const orders = t.topic("orders");
  const invoices = t.topic("invoices");
  const group = t.groupId("invoicer");
  await Promise.all([createTopic(t.admin, { topic: orders, numPartitions: 1, replicationFactor: 3 }), createTopic(t.admin, { topic: invoices, numPartitions: 3, replicationFactor: 3 })]);
  await writeOrders(t, orders);

  const first = t.startLearner("runPipeline", DELAY_MS);
  const joined = await untilWhileRunning(first, () => groupIsStable(t.admin, group), JOIN_WITHIN_MS, `a member in ${group}`);
  const progress: WaitOutcome<unknown> = joined.reached
    ? await untilWhileRunning(first, async () => sum(await endOffsets(t, invoices)) >= KILL_AT_OFFSETS, FIRST_INVOICES_WITHIN_MS, `committed invoices on ${invoices}`)
    : joined;
  if (!progress.reached) {
    if ("returned" in progress) {
      t.expectTrue("runPipeline() keeps consuming until it has read the END record", false, { expected: "still running (the END record is not written yet)", actual: "returned" });
    } else {
      t.expectTrue("runPipeline() turns orders into committed invoices, from the first order on", false, {
        expected: `committed invoices on invoices within ${FIRST_INVOICES_WITHIN_MS / 1000} s of joining ${group}`,
        actual: joined.reached ? `${sum(await endOffsets(t, invoices))} committed offsets on invoices` : `no member joined the group within ${JOIN_WITHIN_MS / 1000} s`,
      });
    }
    return;
  }
  // The crash: whatever transaction is open stays open until the restarted pipeline's producer fences it off.
  await first.kill();
  const producer = t.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  await producer.send({ topic: orders, messages: [{ key: "END", value: null }] }).finally(() => producer.disconnect());
  await t.startLearner("runPipeline", DELAY_MS).result;

  const [committedView, uncommittedView] = await Promise.all([readToEnd(t, invoices), readToEnd(t, invoices, { readUncommitted: true })]);
  const invoiced = committedView.map((r) => ({ customer: r.key, orderId: orderIdOf(r.value) }));
  t.expectEqual(
    "no invoice for the orders of an aborted transaction (the pipeline reads with isolation read_committed)",
    [],
    invoiced.filter((i) => i.orderId?.startsWith("cancelled")).map((i) => i.orderId),
  );
  const times = new Map<string, number>();
  for (const { orderId } of invoiced) times.set(orderId, (times.get(orderId) ?? 0) + 1);
  const missing = ORDERS.filter((o) => !times.has(o.orderId)).map((o) => o.orderId);
  const twice = [...times].filter(([, n]) => n > 1).map(([id]) => id);
  const aborted = uncommittedView.length - committedView.length;
  const exactlyOnce = t.expectEqual(
    `each order is invoiced exactly once, as read_committed sees invoices${aborted > 0 ? ` (read_uncommitted also sees ${aborted} invoice(s) of transactions the crash left open, then aborted)` : ""}`,
    { missing: [], invoicedMoreThanOnce: [] },
    { missing, invoicedMoreThanOnce: twice },
  );
  if (exactlyOnce) {
    const sequenceByCustomer = (list: { customer: string | null; orderId: string }[]) =>
      Object.fromEntries(CUSTOMERS.map((c) => [c, list.filter((i) => i.customer === c).map((i) => i.orderId)]));
    t.expectEqual("each customer's invoices are in the order of their orders (key = customer)", sequenceByCustomer(ORDERS), sequenceByCustomer(invoiced));
  }
  t.expectEqual(
    "every invoice is written by a transactional producer (inside producer.transaction())",
    [],
    committedView.filter((r) => !r.inTransaction).map((r) => orderIdOf(r.value)),
  );
  t.expectEqual(
    "the group's committed offset on orders is the end of the topic (committed by the transactions, with sendOffsets)",
    (await endOffsets(t, orders)).get(0),
    (await committedOffsets(t, group, orders)).get(0),
  );
}

/** The orders, with three cancelled ones in between that a transaction wrote and then aborted. */
async function writeOrders(t: GradeContext, topic: string): Promise<void> {
  const producer = t.kafka.producer({ transactionalId: t.groupId("grader-orders"), idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    for (const [batch, outcome] of [
      [BEFORE_ABORT, "commit"],
      [CANCELLED, "abort"],
      [AFTER_ABORT, "commit"],
    ] as const) {
      const transaction = await producer.transaction();
      await transaction.send({ topic, messages: batch.map(asMessage) });
      await transaction[outcome]();
    }
  } finally {
    await producer.disconnect();
  }
}

function sum(offsets: Map<number, number>): number {
  return [...offsets.values()].reduce((a, b) => a + b, 0);
}

/** The order an invoice is for; the raw value when it is no JSON invoice. */
function orderIdOf(value: string | null): string {
  try {
    return String((JSON.parse(value ?? "") as { orderId?: unknown }).orderId ?? value);
  } catch {
    return String(value);
  }
}
