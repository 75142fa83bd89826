// A member that closes leaves the group at once; one that crashes holds its partitions until its session times out.
import { pollUntil } from "../../cluster/wait.ts";
import { ForkedMember, type MemberSettings } from "./support/forked-member.ts";
import { withScratch } from "./support/scratch.ts";
import type { LiveProof } from "./proof.ts";

/** Short, so the demonstration is quick; the Java default session.timeout.ms is 45 s (10 s before Kafka 3.0). */
const SESSION_TIMEOUT_MS = 10_000;
const HEARTBEAT_INTERVAL_MS = 500;

export const gracefulCloseVsSessionTimeout: LiveProof = {
  id: "graceful-close-vs-session-timeout",
  title: "close() hands partitions over at once; a crashed consumer keeps them until session.timeout.ms",
  run: (cluster, narrate) =>
    withScratch(cluster, "graceful-close-vs-session-timeout", async (scratch) => {
      const topic = await scratch.topic({ partitions: 2 });
      const groupId = scratch.group("group");
      const settings: MemberSettings = { client: cluster.clientConfig(), groupId, topic, sessionTimeoutMs: SESSION_TIMEOUT_MS, heartbeatIntervalMs: HEARTBEAT_INTERVAL_MS };

      const stayer = await scratch.consumer("group", { sessionTimeout: SESSION_TIMEOUT_MS, heartbeatInterval: HEARTBEAT_INTERVAL_MS });
      let stayerPartitions: number[] = [];
      stayer.on(stayer.events.GROUP_JOIN, ({ payload }) => (stayerPartitions = [...(payload.memberAssignment[topic] ?? [])].sort()));
      await stayer.subscribe({ topic, fromBeginning: true });
      await stayer.run({ eachMessage: async () => {} });
      const stayerHas = (count: number, what: string, timeoutMs = 30_000) =>
        pollUntil(() => stayerPartitions.length === count, { timeoutMs, intervalMs: 20, description: `the staying consumer to ${what}` });

      const startLeaver = async () => {
        const member = await ForkedMember.start(settings);
        scratch.defer(() => member.kill());
        await stayerHas(1, "give up one partition");
        return member;
      };
      const graceful = await startLeaver();
      narrate(`Creates ${topic} with 2 partitions; two consumers in group ${groupId}, session.timeout.ms=${SESSION_TIMEOUT_MS / 1000} s, one owning partition ${stayerPartitions.join(", ")} and the other partition ${graceful.partitions().join(", ")}.`);
      let started = Date.now();
      await graceful.close();
      await stayerHas(2, "take over both partitions after the graceful close");
      const gracefulSeconds = (Date.now() - started) / 1000;
      narrate(`One consumer calls close(), which sends LeaveGroup: the other owns both partitions ${gracefulSeconds.toFixed(1)} s later.`);

      const crashing = await startLeaver();
      narrate(`A new consumer joins and takes partition ${crashing.partitions().join(", ")} back.`);
      started = Date.now();
      await crashing.kill();
      await stayerHas(2, "take over both partitions after the crash", SESSION_TIMEOUT_MS * 3);
      const crashSeconds = (Date.now() - started) / 1000;
      narrate(`Its process is killed with SIGKILL, so no LeaveGroup is sent: its partition stays unread until the coordinator misses its heartbeats for session.timeout.ms, and the other consumer owns both partitions ${crashSeconds.toFixed(1)} s later.`);
      return {
        summary: `A graceful close() rebalances at once (${gracefulSeconds.toFixed(1)} s here); a crash is noticed only when session.timeout.ms runs out (${crashSeconds.toFixed(1)} s here with ${SESSION_TIMEOUT_MS / 1000} s; with the Java default of 45 s the crashed member's partitions wait about 45 s).`,
        observed: { sessionTimeoutMs: SESSION_TIMEOUT_MS, gracefulSeconds, crashSeconds },
      };
    }),
};
