// Lag = log-end offset minus committed offset: it grows while a consumer does not keep up and drains once it reads again.
import { collect, numbered } from "./support/records.ts";
import { totalLag, waitForCommittedOffset, waitForLag } from "./support/groups.ts";
import { withScratch } from "./support/scratch.ts";
import { runTool } from "./support/tool.ts";
import type { LiveProof } from "./proof.ts";

const WARM_UP = 5;
const BACKLOG = 20;

/** The LAG column of `kafka-consumer-groups --describe` for partition 0 of the topic. */
function lagColumn(output: string, topic: string): number | undefined {
  const lines = output.split("\n").map((line) => line.trim().split(/\s+/));
  const header = lines.find((cells) => cells.includes("LAG"));
  const row = lines.find((cells) => cells.includes(topic) && cells[cells.indexOf(topic) + 1] === "0");
  const value = header && row ? row[header.indexOf("LAG")] : undefined;
  return value === undefined || value === "-" ? undefined : Number(value);
}

export const consumerLagGrowsAndDrains: LiveProof = {
  id: "consumer-lag-grows-and-drains",
  title: "Consumer lag grows while a consumer is paused and drains when it resumes",
  run: (cluster, narrate) =>
    withScratch(cluster, "consumer-lag-grows-and-drains", async (scratch) => {
      const topic = await scratch.topic();
      const groupId = scratch.group("group");
      const producer = await scratch.producer();
      const consumer = await scratch.consumer("group");
      const collector = await collect(consumer, topic, { fromBeginning: true });
      await producer.send({ topic, messages: numbered("warm-up", WARM_UP) });
      await collector.waitFor(WARM_UP, "the consumer to read the first records");
      await waitForCommittedOffset(scratch.admin, groupId, topic, WARM_UP);
      const lagCaughtUp = await totalLag(scratch.admin, groupId, topic);
      narrate(`Creates ${topic}; a consumer in group ${groupId} reads the first ${WARM_UP} records and commits offset ${WARM_UP}: lag ${lagCaughtUp}.`);

      consumer.pause([{ topic }]);
      await producer.send({ topic, messages: numbered("backlog", BACKLOG) });
      const lagPaused = await waitForLag(scratch.admin, groupId, topic, BACKLOG);
      const describe = await runTool(cluster, "kafka-consumer-groups", ["--describe", "--group", groupId]);
      const toolLag = lagColumn(describe.stdout, topic);
      narrate(`The consumer pauses while ${BACKLOG} more records arrive: the log-end offset is ${WARM_UP + BACKLOG}, the committed offset still ${WARM_UP}, and kafka-consumer-groups --describe shows LAG ${toolLag ?? "(no value)"}.`);

      const resumed = Date.now();
      consumer.resume([{ topic }]);
      const lagDrained = await waitForLag(scratch.admin, groupId, topic, 0);
      narrate(`The consumer resumes, reads the backlog and commits: the lag is ${lagDrained} again ${((Date.now() - resumed) / 1000).toFixed(1)} s later.`);
      return {
        summary: "Consumer lag is the log-end offset minus the group's committed offset per partition: it grows whenever consumers fall behind the producers (watch it with kafka-consumer-groups --describe or the records-lag-max metric) and drains as they catch up.",
        observed: { lagCaughtUp, lagWhilePaused: lagPaused, toolLagWhilePaused: toolLag, lagAfterResume: lagDrained },
      };
    }),
};
