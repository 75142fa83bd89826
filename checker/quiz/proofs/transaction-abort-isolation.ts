// Records of an aborted transaction stay in the log: read_uncommitted consumers see them, read_committed ones skip them.
import { pollUntil } from "../../cluster/wait.ts";
import { formatOffsets, numbered, readUntilValue } from "./support/records.ts";
import { withScratch } from "./support/scratch.ts";
import type { LiveProof } from "./proof.ts";

const ABORTED = 3;
const END = "committed-after-abort";

export const transactionAbortIsolation: LiveProof = {
  id: "transaction-abort-isolation",
  title: "An aborted transaction: read_committed sees none of its records, read_uncommitted sees them all",
  run: (cluster, narrate) =>
    withScratch(cluster, "transaction-abort-isolation", async (scratch) => {
      const topic = await scratch.topic();
      const producer = await scratch.producer({ transactionalId: scratch.name("tx"), idempotent: true, maxInFlightRequests: 1 });
      narrate(`Creates ${topic} and a transactional producer (transactional.id ${scratch.name("tx")}).`);
      const transaction = await producer.transaction();
      await transaction.send({ topic, messages: numbered("aborted", ABORTED) });
      await transaction.abort();
      // The coordinator writes the abort marker to the partition just after the abort returns.
      await pollUntil(async () => (await scratch.admin.fetchTopicOffsets(topic))[0]?.high === String(ABORTED + 1), { timeoutMs: 20_000, description: `the abort marker on ${topic}` });
      const plain = await scratch.producer();
      await plain.send({ topic, messages: [{ value: END }] });
      narrate(`It writes ${ABORTED} records inside a transaction and aborts it, which appends an abort marker (the log end offset becomes ${ABORTED + 1}); then a plain producer writes one more record, "${END}".`);

      const uncommitted = await readUntilValue(scratch, topic, END, { readUncommitted: true });
      const uncommittedAborted = uncommitted.filter((record) => record.value !== END);
      narrate(`A read_uncommitted consumer (the Java default isolation.level) gets ${uncommittedAborted.length} aborted records at offsets ${formatOffsets(uncommittedAborted)} and then "${END}".`);
      const committed = await readUntilValue(scratch, topic, END);
      const committedAborted = committed.filter((record) => record.value !== END);
      const endOffset = committed.at(-1)?.offset ?? -1;
      narrate(`A read_committed consumer (the kafkajs default) gets ${committedAborted.length} of them: only "${END}", at offset ${endOffset}.`);
      const { high } = (await scratch.admin.fetchTopicOffsets(topic))[0]!;
      const dataOffsets = new Set(uncommitted.map((record) => record.offset));
      const markerOffsets = Array.from({ length: Number(high) }, (_, offset) => offset).filter((offset) => !dataOffsets.has(offset));
      narrate(`The log end offset is ${high} but only ${uncommitted.length} data records exist: offset ${markerOffsets.join(", ")} holds the abort marker, a control record no consumer is handed, which is why the offsets have a gap.`);
      return {
        summary:
          "Aborting a transaction does not remove its records: they stay in the log, followed by an abort marker; read_committed consumers filter them out, while read_uncommitted consumers (the Java default) process them.",
        observed: { readCommitted: committedAborted.length, readUncommitted: uncommittedAborted.length, abortedOffsets: uncommittedAborted.map((r) => r.offset), endRecordOffset: endOffset, markerOffsets },
      };
    }),
};
