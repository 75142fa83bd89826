// Kafka orders records within a partition only: per key the order holds, across partitions it does not.
import { Partitioners } from "kafkajs";
import { collect } from "./support/records.ts";
import { withScratch } from "./support/scratch.ts";
import type { LiveProof } from "./proof.ts";

const PARTITIONS = 3;
const PER_KEY = 4;

/** Three keys that the default partitioner puts on three different partitions, so the records spread. */
function keysOnDistinctPartitions(topic: string): string[] {
  const partitioner = Partitioners.DefaultPartitioner();
  const partitionMetadata = Array.from({ length: PARTITIONS }, (_, partitionId) => ({ partitionId, leader: 0, partitionErrorCode: 0, replicas: [], isr: [] }));
  const byPartition = new Map<number, string>();
  for (let i = 0; byPartition.size < PARTITIONS; i++) {
    const key = `sensor-${i}`;
    const partition = partitioner({ topic, partitionMetadata, message: { key, value: null } });
    if (!byPartition.has(partition)) byPartition.set(partition, key);
  }
  return [...byPartition.values()];
}

export const orderingWithinPartitionOnly: LiveProof = {
  id: "ordering-within-partition-only",
  title: "Order is guaranteed within a partition (per key), not across a topic's partitions",
  run: (cluster, narrate) =>
    withScratch(cluster, "ordering-within-partition-only", async (scratch) => {
      const topic = await scratch.topic({ partitions: PARTITIONS });
      const keys = keysOnDistinctPartitions(topic);
      const sent = Array.from({ length: PER_KEY * keys.length }, (_, sequence) => ({ key: keys[sequence % keys.length]!, value: String(sequence) }));
      const producer = await scratch.producer();
      await producer.send({ topic, messages: sent });
      narrate(`Creates ${topic} with ${PARTITIONS} partitions and sends records 0-${sent.length - 1} in that order, taking turns between keys ${keys.join(", ")}.`);

      const consumer = await scratch.consumer("reader");
      const received = await (await collect(consumer, topic, { fromBeginning: true })).waitFor(sent.length, "the consumer to read every record");
      const consumedOrder = received.map((record) => Number(record.value));
      narrate(`One consumer reads them back in this order: ${consumedOrder.join(", ")}.`);
      const perKey = keys.map((key) => {
        const records = received.filter((record) => record.key === key);
        const sequence = records.map((record) => Number(record.value));
        return { key, partition: records[0]?.partition, sequence, inOrder: sequence.every((value, i) => i === 0 || value > sequence[i - 1]!) };
      });
      for (const { key, partition, sequence, inOrder } of perKey) {
        narrate(`Key ${key} (partition ${partition}) arrives as ${sequence.join(", ")}: ${inOrder ? "in the order sent" : "out of order"}.`);
      }
      const globalOrderKept = consumedOrder.every((value, i) => value === i);
      narrate(`Across the topic the order is ${globalOrderKept ? "the order sent" : "not the order sent"}: each partition is delivered as its own sequence.`);
      return {
        summary:
          "Kafka keeps the order of records within one partition, so records with the same key stay in order; there is no order across partitions — use one key (or one partition) for everything that must stay in sequence.",
        observed: { perKeyInOrder: perKey.every((entry) => entry.inOrder), globalOrderKept, partitionsUsed: new Set(perKey.map((entry) => entry.partition)).size, consumedOrder },
      };
    }),
};
