// A grader can run a learner's export through a harness of its own in the learner's process (RunRequest.harness):
// the Streams graders build the learner's topology and drive it there. The harness gets the export, the context and
// the arguments; an error in the learner's code still points at the learner's file.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { DriverRun, HarnessRequest } from "../../checker/graders/support/streams/records.ts";
import { TOPOLOGY_HARNESS } from "../../checker/graders/support/streams/records.ts";
import { LearnerFailure, runLearnerCode, stopLearnerProcesses } from "../../checker/runner/sandbox.ts";
import { REPO } from "../support/paths.ts";

// Driver runs never connect: any address will do.
const CONTEXT = { brokers: ["127.0.0.1:1"], runId: "harness-test" };
const HARNESS = join(REPO, TOPOLOGY_HARNESS);

const drive = (file: string, request: HarnessRequest) =>
  runLearnerCode<DriverRun>({ modulePath: join(REPO, file), exportName: "buildTopology", args: [request], context: CONTEXT, timeLimitMs: 30_000, harness: HARNESS });

afterAll(() => stopLearnerProcesses());

describe("a learner export run through a harness", () => {
  it("builds the learner's topology and returns what the test driver wrote, input by input", async () => {
    const inputs = [5_000, 65_000, 70_000].map((timestamp) => ({ topic: "page-views", key: "alice", value: "/home", timestamp }));
    const run = await drive("solutions/16-windowed-page-views.ts", { mode: "driver", applicationId: "page-stats", inputs, outputs: ["views-per-minute"], windowStores: ["page-view-counts"] });
    expect(run.steps.map((step) => step.map((record) => [record.key, JSON.parse(record.value!), record.timestamp]))).toEqual([
      [],
      [],
      [["alice", { windowStart: 0, views: 1 }, 5_000]],
    ]);
    expect(run.producedTopics).toContain("page-view-counts-changelog");
    expect(run.windowStores).toEqual(["page-view-counts"]);
  });

  it("reports a mistake in the learner's code at the learner's line", async () => {
    const failure = await drive("test/fixtures/runner/negative-grace-topology.ts", { mode: "driver", applicationId: "app", inputs: [], outputs: [] }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LearnerFailure);
    const { kind, message, info } = failure as LearnerFailure;
    expect([kind, message, info?.location]).toEqual(["threw", "Grace period must not be negative.", "test/fixtures/runner/negative-grace-topology.ts:6:95"]);
  });

  it("says which input topic the topology does not read", async () => {
    const failure = await drive("exercises/17-enrich-and-total.ts", { mode: "driver", applicationId: "app", inputs: [{ topic: "payments", key: "p1", value: "{}", timestamp: 0 }], outputs: [] }).catch((error: unknown) => error);
    expect((failure as LearnerFailure).message).toBe('your topology does not read ctx.topic("payments"): read it with builder.stream(…) or builder.table(…)');
  });
});
