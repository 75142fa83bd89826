// Process first, commit after: a crash in between means the next consumer gets the same records again.
import { collect, numbered } from "./support/records.ts";
import { waitForCommittedOffset } from "./support/groups.ts";
import { withScratch } from "./support/scratch.ts";
import type { LiveProof } from "./proof.ts";

const RECORDS = 5;
/** Records whose processing is followed by a commit before the crash. */
const COMMITTED = 2;

export const atLeastOnceRedelivery: LiveProof = {
  id: "at-least-once-redelivery",
  title: "At-least-once: records processed but not yet committed are delivered again after a crash",
  run: (cluster, narrate) =>
    withScratch(cluster, "at-least-once-redelivery", async (scratch) => {
      const topic = await scratch.topic();
      const groupId = scratch.group("group");
      const producer = await scratch.producer();
      await producer.send({ topic, messages: numbered("order", RECORDS) });
      narrate(`Creates ${topic} and writes ${RECORDS} records, order-1 to order-${RECORDS} (offsets 0-${RECORDS - 1}).`);

      const first = await scratch.consumer("group");
      // Commit after processing, as at-least-once code does — but the crash comes before the later commits.
      const processed = (await (await collect(first, topic, { fromBeginning: true, autoCommit: false, commitFirst: COMMITTED })).waitFor(RECORDS, "the first consumer to process every record")).map((r) => r.offset);
      await first.disconnect();
      const committed = await waitForCommittedOffset(scratch.admin, groupId, topic, COMMITTED);
      narrate(`A consumer processes all ${processed.length} records, committing after each of the first ${COMMITTED}, and stops before committing the rest, as a crash between processing and commit would; the committed offset is ${committed}.`);

      const second = await scratch.consumer("group");
      const secondRun = await (await collect(second, topic, { fromBeginning: true })).waitFor(RECORDS - COMMITTED, "the replacement consumer to receive the records");
      const duplicates = secondRun.filter((record) => processed.includes(record.offset)).length;
      narrate(`A replacement consumer in the same group resumes at the committed offset ${committed} and receives offsets ${secondRun.map((r) => r.offset).join(", ")} again: ${duplicates} records processed twice.`);
      return {
        summary:
          "Committing after processing gives at-least-once delivery: nothing is lost, but whatever was processed after the last commit is processed again, so processing must tolerate duplicates.",
        observed: { processedBeforeCrash: processed.length, committedAfterCrash: committed, redeliveredOffsets: secondRun.map((r) => r.offset), duplicates },
      };
    }),
};
