// Exercise 15 — Test your producer: an integration test on the real cluster.   Check it: npm run exercise 15
import { Kafka } from "kafkajs";
import { publishOrders, readTopic, testContext, type Order } from "kafkalings/testing";
import { expect, it } from "vitest";

/*
 * This file is a vitest test. The code under test is publishOrders(ctx, orders), and its contract is: every
 * order becomes one record in the topic ctx.topic("orders") (which must already exist), with
 *   - key: the order's customer (one customer's orders then share a partition, and keep their order),
 *   - value: the order as JSON (JSON.stringify(order)),
 *   - the header content-type: application/json,
 * and each customer's orders are written in the order they were given.
 *
 * Write the test so that it passes for a correct publishOrders and fails for one that breaks any part of the
 * contract. kafkalings runs this file several times: with a correct publishOrders, and with faulty ones (each
 * breaks one promise above). `npm run exercise 15` shows which faulty ones your test lets through.
 */

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
  // TODO: create the topic (3 partitions, replication factor 3)
  await admin.disconnect();

  // Act
  await publishOrders(ctx, ORDERS);

  // Assert — TODO: read the records back (readTopic reads the whole topic) and check them against the contract.
  const records = await readTopic(ctx, topic);
  expect(records).toBeDefined();
});
