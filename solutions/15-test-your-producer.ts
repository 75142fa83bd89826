// Reference solution for exercise 15 — Test your producer: an integration test on the real cluster.
import { Kafka } from "kafkajs";
import { publishOrders, readTopic, testContext, type Order } from "kafkalings/testing";
import { expect, it } from "vitest";

const ORDERS: Order[] = [
  { id: "o-1", customer: "alice", item: "apples", quantity: 3 },
  { id: "o-2", customer: "carol", item: "pears", quantity: 1 },
  { id: "o-3", customer: "alice", item: "plums", quantity: 12 },
  { id: "o-4", customer: "dave", item: "figs", quantity: 4 },
  { id: "o-5", customer: "carol", item: "apples", quantity: 2 },
  { id: "o-6", customer: "alice", item: "kiwis", quantity: 6 },
  { id: "o-7", customer: "dave", item: "limes", quantity: 9 },
];

it("publishes every order, keyed by customer, as JSON with a content-type header, in order per customer", async () => {
  const ctx = testContext();
  const topic = ctx.topic("orders");
  // Arrange: the topic must exist before publishOrders writes to it.
  const admin = new Kafka(ctx.kafka).admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 3 }] }).finally(() => admin.disconnect());

  // Act
  await publishOrders(ctx, ORDERS);

  // Assert: every order arrived once, as its own record, with the header…
  const records = await readTopic(ctx, topic);
  expect(records.map((r) => r.headers["content-type"])).toEqual(ORDERS.map(() => "application/json"));
  // …keyed by its customer, with the order as JSON as the value…
  const written = records.map((r) => ({ key: r.key, order: JSON.parse(r.value ?? "null") as Order }));
  for (const { key, order } of written) expect(key).toBe(order.customer);
  // …and each customer's orders in the order given. Only this per-key order is promised: records of different
  // keys may sit in different partitions, and there is no order across partitions.
  for (const customer of new Set(ORDERS.map((o) => o.customer))) {
    expect(written.filter((w) => w.key === customer).map((w) => w.order)).toEqual(ORDERS.filter((o) => o.customer === customer));
  }
});
