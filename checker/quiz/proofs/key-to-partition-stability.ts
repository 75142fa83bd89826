// The default partitioner maps a key to hash(key) % partition count: stable while the count stays, not after adding partitions.
import type { Producer } from "kafkajs";
import { pollUntil } from "../../cluster/wait.ts";
import { withScratch } from "./support/scratch.ts";
import type { LiveProof } from "./proof.ts";

const KEYS = Array.from({ length: 12 }, (_, i) => `customer-${i + 1}`);

/** Sends one record per key and returns the partition the broker stored each key in. */
async function partitionsOfKeys(producer: Producer, topic: string, round: string): Promise<Record<string, number>> {
  const placement: Record<string, number> = {};
  for (const key of KEYS) {
    const [result] = await producer.send({ topic, messages: [{ key, value: round }] });
    placement[key] = result?.partition ?? -1;
  }
  return placement;
}

function describePlacement(placement: Record<string, number>): string {
  return KEYS.map((key) => `${key}→${placement[key]}`).join(", ");
}

export const keyToPartitionStability: LiveProof = {
  id: "key-to-partition-stability",
  title: "The same key always goes to the same partition — until partitions are added",
  run: (cluster, narrate) =>
    withScratch(cluster, "key-to-partition-stability", async (scratch) => {
      const topic = await scratch.topic({ partitions: 3 });
      narrate(`Creates ${topic} with 3 partitions and sends one record for each of ${KEYS.length} keys with the default (murmur2) partitioner.`);
      const producer = await scratch.producer();
      const first = await partitionsOfKeys(producer, topic, "round 1");
      narrate(`First round: ${describePlacement(first)}.`);
      const second = await partitionsOfKeys(producer, topic, "round 2");
      const stable = KEYS.every((key) => first[key] === second[key]);
      narrate(`A second round puts ${stable ? "every key on the same partition as before" : "some keys on other partitions"}.`);

      await scratch.admin.createPartitions({ topicPartitions: [{ topic, count: 6 }] });
      await pollUntil(async () => (await scratch.admin.fetchTopicOffsets(topic)).length === 6, { timeoutMs: 20_000, description: `6 partitions on ${topic}` });
      // A producer learns of new partitions on its next metadata refresh (metadata.max.age.ms, 5 min); a new one asks now.
      const refreshed = await scratch.producer();
      const after = await partitionsOfKeys(refreshed, topic, "after adding partitions");
      const moved = KEYS.filter((key) => after[key] !== first[key]);
      narrate(`The topic grows to 6 partitions; now ${describePlacement(after)}.`);
      narrate(`${moved.length} of ${KEYS.length} keys moved (${moved.join(", ") || "none"}): hash % 6 differs from hash % 3 for them, so their new records land apart from their old ones.`);
      return {
        summary:
          "A key's partition is hash(key) % number of partitions: it stays put while the count stays, and adding partitions moves some keys, which breaks per-key ordering across the change.",
        observed: { partitionsRound1: first, stableAcrossRounds: stable, partitionsAfterAdding: after, movedKeys: moved, movedCount: moved.length, totalKeys: KEYS.length },
      };
    }),
};
