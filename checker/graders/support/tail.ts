// A grader's consumer that follows a topic from its first record while the learner's code writes to it, so the
// grader can wait on what has arrived so far.
import { pollUntil } from "../../cluster/wait.ts";
import type { GradeContext } from "../../runner/grade.ts";
import { endOffsets } from "./read-to-end.ts";

export interface Tail {
  /** Every record read so far, in arrival order. */
  readonly records: { partition: number; key: string | null; value: string | null }[];
  /** Resolves once everything the topic holds now has been read (a topic without transactions). */
  caughtUp(): Promise<void>;
  stop(): Promise<void>;
}

export async function startTail(t: GradeContext, topic: string): Promise<Tail> {
  const records: Tail["records"] = [];
  const consumer = t.kafka.consumer({ groupId: t.groupId(`grader-tail-${topic}`), maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ partition, message }) => void records.push({ partition, key: message.key?.toString() ?? null, value: message.value?.toString() ?? null }),
  });
  const caughtUp = async () => {
    const total = [...(await endOffsets(t, topic)).values()].reduce((a, b) => a + b, 0);
    await pollUntil(() => records.length >= total, { timeoutMs: 15_000, intervalMs: 20, description: `every record of ${topic}` });
  };
  return { records, caughtUp, stop: () => consumer.disconnect() };
}
