// A consumer-group member in a process of its own, so that a proof can kill it outright (no LeaveGroup), as a crash
// would. Started by `forkMember`; reports each assignment to the parent and leaves the group gracefully on "close".
import { Kafka, logLevel } from "kafkajs";
import type { MemberSettings } from "./forked-member.ts";

const settings = JSON.parse(process.env.KAFKALINGS_PROOF_MEMBER ?? "{}") as MemberSettings;
const consumer = new Kafka({ ...settings.client, logLevel: logLevel.NOTHING }).consumer({
  groupId: settings.groupId,
  sessionTimeout: settings.sessionTimeoutMs,
  heartbeatInterval: settings.heartbeatIntervalMs,
  maxWaitTimeInMs: 100,
});
consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => process.send?.({ assigned: payload.memberAssignment[settings.topic] ?? [] }));
process.on("message", (message) => {
  if (message === "close") void consumer.disconnect().then(() => process.exit(0));
});
await consumer.connect();
await consumer.subscribe({ topic: settings.topic, fromBeginning: true });
await consumer.run({ eachMessage: async () => {} });
