// A stopped follower leaves the ISR, the partition shows as under-replicated, and the follower rejoins once it catches up.
import { listBrokers, waitForIsrSize, withBrokerOutage } from "./support/brokers.ts";
import { numbered } from "./support/records.ts";
import { withScratch } from "./support/scratch.ts";
import { runTool } from "./support/tool.ts";
import type { LiveProof } from "./proof.ts";

export const isrShrinksWhenBrokerStops: LiveProof = {
  id: "isr-shrinks-when-broker-stops",
  title: "A stopped broker drops out of the ISR and the partition is under-replicated until it catches up",
  run: (cluster, narrate) =>
    withScratch(cluster, "isr-shrinks-when-broker-stops", async (scratch) => {
      const topic = await scratch.topic({ replicas: [1, 2, 3] });
      const before = await waitForIsrSize(scratch.admin, topic, 3);
      narrate(`Creates ${topic}: one partition, replicas ${listBrokers(before.replicas)}, leader ${before.leader}, ISR ${listBrokers(before.isr)}.`);
      return withBrokerOutage(cluster, scratch.admin, narrate, async () => {
        await cluster.stopBroker(3);
        const shrunk = await waitForIsrSize(scratch.admin, topic, 2);
        narrate(`Broker 3 stops (a controlled shutdown, which takes it out of the ISR at once); the ISR shrinks to ${listBrokers(shrunk.isr)} while the replicas stay ${listBrokers(shrunk.replicas)}.`);
        const describe = await runTool(cluster, "kafka-topics", ["--describe", "--under-replicated-partitions", "--topic", topic]);
        const listed = describe.stdout.split("\n").find((line) => line.includes(topic) && line.includes("Partition: 0"))?.trim();
        narrate(listed ? `kafka-topics --describe --under-replicated-partitions lists it: "${listed.replace(/\s+/g, " ")}".` : "kafka-topics --describe --under-replicated-partitions does not list it.");
        const producer = await scratch.producer();
        await producer.send({ topic, acks: -1, messages: numbered("while-broker-3-is-down", 10) });
        narrate("10 records are written with acks=all while broker 3 is away; it has to fetch them before it counts as in sync again.");
        const restarted = Date.now();
        await cluster.startBroker(3);
        const rejoined = await waitForIsrSize(scratch.admin, topic, 3);
        const rejoinSeconds = (Date.now() - restarted) / 1000;
        narrate(`Broker 3 starts again, catches up, and the ISR is ${listBrokers(rejoined.isr)} again ${rejoinSeconds.toFixed(1)} s later.`);
        return {
          summary:
            "The ISR holds only the replicas that are caught up with the leader: a stopped broker leaves it (the partition is under-replicated, replicas unchanged) and rejoins once it has fetched what it missed.",
          observed: { isrBefore: before.isr, isrWhileStopped: shrunk.isr, replicasWhileStopped: shrunk.replicas, listedAsUnderReplicated: listed !== undefined, isrAfterRestart: rejoined.isr, rejoinSeconds },
        };
      });
    }),
};
