// Every live proof runs on a real cluster, and what it observed must be what its narration claims: a proof whose
// demonstration goes the other way fails here. Each one must also leave every broker up and none of its topics behind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withAdmin } from "../../checker/cluster/admin.ts";
import type { KafkaCluster } from "../../checker/cluster/kafka-cluster.ts";
import { ensureCluster } from "../../checker/cluster/provider.ts";
import { findProof, proofs } from "../../checker/quiz/proofs/index.ts";
import { isolatedStateDir } from "../support/paths.ts";

type Observed = Record<string, unknown>;

const expectations: Record<string, (observed: Observed) => void> = {
  "acks-all-not-enough-replicas": (o) => {
    expect(o.leader).toBe(1);
    expect(o.isrWithOneDown).toEqual([1, 2]);
    expect(o.acksAllWithOneDown).toBe("ok");
    expect(o.isrWithTwoDown).toEqual([1]);
    expect(o.acksAllError).toBe("NOT_ENOUGH_REPLICAS");
    expect(o.acksOneWithTwoDown).toBe("ok");
  },
  "isr-shrinks-when-broker-stops": (o) => {
    expect(o.isrBefore).toEqual([1, 2, 3]);
    expect(o.isrWhileStopped).toEqual([1, 2]);
    expect(o.replicasWhileStopped).toEqual([1, 2, 3]);
    expect(o.listedAsUnderReplicated).toBe(true);
    expect(o.isrAfterRestart).toEqual([1, 2, 3]);
  },
  "key-to-partition-stability": (o) => {
    expect(o.stableAcrossRounds).toBe(true);
    expect(o.movedCount).toBeGreaterThan(0);
    expect(o.movedCount).toBeLessThan(o.totalKeys as number);
    // A key that moves goes from p to p + 3: murmur2 % 6 and % 3 agree modulo 3.
    const [before, after] = [o.partitionsRound1, o.partitionsAfterAdding] as Array<Record<string, number>>;
    for (const key of o.movedKeys as string[]) expect(after![key]).toBe(before![key]! + 3);
  },
  "idle-consumer-in-group": (o) => {
    expect(o.members).toBe(4);
    expect(o.partitionsPerMember).toEqual([1, 1, 1, 0]);
    expect(o.idleMembers).toBe(1);
  },
  "auto-offset-reset-earliest-latest": (o) => {
    expect(o.earliestSaw).toBe(5);
    expect(o.latestSawOld).toBe(0);
    expect(o.latestSawNew).toBe(1);
    expect(o.restartedWithEarliestSawOld).toBe(0);
    expect(o.restartedSaw).toEqual(["new-2"]);
  },
  "at-least-once-redelivery": (o) => {
    expect(o.processedBeforeCrash).toBe(5);
    expect(o.committedAfterCrash).toBe(2);
    expect(o.redeliveredOffsets).toEqual([2, 3, 4]);
    expect(o.duplicates).toBe(3);
  },
  "at-most-once-loss": (o) => {
    expect(o.committedBeforeProcessing).toBe(5);
    expect(o.processedBeforeCrash).toBe(2);
    expect(o.redeliveredAfterRestart).toBe(0);
    expect(o.lost).toBe(3);
  },
  "reset-offsets-needs-inactive-group": (o) => {
    expect(o.stateWhileActive).toBe("Stable");
    expect(o.refusedWhileActive).toBe(true);
    expect(o.refusal).toMatch(/can only be reset if the group .* is inactive/);
    expect(o.committedAfterRefusal).toBe(5);
    expect(o.stateWhenEmpty).toBe("Empty");
    expect(o.committedAfterReset).toBe(0);
    expect(o.replayed).toBe(5);
  },
  "graceful-close-vs-session-timeout": (o) => {
    const sessionSeconds = (o.sessionTimeoutMs as number) / 1000;
    expect(o.gracefulSeconds).toBeLessThan(sessionSeconds / 2);
    // The coordinator counts from the last heartbeat (every 0.5 s), so the crash is noticed at most a beat early.
    expect(o.crashSeconds).toBeGreaterThan(sessionSeconds - 1);
    expect(o.crashSeconds).toBeLessThan(sessionSeconds * 2);
  },
  "log-compaction-latest-value": (o) => {
    expect(o.recordsWritten).toBe(9);
    expect(o.recordsAfterCompaction).toBe(3);
    expect(o.latestValues).toEqual({ alice: "alice-v3", bob: "bob-v3", carol: "carol-v3" });
    expect(o.keptOffsets).toEqual([6, 7, 8]);
  },
  "retention-deletes-segments": (o) => {
    expect(o.logStartOffsetAfter).toBe(5);
    expect(o.logEndOffset).toBe(10);
    expect(o.laggingCommitted).toBe(2);
    expect(o.laggingResumedAt).toBe(5);
    expect(o.laggingRead).toBe(5);
  },
  "message-too-large": (o) => {
    expect(o.errorBeforeRaise).toBe("MESSAGE_TOO_LARGE");
    expect(o.acceptedAtOffset).toBe(0);
  },
  "transaction-abort-isolation": (o) => {
    expect(o.readCommitted).toBe(0);
    expect(o.readUncommitted).toBe(3);
    expect(o.abortedOffsets).toEqual([0, 1, 2]);
    expect(o.markerOffsets).toEqual([3]);
    expect(o.endRecordOffset).toBe(4);
  },
  "consumer-lag-grows-and-drains": (o) => {
    expect(o.lagCaughtUp).toBe(0);
    expect(o.lagWhilePaused).toBe(20);
    expect(o.toolLagWhilePaused).toBe(20);
    expect(o.lagAfterResume).toBe(0);
  },
  "ordering-within-partition-only": (o) => {
    expect(o.partitionsUsed).toBe(3);
    expect(o.perKeyInOrder).toBe(true);
    expect(o.globalOrderKept).toBe(false);
  },
  "produce-to-missing-topic": (o) => {
    expect(o.refusedError).toBe("UNKNOWN_TOPIC_OR_PARTITION");
    expect(o.refusedTopicCreated).toBe(false);
    expect(o.autoCreatedOffset).toBe(0);
    expect(o.autoCreatedPartitions).toBe(1);
    expect(o.autoCreatedReplicationFactor).toBe(1);
  },
};

