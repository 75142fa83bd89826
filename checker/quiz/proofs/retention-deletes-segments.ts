// Time-based retention deletes whole closed segments whose newest record is older than retention.ms; the log start offset moves up.
import { pollUntil } from "../../cluster/wait.ts";
import { collect, formatOffsets, numbered } from "./support/records.ts";
import { waitForCommittedOffset } from "./support/groups.ts";
import { withScratch } from "./support/scratch.ts";
import type { LiveProof } from "./proof.ts";

const RETENTION_MS = 60_000;
const OLD = 5;
const NEW = 5;
const LAGGING_OFFSET = 2;

export const retentionDeletesSegments: LiveProof = {
  id: "retention-deletes-segments",
  title: "Retention deletes old segments: the log start offset advances and a lagging group falls back on auto.offset.reset",
  run: (cluster, narrate) =>
    withScratch(cluster, "retention-deletes-segments", async (scratch) => {
      // segment.ms keeps the old and the new records apart: a segment rolls when its records span more record time than that.
      const topic = await scratch.topic({ configs: { "segment.ms": String(RETENTION_MS) } });
      const groupId = scratch.group("lagging");
      const producer = await scratch.producer();
      // Retention looks at record timestamps (CreateTime by default), so these count as an hour old.
      const hourAgo = String(Date.now() - 3_600_000);
      await producer.send({ topic, messages: numbered("old", OLD, { timestamp: hourAgo }) });
      await producer.send({ topic, messages: numbered("new", NEW) });
      narrate(`Creates ${topic} (default retention, 7 days) and writes ${OLD} records stamped one hour ago (offsets 0-${OLD - 1}) and ${NEW} current ones (offsets ${OLD}-${OLD + NEW - 1}), which go to a new segment.`);
      const behind = await scratch.consumer("lagging");
      await (await collect(behind, topic, { fromBeginning: true, autoCommit: false, commitFirst: LAGGING_OFFSET })).waitFor(LAGGING_OFFSET, "the lagging consumer to read its first records");
      await behind.disconnect();
      await waitForCommittedOffset(scratch.admin, groupId, topic, LAGGING_OFFSET);
      narrate(`A consumer in group ${groupId} commits offset ${LAGGING_OFFSET} after its first ${LAGGING_OFFSET} records and stops: a group that fell behind.`);

      await scratch.setTopicConfigs(topic, { "retention.ms": String(RETENTION_MS) });
      narrate(`The topic's retention.ms is lowered to ${RETENTION_MS} (1 minute): the first segment's newest record is an hour old, the second's is current.`);
      const started = Date.now();
      const [after] = await pollUntil(async () => {
        const offsets = await scratch.admin.fetchTopicOffsets(topic);
        return offsets[0]?.low === String(OLD) && offsets;
      }, { timeoutMs: 30_000, intervalMs: 100, description: `retention to delete the old segment of ${topic}` });
      const seconds = (Date.now() - started) / 1000;
      narrate(`${seconds.toFixed(1)} s later the broker's retention check (log.retention.check.interval.ms, 5 min by default, 1 s on this cluster) deletes the expired segment: the log start offset is now ${after?.low} and the end offset ${after?.high}.`);

      const lagging = await scratch.consumer("lagging");
      const read = await (await collect(lagging, topic, { fromBeginning: true })).waitFor(NEW, "the lagging group to read what is left");
      narrate(`The lagging group restarts: its committed offset ${LAGGING_OFFSET} is below the log start offset ${after?.low} (the broker answers OFFSET_OUT_OF_RANGE), so auto.offset.reset=earliest applies and it reads offsets ${formatOffsets(read)}; records ${LAGGING_OFFSET}-${OLD - 1} are gone for it.`);
      return {
        summary:
          "Retention deletes whole segments (never the records of one segment partly) once their newest record is older than retention.ms; the log start offset advances, and a consumer whose committed offset was deleted restarts from auto.offset.reset.",
        observed: { logStartOffsetAfter: Number(after?.low), logEndOffset: Number(after?.high), laggingCommitted: LAGGING_OFFSET, laggingResumedAt: read[0]?.offset, laggingRead: read.length, secondsToDelete: seconds },
      };
    }),
};
