import { AssignerProtocol, type Assigner, type PartitionAssigner } from "kafkajs";

/**
 * A task here is one partition number: task `0_p` runs the whole topology for partition p of every subscribed
 * topic. The group must therefore hand partition p of every topic to the same member — kafkajs' round-robin
 * assigner spreads a topic's partitions independently, which would split a join's two sides across members.
 * Partition numbers are dealt out round-robin over the members sorted by id.
 */
export const taskAssigner: PartitionAssigner = ({ cluster }) => ({
  name: "KafkalingsStreamsTaskAssigner",
  version: 0,

  async assign({ members, topics }) {
    const memberIds = members.map((member) => member.memberId).sort();
    const assignment = new Map<string, Record<string, number[]>>(memberIds.map((id) => [id, {}]));
    for (const topic of topics) {
      for (const { partitionId } of cluster.findTopicPartitionMetadata(topic)) {
        const owner = assignment.get(memberIds[partitionId % memberIds.length]!)!;
        (owner[topic] ??= []).push(partitionId);
      }
    }
    return memberIds.map((memberId) => ({
      memberId,
      memberAssignment: AssignerProtocol.MemberAssignment.encode({ version: 0, assignment: assignment.get(memberId)!, userData: Buffer.alloc(0) }),
    }));
  },

  protocol({ topics }) {
    return { name: "KafkalingsStreamsTaskAssigner", metadata: AssignerProtocol.MemberMetadata.encode({ version: 0, topics, userData: Buffer.alloc(0) }) };
  },
} satisfies Assigner);

/** An assigner for a one-member group that takes exactly the partitions given (kafkajs has no `assign()`). */
export function fixedAssigner(partitions: ReadonlyMap<string, readonly number[]>): PartitionAssigner {
  return () => ({
    name: "KafkalingsFixedAssigner",
    version: 0,
    async assign({ members }) {
      const assignment = Object.fromEntries([...partitions].map(([topic, list]) => [topic, [...list]]));
      return members.map((member, index) => ({
        memberId: member.memberId,
        memberAssignment: AssignerProtocol.MemberAssignment.encode({ version: 0, assignment: index === 0 ? assignment : {}, userData: Buffer.alloc(0) }),
      }));
    },
    protocol({ topics }) {
      return { name: "KafkalingsFixedAssigner", metadata: AssignerProtocol.MemberMetadata.encode({ version: 0, topics, userData: Buffer.alloc(0) }) };
    },
  });
}
