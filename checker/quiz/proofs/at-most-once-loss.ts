// Commit first, process after: a crash mid-batch skips the records that were committed but never processed.
import { pollUntil } from "../../cluster/wait.ts";
import { collect, numbered } from "./support/records.ts";
import { waitForCommittedOffset } from "./support/groups.ts";
import { withScratch } from "./support/scratch.ts";
import type { LiveProof } from "./proof.ts";

const RECORDS = 5;
/** Records processed before the crash. */
const PROCESSED = 2;

export const atMostOnceLoss: LiveProof = {
  id: "at-most-once-loss",
  title: "At-most-once: records committed before processing are lost when the consumer crashes mid-batch",
  run: (cluster, narrate) =>
    withScratch(cluster, "at-most-once-loss", async (scratch) => {
      const topic = await scratch.topic();
      const groupId = scratch.group("group");
      const producer = await scratch.producer();
      await producer.send({ topic, messages: numbered("payment", RECORDS) });
      narrate(`Creates ${topic} and writes ${RECORDS} records, payment-1 to payment-${RECORDS}, in one batch (offsets 0-${RECORDS - 1}).`);

      const first = await scratch.consumer("group");
      const processed: number[] = [];
      let committedUpTo = -1;
      await first.subscribe({ topic, fromBeginning: true });
      await first.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          if (committedUpTo >= 0) return;
          // Commit the whole batch first, then process: at-most-once.
          committedUpTo = Number(batch.lastOffset()) + 1;
          await first.commitOffsets([{ topic, partition: batch.partition, offset: String(committedUpTo) }]);
          for (const message of batch.messages.slice(0, PROCESSED)) processed.push(Number(message.offset));
          // …and here the process dies: the rest of the batch is never processed.
        },
      });
      await pollUntil(() => processed.length >= PROCESSED, { timeoutMs: 20_000, description: "the first consumer to process its first records" });
      await first.disconnect();
      const committed = await waitForCommittedOffset(scratch.admin, groupId, topic, committedUpTo);
      narrate(`A consumer receives the batch, commits offset ${committed} before processing it, processes offsets ${processed.join(", ")}, and stops there, as a crash mid-batch would.`);

      const second = await scratch.consumer("group");
      const collector = await collect(second, topic, { fromBeginning: true });
      await producer.send({ topic, messages: [{ value: "payment-after-restart" }] });
      await collector.waitForValue("payment-after-restart", "the replacement consumer to read the next record");
      const redelivered = collector.records.filter((record) => record.value !== "payment-after-restart").length;
      const lost = committed - processed.length;
      narrate(`A replacement consumer resumes at offset ${committed}: it gets ${redelivered} of the old records and only the new one at offset ${collector.records.at(-1)?.offset}, so offsets ${processed.length}-${committed - 1} (${lost} records) were never processed.`);
      return {
        summary:
          "Committing before processing gives at-most-once delivery: nothing is processed twice, but records committed and not yet processed when the consumer crashes are skipped for good.",
        observed: { committedBeforeProcessing: committed, processedBeforeCrash: processed.length, redeliveredAfterRestart: redelivered, lost },
      };
    }),
};
