// A compacted topic keeps the latest record per key once the cleaner has run over the closed segments.
import { pollUntil } from "../../cluster/wait.ts";
import { formatOffsets, readUntilValue, type SeenRecord } from "./support/records.ts";
import { withScratch } from "./support/scratch.ts";
import type { LiveProof } from "./proof.ts";

const KEYS = ["alice", "bob", "carol"];
const VERSIONS = 3;
/** Records under this key only roll the segment; they are not part of the story. */
const ROLL_KEY = "segment-roller";

function describeRecords(records: SeenRecord[]): string {
  return records.map((record) => `${record.offset}:${record.key}=${record.value}`).join(", ");
}

export const logCompactionLatestValue: LiveProof = {
  id: "log-compaction-latest-value",
  title: "Log compaction keeps only the latest value for each key",
  run: (cluster, narrate) =>
    withScratch(cluster, "log-compaction-latest-value", async (scratch) => {
      // Tiny segments and dirty ratio: the cleaner only compacts closed segments, and only when enough of the log is dirty.
      const topic = await scratch.topic({ configs: { "cleanup.policy": "compact", "segment.ms": "100", "min.cleanable.dirty.ratio": "0.01" } });
      narrate(`Creates ${topic} with cleanup.policy=compact, segment.ms=100 and min.cleanable.dirty.ratio=0.01, so segments close quickly and any dirt triggers the cleaner.`);
      const producer = await scratch.producer();
      const messages = Array.from({ length: VERSIONS }, (_, version) => KEYS.map((key) => ({ key, value: `${key}-v${version + 1}` }))).flat();
      await producer.send({ topic, messages });
      const written = await readUntilValue(scratch, topic, messages.at(-1)!.value);
      narrate(`Writes ${written.length} records, ${VERSIONS} versions of each key: ${describeRecords(written)}.`);

      // The active segment is never compacted: keep appending a roller record until the cleaner has done its work.
      let rolls = 0;
      const started = Date.now();
      const compacted = await pollUntil(
        async () => {
          const marker = `roll-${++rolls}`;
          await producer.send({ topic, messages: [{ key: ROLL_KEY, value: marker }] });
          const records = (await readUntilValue(scratch, topic, marker)).filter((record) => record.key !== ROLL_KEY);
          return records.length === KEYS.length ? records : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 500, description: `the log cleaner to compact ${topic}` },
      );
      const seconds = (Date.now() - started) / 1000;
      narrate(`${rolls} record(s) under another key roll the segment; ${seconds.toFixed(1)} s later the log cleaner has compacted it and a reader from the beginning gets only ${describeRecords(compacted)}.`);
      narrate(`The kept records keep their original offsets (${formatOffsets(compacted)}): compaction removes records, it never renumbers them.`);
      return {
        summary: "A compacted topic keeps at least the latest value of every key (older values disappear once the cleaner passes over closed segments), so it can rebuild current state; offsets are kept, leaving gaps.",
        observed: {
          recordsWritten: written.length,
          recordsAfterCompaction: compacted.length,
          latestValues: Object.fromEntries(compacted.map((record) => [record.key, record.value])),
          keptOffsets: compacted.map((record) => record.offset),
          secondsToCompact: seconds,
        },
      };
    }),
};