describe("the live proofs' list", () => {
  it("has unique ids, a title on every proof, and an expectation here for each", () => {
    const ids = proofs.map((proof) => proof.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(15);
    for (const proof of proofs) expect(proof.title.trim().length, proof.id).toBeGreaterThan(10);
    expect(Object.keys(expectations).sort()).toEqual([...ids].sort());
    expect(findProof("message-too-large")?.id).toBe("message-too-large");
    expect(findProof("no-such-proof")).toBeUndefined();
  });
});

describe("every live proof on a real cluster", () => {
  let cluster: KafkaCluster;
  const timings: string[] = [];

  beforeAll(async () => {
    process.env.KAFKALINGS_STATE_DIR = isolatedStateDir("proofs");
    ({ cluster } = await ensureCluster({ provider: "local" }));
  });

  afterAll(async () => {
    console.log(`live proof timings:\n${timings.join("\n")}`);
    await cluster?.stop();
  });

  it.each(proofs.map((proof) => [proof.id, proof] as const))("%s shows what it narrates", async (id, proof) => {
    const narration: string[] = [];
    const started = Date.now();
    const outcome = await proof.run(cluster, (line) => narration.push(line));
    timings.push(`  ${id}: ${((Date.now() - started) / 1000).toFixed(1)} s`);

    expect(narration.length, "steps narrated").toBeGreaterThanOrEqual(2);
    for (const line of narration) expect(line, "one finished sentence per step").toMatch(/^\S.*\.$/s);
    expect(outcome.summary.length).toBeGreaterThan(40);
    expectations[id]!(outcome.observed);

    expect((await cluster.brokers()).every((broker) => broker.up), "every broker up afterwards").toBe(true);
    const leftovers = await withAdmin(cluster.clientConfig(), async (admin) => {
      const [topics, { groups }] = await Promise.all([admin.listTopics(), admin.listGroups()]);
      return [...topics, ...groups.map((group) => group.groupId)].filter((name) => name.startsWith(`proof-${id}-`));
    });
    expect(leftovers, "topics and groups left behind").toEqual([]);
  });
});
