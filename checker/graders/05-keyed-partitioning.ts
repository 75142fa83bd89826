// Grader for exercise 5: part 1 keys orders by customer with the default (Java-compatible murmur2) partitioner;
// part 2 routes priority customers to partition 0 and hashes everyone else over the other partitions.
import { Partitioners } from "kafkajs";
import { createTopic } from "../cluster/admin.ts";
import type { GradeContext } from "../runner/grade.ts";
import { readRecords, type StoredRecord } from "./support/read-records.ts";

const PARTITIONS = 6;
const PRIORITY = ["priority-acme", "priority-globex"];
// Under murmur2 mod 6, bob and grace hash to partition 0: hashing over every partition puts them there.
const REGULAR = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"];
// Three rounds of one order per customer, so each customer's orders are interleaved with everyone else's.
const ORDERS = [1, 2, 3].flatMap((round) => [...PRIORITY, ...REGULAR].map((customer, i) => ({ id: `${customer}-${round}`, customer, total: 10 * round + i })));

interface Order {
  id: string;
  customer: string;
}

export default async function grade(t: GradeContext): Promise<void> {
  const [orders, routed] = [t.topic("orders"), t.topic("routed-orders")];
  const [metadata] = await Promise.all([orders, routed].map((topic) => createTopic(t.admin, { topic, numPartitions: PARTITIONS, replicationFactor: 3 })));

  await t.learner("sendOrders", ORDERS);
  const keyed = await readRecords(t, orders);
  if (everyOrderOnce(t, "sendOrders", keyed)) {
    t.expectEqual("each record's key is its order's customer", keyed.map((r) => orderIn(r).customer), keyed.map((r) => r.key));
    t.expectEqual("all orders of one customer are in one partition (same key → same partition)", perCustomer(keyed, () => 1), perCustomer(keyed, (records) => partitionsOf(records).length));
    const defaultPartitioner = Partitioners.DefaultPartitioner();
    const murmur2 = (customer: string) => defaultPartitioner({ topic: orders, partitionMetadata: metadata!.partitions, message: { key: customer, value: null } });
    t.expectEqual(
      "each customer's orders are in the partition the default partitioner picks (murmur2 of the key mod 6, as the Java client does)",
      perCustomer(keyed, (_, customer) => [murmur2(customer)]),
      perCustomer(keyed, partitionsOf),
    );
    t.expectEqual(
      "each customer's orders are stored in the order they were sent",
      perCustomer(keyed, (_, customer) => ORDERS.filter((o) => o.customer === customer).map((o) => o.id)),
      perCustomer(keyed, (records) => records.map((r) => orderIn(r).id)),
    );
  }

  await t.learner("sendRoutedOrders", ORDERS);
  const spread = await readRecords(t, routed);
  if (!everyOrderOnce(t, "sendRoutedOrders", spread)) return;
  const priority = spread.filter((r) => PRIORITY.includes(orderIn(r).customer));
  const regular = spread.filter((r) => !PRIORITY.includes(orderIn(r).customer));
  t.expectEqual("priority customers' orders are all in partition 0", perCustomer(priority, () => [0]), perCustomer(priority, partitionsOf));
  t.expectEqual("no other customer's order is in partition 0", [], [...new Set(regular.filter((r) => r.partition === 0).map((r) => orderIn(r).customer))].sort());
  t.expectEqual("all orders of one other customer are in one partition (same key → same partition)", perCustomer(regular, () => 1), perCustomer(regular, (records) => partitionsOf(records).length));
  const used = partitionsOf(regular);
  t.expectTrue("the other customers are spread over more than one partition (by the key's hash)", used.length > 1, { expected: "two or more of partitions 1–5", actual: used });
}

/** Checks that every order arrived exactly once; the other checks are only meaningful when it holds. */
function everyOrderOnce(t: GradeContext, sender: string, records: StoredRecord[]): boolean {
  return t.expectEqual(`${sender}: every order arrived, once`, ORDERS.map((o) => o.id).sort(), records.map((r) => orderIn(r).id).sort());
}

function orderIn(record: StoredRecord): Order {
  try {
    return JSON.parse(record.value ?? "") as Order;
  } catch {
    return { id: `(not an order: ${record.value})`, customer: "?" };
  }
}

function partitionsOf(records: StoredRecord[]): number[] {
  return [...new Set(records.map((r) => r.partition))].sort((a, b) => a - b);
}

/** One entry per customer among the records (in offset order), computed from that customer's records. */
function perCustomer<T>(records: StoredRecord[], compute: (records: StoredRecord[], customer: string) => T): Record<string, T> {
  const customers = [...new Set(records.map((r) => orderIn(r).customer))].sort();
  return Object.fromEntries(customers.map((customer) => [customer, compute(records.filter((r) => orderIn(r).customer === customer), customer)]));
}
