// The code under test in exercise 15: a correct order publisher, and faulty ones that each break one part of
// its contract. The learner's test must pass for the first and fail for every other.
import { Kafka, type Message } from "kafkajs";
import type { ExerciseContext } from "../context.ts";

export interface Order {
  id: string;
  customer: string;
  item: string;
  quantity: number;
}

export type PublishOrders = (ctx: ExerciseContext, orders: Order[]) => Promise<void>;

async function send(ctx: ExerciseContext, messages: Message[]): Promise<void> {
  const producer = new Kafka(ctx.kafka).producer();
  await producer.connect();
  try {
    await producer.send({ topic: ctx.topic("orders"), messages });
  } finally {
    await producer.disconnect();
  }
}

/** The contract: key = customer, value = the order as JSON, a content-type header, in the order given. */
function toRecord(order: Order): Message {
  return { key: order.customer, value: JSON.stringify(order), headers: { "content-type": "application/json" } };
}

export const CORRECT_PUBLISHER = "correct";

/** Every publisher by name; `flaw` says what a faulty one gets wrong (the correct one has none). */
export const PUBLISHERS: Record<string, { flaw?: string; publish: PublishOrders }> = {
  [CORRECT_PUBLISHER]: { publish: (ctx, orders) => send(ctx, orders.map(toRecord)) },
  "no-key": {
    flaw: "sends the orders without a key",
    publish: (ctx, orders) => send(ctx, orders.map((order) => ({ ...toRecord(order), key: null }))),
  },
  "no-header": {
    flaw: "leaves out the content-type header",
    publish: (ctx, orders) => send(ctx, orders.map((order) => ({ ...toRecord(order), headers: {} }))),
  },
  "id-as-value": {
    flaw: "writes only the order id as the value, not the order as JSON",
    publish: (ctx, orders) => send(ctx, orders.map((order) => ({ ...toRecord(order), value: order.id }))),
  },
  "drops-last": {
    flaw: "loses the last order",
    publish: (ctx, orders) => send(ctx, orders.slice(0, -1).map(toRecord)),
  },
  reversed: {
    flaw: "sends each customer's orders in reverse order",
    publish: (ctx, orders) => send(ctx, [...orders].reverse().map(toRecord)),
  },
};
