// A record over the topic's max.message.bytes (about 1 MB by default) is refused; raising the limit lets it through.
import { pollUntil } from "../../cluster/wait.ts";
import { attemptSend, describeOutcome } from "./support/records.ts";
import { withScratch } from "./support/scratch.ts";
import type { LiveProof } from "./proof.ts";

const RECORD_BYTES = 1_500_000;
const RAISED_LIMIT = 2 * 1024 * 1024;

export const messageTooLarge: LiveProof = {
  id: "message-too-large",
  title: "A 1.5 MB record fails with MESSAGE_TOO_LARGE until the topic's max.message.bytes is raised",
  run: (cluster, narrate) =>
    withScratch(cluster, "message-too-large", async (scratch) => {
      const topic = await scratch.topic();
      narrate(`Creates ${topic} with the default limits (broker message.max.bytes and topic max.message.bytes: 1048588 bytes).`);
      const producer = await scratch.producer({ retry: { retries: 0 } });
      const record = { value: Buffer.alloc(RECORD_BYTES, "x") };
      const refused = await attemptSend(producer, topic, record);
      narrate(`Sending a ${RECORD_BYTES}-byte record ${describeOutcome(refused)} from the broker; the Java producer would not even send it: its max.request.size (1048576) throws RecordTooLargeException first, a check kafkajs does not have.`);

      await scratch.setTopicConfigs(topic, { "max.message.bytes": String(RAISED_LIMIT) });
      // Every broker applies the new topic config a moment after the change is accepted: retry until the leader has it.
      const accepted = await pollUntil(async () => {
        const outcome = await attemptSend(producer, topic, record);
        return outcome.ok && outcome;
      }, { timeoutMs: 20_000, intervalMs: 200, description: `the raised max.message.bytes to apply on ${topic}` });
      narrate(`After max.message.bytes=${RAISED_LIMIT} is set on the topic, the same record ${describeOutcome(accepted)}; a Java producer would also need max.request.size raised.`);
      return {
        summary:
          "Records larger than max.message.bytes (topic) / message.max.bytes (broker), about 1 MB by default, are rejected with MESSAGE_TOO_LARGE (RecordTooLargeException in Java); raise the topic limit and the producer's max.request.size together — or better, keep large payloads out of Kafka.",
        observed: { recordBytes: RECORD_BYTES, errorBeforeRaise: refused.ok ? null : refused.error, raisedMaxMessageBytes: RAISED_LIMIT, acceptedAtOffset: accepted.ok ? accepted.offset : null },
      };
    }),
};
