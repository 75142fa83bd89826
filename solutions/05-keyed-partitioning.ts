// Reference solution for exercise 5 — Keys pick partitions; a custom partitioner routes priority orders.
import { Kafka, Partitioners, type ICustomPartitioner } from "kafkajs";
import type { ExerciseContext } from "kafkalings/context";

export interface Order {
  id: string;
  customer: string;
  total: number;
}

const PRIORITY_PARTITION = 0;

function asMessages(orders: Order[]) {
  return orders.map((order) => ({ key: order.customer, value: JSON.stringify(order) }));
}

export async function sendOrders(ctx: ExerciseContext, orders: Order[]): Promise<void> {
  // The default partitioner (kafkajs 2.x): murmur2(key) mod partitions, the same choice as the Java client.
  const producer = new Kafka(ctx.kafka).producer();
  await producer.connect();
  try {
    await producer.send({ topic: ctx.topic("orders"), messages: asMessages(orders) });
  } finally {
    await producer.disconnect();
  }
}

export const priorityPartitioner: ICustomPartitioner = () => {
  const hashByKey = Partitioners.DefaultPartitioner();
  return ({ topic, partitionMetadata, message }) => {
    if (message.key?.toString().startsWith("priority-")) return PRIORITY_PARTITION;
    // Show the default partitioner every partition but 0: it hashes the key over those N−1 and returns a
    // position among them (0 … N−2); partition ids run 0 … N−1, so shifting by one skips partition 0.
    const others = partitionMetadata.filter((p) => p.partitionId !== PRIORITY_PARTITION);
    return 1 + hashByKey({ topic, partitionMetadata: others, message });
  };
};

export async function sendRoutedOrders(ctx: ExerciseContext, orders: Order[]): Promise<void> {
  const producer = new Kafka(ctx.kafka).producer({ createPartitioner: priorityPartitioner });
  await producer.connect();
  try {
    await producer.send({ topic: ctx.topic("routed-orders"), messages: asMessages(orders) });
  } finally {
    await producer.disconnect();
  }
}
