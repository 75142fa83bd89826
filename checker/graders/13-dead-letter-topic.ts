// Grader for exercise 13: poison pills among the orders go to the dead-letter topic with error and origin
// headers; valid orders are invoiced in order; the consumer neither stops at a poison pill nor drops it.
import { Partitioners } from "kafkajs";
import { createTopic } from "../cluster/admin.ts";
import type { GradeContext } from "../runner/grade.ts";
import { committedOffsets, endOffsets, readToEnd, type ReadRecord } from "./support/read-to-end.ts";
import { groupIsStable, resultUnlessStalled, untilWhileRunning } from "./support/while-running.ts";

const order = (orderId: string, item: string, quantity: number, unitPrice: number) => JSON.stringify({ orderId, item, quantity, unitPrice });

/** Keyed by customer; `poison` is the error parseOrder throws for it. */
const ORDERS: { key: string; value: string; poison?: "SyntaxError" | "InvalidOrderError" }[] = [
  { key: "cust-ana", value: order("o-01", "apples", 3, 0.5) },
  { key: "cust-ben", value: order("o-02", "pears", 2, 0.8) },
  { key: "cust-dan", value: order("o-03", "plums", 12, 0.25) },
  { key: "cust-ben", value: '{"orderId": "o-04", "item": "pears", quantity: 2}', poison: "SyntaxError" },
  { key: "cust-ana", value: order("o-05", "figs", 4, 1.1) },
  { key: "cust-dan", value: order("o-06", "plums", -4, 0.25), poison: "InvalidOrderError" },
  { key: "cust-ben", value: order("o-07", "quinces", 1, 2.4) },
  { key: "cust-ana", value: "ORDER o-08 apples x3", poison: "SyntaxError" },
  { key: "cust-dan", value: order("o-09", "cherries", 5, 0.9) },
  { key: "cust-ana", value: order("o-10", "apples", 6, 0.5) },
  { key: "cust-ben", value: JSON.stringify({ orderId: "o-11", item: "figs" }), poison: "InvalidOrderError" },
  { key: "cust-dan", value: order("o-12", "dates", 2, 3.2) },
  { key: "cust-ben", value: order("o-13", "pears", 7, 0.8) },
  { key: "cust-ana", value: order("o-14", "lemons", 9, 0.3) },
];
/** Once the consumer is in its group, a correct one handles every record well within this; a stuck one never moves again. */
const STALL_MS = 5000;
const JOIN_WITHIN_MS = 30_000;

function invoicesByCustomer(records: { key: string | null; value: unknown }[]): Record<string, unknown[]> {
  const byCustomer: Record<string, unknown[]> = {};
  for (const record of records) (byCustomer[record.key ?? "(no key)"] ??= []).push(record.value);
  // Sorted by customer, so that only contents can differ.
  return Object.fromEntries(Object.entries(byCustomer).sort(([a], [b]) => a.localeCompare(b)));
}

function parsedOrAsIs(value: string | null): unknown {
  try {
    return JSON.parse(value ?? "");
  } catch {
    return value;
  }
}

export default async function grade(t: GradeContext): Promise<void> {
  const orders = t.topic("orders");
  const invoices = t.topic("invoices");
  const deadLetters = t.topic("orders-dlt");
  const group = t.groupId("order-router");
  await Promise.all([orders, invoices, deadLetters].map((topic) => createTopic(t.admin, { topic, numPartitions: 3, replicationFactor: 3 })));
  const producer = t.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    await producer.send({ topic: orders, messages: ORDERS.map(({ key, value }) => ({ key, value })) });
  } finally {
    await producer.disconnect();
  }
  // Where each order landed, for the origin headers.
  const written = await readToEnd(t, orders);
  const origin = new Map(written.map((r) => [r.value, { "original.topic": orders, "original.partition": String(r.partition), "original.offset": String(r.offset) }]));

  const run = t.startLearner("routeOrders", ORDERS.length);
  // The stall clock starts once the consumer is in its group: starting a process can be slow on a busy machine.
  const joined = await untilWhileRunning(run, () => groupIsStable(t.admin, group), JOIN_WITHIN_MS, `a member in ${group}`);
  if ("timedOut" in joined) {
    t.expectTrue(`routeOrders() consumes the orders as the group ${group}`, false, { expected: "a member in the group", actual: `no member within ${JOIN_WITHIN_MS / 1000} s` });
    return;
  }
  const recordsOut = async () => [...(await endOffsets(t, invoices)).values(), ...(await endOffsets(t, deadLetters)).values()].reduce((a, b) => a + b, 0);
  const watched = await resultUnlessStalled(run, recordsOut, STALL_MS);
  if (watched.stalled) {
    t.expectTrue("routeOrders() keeps going past poison pills: it handles every record and returns", false, {
      expected: `${ORDERS.length} records handled (invoiced or dead-lettered)`,
      actual: `stuck after ${watched.progress} records: nothing new for ${STALL_MS / 1000} s (did a poison pill throw out of eachMessage, so kafkajs retries it forever?)`,
    });
    return;
  }

  const good = ORDERS.filter((o) => !o.poison);
  const poison = ORDERS.filter((o) => o.poison);
  const [invoiced, parked] = await Promise.all([readToEnd(t, invoices), readToEnd(t, deadLetters)]);
  t.expectEqual(
    "every valid order is invoiced on invoices, once, in order per customer (and no poison pill is)",
    invoicesByCustomer(good.map(({ key, value }) => ({ key, value: invoiceOf(value) }))),
    invoicesByCustomer(invoiced.map(({ key, value }) => ({ key, value: parsedOrAsIs(value) }))),
  );
  const byValue = (a: { value: string | null }, b: { value: string | null }) => (a.value ?? "").localeCompare(b.value ?? "");
  const keyAndValue = (records: { key: string | null; value: string | null }[]) => [...records].sort(byValue).map(({ key, value }) => ({ key, value }));
  if (!t.expectEqual("the dead-letter topic holds exactly the poison pills, with their original key and value", keyAndValue(poison), keyAndValue(parked))) return;
  const parkedSorted = [...parked].sort(byValue);
  t.expectEqual(
    "each dead-letter record names its error in the headers error.class (the error's name) and error.message",
    [...poison].sort(byValue).map((p) => ({ "error.class": p.poison, "error.message": "(not empty)" })),
    parkedSorted.map((r) => ({ "error.class": r.headers["error.class"] ?? "(missing)", "error.message": r.headers["error.message"] ? "(not empty)" : "(missing)" })),
  );
  t.expectEqual(
    "each dead-letter record says where it came from: headers original.topic, original.partition, original.offset",
    parkedSorted.map((r) => origin.get(r.value)),
    parkedSorted.map((r) => pick(r, ["original.topic", "original.partition", "original.offset"])),
  );
  const committed = await committedOffsets(t, group, orders);
  const ends = [...(await endOffsets(t, orders))].filter(([, end]) => end > 0);
  t.expectEqual(
    "the group committed every partition of orders up to its end",
    Object.fromEntries(ends),
    Object.fromEntries(ends.map(([partition]) => [partition, committed.get(partition)])),
  );
}

function invoiceOf(value: string): { orderId: string; total: number } {
  const o = JSON.parse(value) as { orderId: string; quantity: number; unitPrice: number };
  return { orderId: o.orderId, total: Math.round(o.quantity * o.unitPrice * 100) / 100 };
}

function pick(record: ReadRecord, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, record.headers[name] ?? "(missing)"]));
}
