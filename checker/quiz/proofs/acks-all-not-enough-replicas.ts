// acks=all with min.insync.replicas=2: one broker down is fine, two down make the leader refuse the write.
import { attemptSend, describeOutcome } from "./support/records.ts";
import { listBrokers, waitForIsrSize, withBrokerOutage } from "./support/brokers.ts";
import { withScratch } from "./support/scratch.ts";
import type { LiveProof } from "./proof.ts";

export const acksAllNotEnoughReplicas: LiveProof = {
  id: "acks-all-not-enough-replicas",
  title: "acks=all fails with NOT_ENOUGH_REPLICAS when the ISR is smaller than min.insync.replicas",
  run: (cluster, narrate) =>
    withScratch(cluster, "acks-all-not-enough-replicas", async (scratch) => {
      const topic = await scratch.topic({ replicas: [1, 2, 3], configs: { "min.insync.replicas": "2" } });
      const created = await waitForIsrSize(scratch.admin, topic, 3);
      narrate(`Creates ${topic}: one partition with replicas ${listBrokers(created.replicas)}, leader ${created.leader}, ISR ${listBrokers(created.isr)}, and min.insync.replicas=2.`);
      // A few quick retries, so the refusal shows in a second (the Java producer retries until delivery.timeout.ms, 120 s).
      const producer = await scratch.producer({ retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 300 } });
      return withBrokerOutage(cluster, scratch.admin, narrate, async () => {
        await cluster.stopBroker(3);
        const oneDown = await waitForIsrSize(scratch.admin, topic, 2);
        narrate(`Broker 3 stops; the ISR shrinks to ${listBrokers(oneDown.isr)}.`);
        const acksAllOneDown = await attemptSend(producer, topic, { value: "one broker down" }, -1);
        narrate(`An acks=all send ${describeOutcome(acksAllOneDown)}: two in-sync replicas still meet min.insync.replicas=2.`);

        await cluster.stopBroker(2);
        const twoDown = await waitForIsrSize(scratch.admin, topic, 1);
        narrate(`Broker 2 stops too; the ISR is now only ${listBrokers(twoDown.isr)}.`);
        const acksAll = await attemptSend(producer, topic, { value: "two brokers down, acks=all" }, -1);
        narrate(`An acks=all send ${describeOutcome(acksAll)}: the leader refuses to append with fewer than 2 in-sync replicas.`);
        const acksOne = await attemptSend(producer, topic, { value: "two brokers down, acks=1" }, 1);
        narrate(`An acks=1 send ${describeOutcome(acksOne)}: only the leader has to write it, so nothing protects it if broker 1 fails now.`);
        return {
          summary:
            "min.insync.replicas is checked only for acks=all: with 2 of 3 brokers down the leader answers NOT_ENOUGH_REPLICAS (the Java producer retries it until delivery.timeout.ms), while acks=1 is still accepted.",
          observed: {
            leader: created.leader,
            isrWithOneDown: oneDown.isr,
            acksAllWithOneDown: acksAllOneDown.ok ? "ok" : acksAllOneDown.error,
            isrWithTwoDown: twoDown.isr,
            acksAllError: acksAll.ok ? null : acksAll.error,
            acksOneWithTwoDown: acksOne.ok ? "ok" : acksOne.error,
          },
        };
      });
    }),
};
