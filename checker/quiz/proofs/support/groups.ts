// Consumer-group views for proofs: who owns which partitions, committed offsets, and lag.
import { AssignerProtocol, type Admin } from "kafkajs";
import { pollUntil } from "../../../cluster/wait.ts";

export interface GroupView {
  state: string;
  protocol: string;
  /** Partitions of `topic` per member, in member order. */
  partitionsPerMember: number[][];
}

export async function describeGroup(admin: Admin, groupId: string, topic: string): Promise<GroupView> {
  const [group] = (await admin.describeGroups([groupId])).groups;
  if (!group) throw new Error(`group ${groupId} not described`);
  const partitionsPerMember = group.members.map((member) => {
    const assignment = member.memberAssignment.length > 0 ? AssignerProtocol.MemberAssignment.decode(member.memberAssignment) : null;
    return [...(assignment?.assignment[topic] ?? [])].sort();
  });
  return { state: group.state, protocol: group.protocol, partitionsPerMember };
}

export function waitForGroupState(admin: Admin, groupId: string, topic: string, accept: (view: GroupView) => boolean, description: string, timeoutMs = 30_000): Promise<GroupView> {
  return pollUntil(
    async () => {
      const view = await describeGroup(admin, groupId, topic);
      return accept(view) ? view : undefined;
    },
    { timeoutMs, intervalMs: 100, description },
  );
}

/** The group's committed offset on partition 0 of the topic, or -1 when it has none. */
export async function committedOffset(admin: Admin, groupId: string, topic: string): Promise<number> {
  const [answer] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return Number(answer?.partitions.find((p) => p.partition === 0)?.offset ?? -1);
}

export function waitForCommittedOffset(admin: Admin, groupId: string, topic: string, offset: number, timeoutMs = 20_000): Promise<number> {
  return pollUntil(async () => (await committedOffset(admin, groupId, topic)) === offset && offset, {
    timeoutMs,
    intervalMs: 50,
    description: `group ${groupId} to commit offset ${offset} on ${topic}`,
  });
}

/** Log-end offset minus committed offset, summed over the topic's partitions (the LAG column of kafka-consumer-groups). */
export async function totalLag(admin: Admin, groupId: string, topic: string): Promise<number> {
  const [ends, [committed]] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId, topics: [topic] })]);
  return ends.reduce((sum, end) => {
    const offset = Number(committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
    return sum + Number(end.high) - Math.max(0, offset);
  }, 0);
}

export function waitForLag(admin: Admin, groupId: string, topic: string, lag: number, timeoutMs = 20_000): Promise<number> {
  return pollUntil(async () => (await totalLag(admin, groupId, topic)) === lag && lag, { timeoutMs, intervalMs: 50, description: `the lag of ${groupId} to be ${lag}` });
}
