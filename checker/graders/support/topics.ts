// A topic the learner's code created reaches every broker's metadata a moment later: graders ask until the
// answers agree instead of failing on the first broker that has not heard of it yet.
import type { ITopicMetadata } from "kafkajs";
import { pollUntil } from "../../cluster/wait.ts";
import type { GradeContext } from "../../runner/grade.ts";

/** The topic's metadata once every partition has a leader (two answers in a row), or undefined if it never shows up. */
export async function learnerTopic(t: GradeContext, topic: string, timeoutMs = 2_000): Promise<ITopicMetadata | undefined> {
  let confirmations = 0;
  return pollUntil(
    async () => {
      const [metadata] = (await t.admin.fetchTopicMetadata({ topics: [topic] })).topics;
      const ready = metadata !== undefined && metadata.partitions.length > 0 && metadata.partitions.every((p) => p.leader >= 0);
      confirmations = ready ? confirmations + 1 : 0;
      return confirmations >= 2 ? metadata : undefined;
    },
    { timeoutMs, intervalMs: 50, description: `the topic ${topic}` },
  ).catch(() => undefined);
}
