// kafka-consumer-groups --reset-offsets refuses while the group has members and works once it is empty.
import { collect, numbered } from "./support/records.ts";
import { committedOffset, waitForCommittedOffset, waitForGroupState } from "./support/groups.ts";
import { withScratch } from "./support/scratch.ts";
import { lineMentioning, runTool } from "./support/tool.ts";
import type { LiveProof } from "./proof.ts";

const RECORDS = 5;

export const resetOffsetsNeedsInactiveGroup: LiveProof = {
  id: "reset-offsets-needs-inactive-group",
  title: "kafka-consumer-groups --reset-offsets works only when the group has no active members",
  run: (cluster, narrate) =>
    withScratch(cluster, "reset-offsets-needs-inactive-group", async (scratch) => {
      const topic = await scratch.topic();
      const groupId = scratch.group("group");
      const producer = await scratch.producer();
      await producer.send({ topic, messages: numbered("event", RECORDS) });
      const consumer = await scratch.consumer("group");
      await (await collect(consumer, topic, { fromBeginning: true })).waitFor(RECORDS, "the consumer to read every record");
      await waitForCommittedOffset(scratch.admin, groupId, topic, RECORDS);
      const active = await waitForGroupState(scratch.admin, groupId, topic, (view) => view.state === "Stable", `group ${groupId} to be stable`);
      narrate(`Creates ${topic}, writes ${RECORDS} records, and a consumer in group ${groupId} reads them and commits offset ${RECORDS}; the group is ${active.state}.`);

      const resetArgs = ["--group", groupId, "--topic", topic, "--reset-offsets", "--to-earliest", "--execute"];
      const refused = await runTool(cluster, "kafka-consumer-groups", resetArgs);
      const refusal = lineMentioning(refused, "inactive");
      const stillCommitted = await committedOffset(scratch.admin, groupId, topic);
      narrate(`kafka-consumer-groups --reset-offsets --to-earliest --execute while the consumer runs answers "${refusal ?? refused.stdout.trim()}"; the committed offset stays ${stillCommitted}.`);

      await consumer.disconnect();
      const empty = await waitForGroupState(scratch.admin, groupId, topic, (view) => view.state === "Empty", `group ${groupId} to be empty`);
      await runTool(cluster, "kafka-consumer-groups", resetArgs);
      const afterReset = await committedOffset(scratch.admin, groupId, topic);
      narrate(`The consumer stops, the group is ${empty.state}, and the same command now resets it: the committed offset is ${afterReset}.`);

      const replaying = await scratch.consumer("group");
      const replayed = await (await collect(replaying, topic, { fromBeginning: false })).waitFor(RECORDS, "the group to replay the topic");
      narrate(`A consumer in the group starts again, with auto.offset.reset=latest so that only the reset offset can explain it, and replays offsets ${replayed.map((r) => r.offset).join(", ")}.`);
      return {
        summary:
          "Offsets of a group can be reset only while it has no members (state Empty), because active members would overwrite the reset with their own commits; stop the consumers, reset, then restart them to replay.",
        observed: { stateWhileActive: active.state, refusedWhileActive: refusal !== undefined, refusal, committedAfterRefusal: stillCommitted, stateWhenEmpty: empty.state, committedAfterReset: afterReset, replayed: replayed.length },
      };
    }),
};
