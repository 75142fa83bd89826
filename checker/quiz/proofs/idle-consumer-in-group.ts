// A group with more members than partitions leaves the extra member with nothing to read.
import { collect } from "./support/records.ts";
import { waitForGroupState } from "./support/groups.ts";
import { withScratch } from "./support/scratch.ts";
import type { LiveProof } from "./proof.ts";

const MEMBERS = 4;

export const idleConsumerInGroup: LiveProof = {
  id: "idle-consumer-in-group",
  title: "With 3 partitions and 4 consumers in one group, one consumer stays idle",
  run: (cluster, narrate) =>
    withScratch(cluster, "idle-consumer-in-group", async (scratch) => {
      const topic = await scratch.topic({ partitions: 3 });
      const groupId = scratch.group("group");
      narrate(`Creates ${topic} with 3 partitions and starts ${MEMBERS} consumers in group ${groupId}.`);
      await Promise.all(
        Array.from({ length: MEMBERS }, async () => {
          const consumer = await scratch.consumer("group");
          await collect(consumer, topic, { fromBeginning: true });
        }),
      );
      const group = await waitForGroupState(
        scratch.admin,
        groupId,
        topic,
        (view) => view.state === "Stable" && view.partitionsPerMember.length === MEMBERS && view.partitionsPerMember.flat().length === 3,
        `group ${groupId} to settle with ${MEMBERS} members`,
      );
      const counts = group.partitionsPerMember.map((partitions) => partitions.length).sort((a, b) => b - a);
      const idle = counts.filter((count) => count === 0).length;
      const owners = group.partitionsPerMember.map((partitions, i) => `member ${i + 1}: ${partitions.length > 0 ? `partition ${partitions.join(", ")}` : "none"}`);
      narrate(`The group settles (state ${group.state}, kafkajs's ${group.protocol}; the Java default RangeAssignor splits it the same way) and the assignment reads ${owners.join("; ")}.`);
      narrate(`${idle} member${idle === 1 ? " has" : "s have"} no partition, as kafka-consumer-groups --describe --members would show with #PARTITIONS 0.`);
      return {
        summary: `A partition is read by at most one member of a group, so ${MEMBERS} members on 3 partitions leave ${idle} idle: a standby that gets partitions only when another member leaves, not extra throughput.`,
        observed: { members: group.partitionsPerMember.length, partitionsPerMember: counts, idleMembers: idle, assignor: group.protocol, state: group.state },
      };
    }),
};
