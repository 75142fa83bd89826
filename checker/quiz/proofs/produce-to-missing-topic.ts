// Producing to a topic that does not exist: refused when auto-creation is off, silently created with broker defaults when on.
import { pollUntil } from "../../cluster/wait.ts";
import { attemptSend, describeOutcome } from "./support/records.ts";
import { withScratch } from "./support/scratch.ts";
import type { LiveProof } from "./proof.ts";

export const produceToMissingTopic: LiveProof = {
  id: "produce-to-missing-topic",
  title: "Producing to a missing topic fails when auto-creation is off, and creates a 1-partition, RF-1 topic when it is on",
  run: (cluster, narrate) =>
    withScratch(cluster, "produce-to-missing-topic", async (scratch) => {
      const refusedTopic = scratch.topicName("refused");
      const strict = await scratch.producer({ allowAutoTopicCreation: false, retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 300 } });
      const refused = await attemptSend(strict, refusedTopic, { value: "hello" });
      const refusedExists = (await scratch.admin.listTopics()).includes(refusedTopic);
      narrate(`A producer whose metadata requests do not allow auto-creation (as if the broker had auto.create.topics.enable=false) sends to ${refusedTopic}, which does not exist: the send ${describeOutcome(refused)} and the topic ${refusedExists ? "exists now" : "still does not exist"}.`);
      narrate("The Java producer in that situation keeps asking for metadata and fails only after max.block.ms (60 s by default) with a TimeoutException saying the topic is not present in metadata.");

      const createdTopic = scratch.topicName("auto-created");
      const lenient = await scratch.producer({ allowAutoTopicCreation: true });
      const accepted = await attemptSend(lenient, createdTopic, { value: "hello" });
      const [metadata] = await pollUntil(async () => (await scratch.admin.fetchTopicMetadata({ topics: [createdTopic] })).topics, {
        timeoutMs: 20_000,
        description: `the metadata of ${createdTopic}`,
      });
      const partitions = metadata?.partitions.length ?? 0;
      const replicationFactor = metadata?.partitions[0]?.replicas.length ?? 0;
      narrate(`With auto-creation allowed (the broker default auto.create.topics.enable=true, kept on this cluster), a send to the missing ${createdTopic} ${describeOutcome(accepted)}: the broker created the topic on the first metadata request.`);
      narrate(`The new topic has ${partitions} partition(s) and replication factor ${replicationFactor}: the broker defaults num.partitions=1 and default.replication.factor=1, not what a production topic needs.`);
      return {
        summary:
          "A missing topic is created on first use only when auto-creation is on (broker auto.create.topics.enable=true, the default) — with the broker defaults num.partitions=1 and default.replication.factor=1; with it off, producers fail (Java: after max.block.ms), so create topics explicitly.",
        observed: { refusedError: refused.ok ? null : refused.error, refusedTopicCreated: refusedExists, autoCreatedOffset: accepted.ok ? accepted.offset : null, autoCreatedPartitions: partitions, autoCreatedReplicationFactor: replicationFactor },
      };
    }),
};
