// Grader for exercise 16: page views counted per user in 1-minute tumbling windows with 10 s grace, final results
// only. The learner's topology runs input by input through our TopologyTestDriver (in-order, out-of-order, late
// records, the exact closing moment), then with KafkaStreams on the cluster. The expected records are Java Kafka
// Streams 4.4.0's for the same inputs (checked with the oracle: suppress-tumbling, size 60000, grace 10000).
import type { GradeContext } from "../runner/grade.ts";
import { readRecords } from "./support/read-records.ts";
import { TOPOLOGY_HARNESS, clock, type ClusterRun, type DriverRun, type HarnessRequest, type TopicRecord } from "./support/streams/records.ts";
import { createStreamsTopics } from "./support/streams/topics.ts";
import { checkSteps, checkWritesTo, parsedValue, type ShownRecord, type Step } from "./support/streams/steps.ts";

const SECOND = 1000;
const INPUT = "page-views";
const OUTPUT = "views-per-minute";
const STORE = "page-view-counts";
const APPLICATION = "page-stats";

const view = (user: string, page: string, at: number): TopicRecord => ({ topic: INPUT, key: user, value: page, timestamp: at });
const final = (user: string, windowStart: number, views: number, timestamp: number): ShownRecord => ({ key: user, value: { windowStart, views }, timestamp });
const OPEN = "nothing is written yet: [00:00, 01:00) takes records until stream time reaches its end + grace, 01:10, and suppress holds counts back until then";

/** Each input, and what the output topic gets right after it. */
const STEPS: [TopicRecord, string, ShownRecord[]][] = [
  [view("alice", "/home", 5 * SECOND), OPEN, []],
  [view("bob", "/home", 12 * SECOND), OPEN, []],
  [view("alice", "/cart", 30 * SECOND), OPEN, []],
  [view("dave", "/home", 60 * SECOND), "a view at exactly 01:00 belongs to [01:00, 02:00) (a window holds its start, not its end); [00:00, 01:00) has ended but stays open for its 10 s grace: nothing is written yet", []],
  [view("alice", "/pay", 61 * SECOND), "stream time 01:01 is past the end of [00:00, 01:00), but the 10 s grace keeps it open until 01:10: nothing is written yet", []],
  [view("bob", "/cart", 58 * SECOND), "bob's view at 00:58 arrives out of order, inside the grace: it counts in [00:00, 01:00), and nothing is written yet", []],
  [
    view("alice", "/pay", 70 * SECOND),
    "stream time reaches 01:10 = window end 01:00 + grace 10 s: [00:00, 01:00) closes, and its final counts are written (timestamp: the window's latest view)",
    [final("alice", 0, 2, 30 * SECOND), final("bob", 0, 2, 58 * SECOND)],
  ],
  [view("bob", "/cart", 59 * SECOND), "bob's view at 00:59 comes after [00:00, 01:00) closed: it is late, dropped, and nothing is written", []],
  [view("bob", "/home", 125 * SECOND), "[01:00, 02:00) stays open until stream time 02:10: nothing is written yet", []],
  [view("carol", "/home", 131 * SECOND), "stream time 02:11 is past 02:10: [01:00, 02:00) closes with its final counts", [final("alice", 60 * SECOND, 2, 70 * SECOND), final("dave", 60 * SECOND, 1, 60 * SECOND)]],
];

const steps: Step[] = STEPS.map(([input, message, expected]) => ({
  input,
  checks: [{ topic: OUTPUT, message: `after ${input.key}'s view at ${clock(input.timestamp)}: ${message}`, expected }],
}));
const inputs = steps.map((step) => step.input);
const finals = STEPS.flatMap(([, , expected]) => expected);

export default async function grade(t: GradeContext): Promise<void> {
  const driven = await t.learnerVia<DriverRun>(TOPOLOGY_HARNESS, "buildTopology", {
    mode: "driver",
    applicationId: APPLICATION,
    inputs,
    outputs: [OUTPUT],
    windowStores: [STORE],
  } satisfies HarnessRequest);
  if (!checkWritesTo(t, driven, { [OUTPUT]: "the final counts" })) return;
  const starts = driven.steps.flat().map((record) => (parsedValue(record.value) as { windowStart?: unknown } | null)?.windowStart);
  if (
    !t.expectTrue("windows are 1 minute long and start on whole minutes: every windowStart is a multiple of 60000", starts.every((start) => typeof start === "number" && start % 60_000 === 0), {
      expected: "0, 60000, …",
      actual: starts,
    })
  ) return;
  if (!checkSteps(t, steps, driven)) return;
  if (!t.expectTrue(`the windowed count's store is named ${STORE} (Materialized.as)`, driven.windowStores.includes(STORE), { expected: STORE, actual: driven.producedTopics.filter((topic) => topic.endsWith("-changelog")) })) return;

  // The same topology on the cluster. One partition: stream time is kept per task (per partition), and only with
  // one task does every user share it, as in the test driver.
  await createStreamsTopics(t, { [INPUT]: 1, [OUTPUT]: 1 });
  const ran = await t.learnerVia<ClusterRun>(TOPOLOGY_HARNESS, "buildTopology", { mode: "cluster", applicationId: APPLICATION, inputs, stepwise: false } satisfies HarnessRequest);
  const written = (await readRecords(t, t.topic(OUTPUT))).map((record) => ({ key: record.key, value: parsedValue(record.value) }));
  t.expectEqual(
    `on the cluster, KafkaStreams (record cache off) writes the same ${finals.length} final counts to ctx.topic("${OUTPUT}")`,
    finals.map(({ key, value }) => ({ key, value })),
    written,
  );
  t.expectTrue(
    `on the cluster, the count's changelog topic is <application.id>-${STORE}-changelog`,
    ran.internalTopics.includes(`${STORE}-changelog`),
    { expected: `${STORE}-changelog`, actual: ran.internalTopics },
  );
}
