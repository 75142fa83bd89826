// Exercise 9 — Rebalance-safe consumer: commit on revocation while the group grows.   Check it: npm run exercise 9
import { Kafka, type KafkaMessage, type Producer } from "kafkajs";
import type { ExerciseContext } from "kafkalings/context";

/** Given, keep it: processing one shipment takes a while; then it is recorded on ctx.topic("shipped"). */
export async function processShipment(ctx: ExerciseContext, producer: Producer, memberName: string, shipment: KafkaMessage, delayMs: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  await producer.send({ topic: ctx.topic("shipped"), messages: [{ key: shipment.key, value: memberName }] });
}

/**
 * One member of the consumer group ctx.groupId("shipping"), which reads ctx.topic("shipments") (6 partitions).
 * The grader starts one member, then a second and a third while shipments keep arriving: every new member is a
 * rebalance, and the partitions a member gives up are read by another one from the group's committed offsets.
 *
 * Process each shipment with processShipment so that, across the three members, none is processed twice:
 *   - commit yourself (autoCommit: false), not after every record but once per batch (eachBatch);
 *   - …and before partitions are taken away: in kafkajs a rebalance shows up as an error thrown by heartbeat()
 *     (call it after each record); commit what you processed, then let the error go on;
 *   - a new group starts at the first record.
 * Once every shipment is processed, each partition gets a last record with key "END": when you read one, commit
 * it and return.
 */
export async function runMember(ctx: ExerciseContext, memberName: string, delayMs: number): Promise<void> {
  const kafka = new Kafka({ ...ctx.kafka, clientId: memberName });
  const producer = kafka.producer();
  // heartbeatInterval: how often heartbeat() really asks the group coordinator (at most), so a rebalance is
  // noticed within 200 ms. maxWaitTimeInMs: see exercise 2.
  const consumer = kafka.consumer({ groupId: ctx.groupId("shipping"), heartbeatInterval: 200, maxWaitTimeInMs: 100 });
  await Promise.all([producer.connect(), consumer.connect()]);
  try {
    // TODO: subscribe, then run({ autoCommit: false, eachBatch }). In eachBatch, for each message: stop if
    // !isRunning() or isStale(); processShipment, resolveOffset(message.offset), then await heartbeat() — and
    // when that throws, commit what you processed (commitOffsetsIfNecessary with uncommittedOffsets()) before
    // rethrowing. Commit at the end of each batch too. On END: resolve its offset, commit, return.
  } finally {
    await Promise.all([consumer.disconnect(), producer.disconnect()]);
  }
}
