// Exercise 5 — Keys pick partitions; a custom partitioner routes priority orders.   Check it: npm run exercise 5
import { Kafka, type ICustomPartitioner } from "kafkajs";
import type { ExerciseContext } from "kafkalings/context";

export interface Order {
  id: string;
  customer: string;
  total: number;
}

/**
 * Part 1. Send every order to `ctx.topic("orders")` (it exists, with 6 partitions), keyed by its customer, so
 * that all orders of one customer land in one partition, in the order they were sent. Leave the partitioner
 * alone: kafkajs 2.x's default partitioner is the Java client's (murmur2 hash of the key, modulo the number of
 * partitions), so a Java producer and yours put the same key in the same partition. The value: the order as JSON.
 */
export async function sendOrders(ctx: ExerciseContext, orders: Order[]): Promise<void> {
  const producer = new Kafka(ctx.kafka).producer();
  await producer.connect();
  try {
    // TODO: send the orders with producer.send({ topic, messages })
  } finally {
    await producer.disconnect();
  }
}

/**
 * Part 2. A custom partitioner. kafkajs calls the factory once per producer, then the function it returns for
 * every record, with the topic's partitions (`partitionMetadata`) and the record (`message`); it returns a
 * partition number. Route by key:
 *   - keys starting with "priority-" go to partition 0, which a dedicated consumer drains first;
 *   - every other key goes to one of the other partitions (1 … N−1), chosen by the murmur2 hash of the key like
 *     the default partitioner does, so one key always lands in the same partition and never in partition 0.
 */
export const priorityPartitioner: ICustomPartitioner = () => {
  // Partitioners.DefaultPartitioner() (from kafkajs) builds the default partitioner: a function of the same
  // { topic, partitionMetadata, message } that returns murmur2(key) modulo the number of partitions it is shown.
  return ({ partitionMetadata, message }) => {
    // TODO: 0 for priority keys; for the others, a partition from 1 to N−1 picked by the key's hash
    return 0;
  };
};

/**
 * Part 2, continued. Send every order to `ctx.topic("routed-orders")` (6 partitions), keyed by its customer,
 * with a producer that uses your priorityPartitioner. The value: the order as JSON.
 */
export async function sendRoutedOrders(ctx: ExerciseContext, orders: Order[]): Promise<void> {
  // TODO: give this producer your partitioner
  const producer = new Kafka(ctx.kafka).producer();
  await producer.connect();
  try {
    // TODO: send the orders
  } finally {
    await producer.disconnect();
  }
}
