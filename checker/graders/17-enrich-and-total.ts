// Grader for exercise 17: orders re-keyed by customer, left-joined with the customers table, then totalled per
// region. The learner's topology runs input by input through our TopologyTestDriver (the table changing between
// orders, an unknown customer, a deleted one), then with KafkaStreams on the cluster, one input at a time. The
// expected records are Java Kafka Streams 4.4.0's for the same topology and inputs (run through Java's
// TopologyTestDriver), internal topic names included.
import type { GradeContext } from "../runner/grade.ts";
import { readRecords } from "./support/read-records.ts";
import { TOPOLOGY_HARNESS, type ClusterRun, type DriverRun, type HarnessRequest, type TopicRecord } from "./support/streams/records.ts";
import { checkSteps, checkWritesTo, parsedValue, type ShownRecord, type Step } from "./support/streams/steps.ts";
import { createStreamsTopics } from "./support/streams/topics.ts";

const ORDERS = "orders";
const CUSTOMERS = "customers";
const ENRICHED = "orders-enriched";
const TOTALS = "region-totals";
const APPLICATION = "order-stats";
const REGROUPING = "by-region-repartition";

type Script = { input: Omit<TopicRecord, "timestamp">; enriched: string; totals: string; expected?: { region: string | null; total: number } };

const customer = (id: string, name: string, region: string): Script["input"] => ({ topic: CUSTOMERS, key: id, value: JSON.stringify({ name, region }) });
const order = (id: string, customerId: string, amount: number): Script["input"] => ({ topic: ORDERS, key: id, value: JSON.stringify({ customer: customerId, amount }) });
const TABLE_ONLY = "a customer update writes nothing: in a stream-table join only the stream side (the orders) triggers a result";

/** The inputs, one second apart, with what each must write to the two outputs. */
const SCRIPT: Script[] = [
  { input: customer("c1", "Ana", "EU"), enriched: TABLE_ONLY, totals: TABLE_ONLY },
  { input: customer("c2", "Bo", "US"), enriched: TABLE_ONLY, totals: TABLE_ONLY },
  {
    input: order("o1", "c1", 30),
    enriched: "order o1 of c1 is joined with c1's current row in the customers table (region EU), keyed by the customer",
    totals: "EU's total becomes 30",
    expected: { region: "EU", total: 30 },
  },
  {
    input: order("o2", "c3", 15),
    enriched: "order o2 of c3, who is not in the table yet, is still written, with region null: a left join keeps stream records that find no row",
    totals: 'order o2 (region null) counts under "unknown": an aggregation drops records whose key is null, so group them under a key of their own',
    expected: { region: null, total: 15 },
  },
  { input: customer("c3", "Cy", "APAC"), enriched: "c3 arriving in the table later does not change order o2, already written: nothing is written", totals: TABLE_ONLY },
  { input: order("o3", "c3", 20), enriched: "order o3 of c3 now finds c3 (region APAC)", totals: "APAC's total becomes 20", expected: { region: "APAC", total: 20 } },
  { input: order("o4", "c2", 12), enriched: "order o4 of c2 finds c2 (region US)", totals: "US's total becomes 12", expected: { region: "US", total: 12 } },
  { input: customer("c1", "Ana", "US"), enriched: "c1 moving to US writes nothing, and order o1 stays in EU", totals: TABLE_ONLY },
  { input: order("o5", "c1", 5), enriched: "order o5 of c1 sees c1's new row (region US)", totals: "US's total becomes 17", expected: { region: "US", total: 17 } },
  { input: { topic: CUSTOMERS, key: "c2", value: null }, enriched: "a tombstone (null value) deletes c2 from the table and writes nothing", totals: TABLE_ONLY },
  {
    input: order("o6", "c2", 7),
    enriched: "order o6 of c2, deleted from the table, is written with region null",
    totals: 'the total of "unknown" becomes 22',
    expected: { region: null, total: 22 },
  },
  { input: order("o7", "c1", 8), enriched: "order o7 of c1 finds region US", totals: "US's total becomes 25", expected: { region: "US", total: 25 } },
];

const inputs: TopicRecord[] = SCRIPT.map(({ input }, index) => ({ ...input, timestamp: (index + 1) * 1000 }));

function expectedOutputs(script: Script, input: TopicRecord): { enriched: ShownRecord[]; totals: ShownRecord[] } {
  if (!script.expected) return { enriched: [], totals: [] };
  const { customer: customerId, amount } = JSON.parse(input.value!) as { customer: string; amount: number };
  const { region, total } = script.expected;
  return {
    enriched: [{ key: customerId, value: { orderId: input.key, amount, region }, timestamp: input.timestamp }],
    totals: [{ key: region ?? "unknown", value: total, timestamp: input.timestamp }],
  };
}

const steps: Step[] = SCRIPT.map((script, index) => {
  const input = inputs[index]!;
  const expected = expectedOutputs(script, input);
  const after = input.topic === ORDERS ? `after order ${input.key}` : input.value === null ? `after the tombstone for customer ${input.key}` : `after customer ${input.key} (${(JSON.parse(input.value) as { region: string }).region})`;
  return {
    input,
    checks: [
      { topic: ENRICHED, message: `${after}: ${script.enriched}`, expected: expected.enriched },
      { topic: TOTALS, message: `${after}: ${script.totals}`, expected: expected.totals },
    ],
  };
});

export default async function grade(t: GradeContext): Promise<void> {
  const driven = await t.learnerVia<DriverRun>(TOPOLOGY_HARNESS, "buildTopology", {
    mode: "driver",
    applicationId: APPLICATION,
    inputs,
    outputs: [ENRICHED, TOTALS],
  } satisfies HarnessRequest);
  if (!checkWritesTo(t, driven, { [ENRICHED]: "the enriched orders", [TOTALS]: "the totals per region" })) return;
  if (!checkSteps(t, steps, driven)) return;
  if (!t.expectTrue(`the regrouping by region is named by-region: its repartition topic is <application.id>-${REGROUPING}`, driven.producedTopics.includes(REGROUPING), {
    expected: REGROUPING,
    actual: driven.producedTopics.filter((topic) => topic.endsWith("-repartition")),
  })) return;

  // On the cluster: three partitions per topic (the join needs orders' repartition topic and customers
  // co-partitioned), one input at a time, so that each order meets the table as it was in the script.
  await createStreamsTopics(t, { [ORDERS]: 3, [CUSTOMERS]: 3, [ENRICHED]: 3, [TOTALS]: 3 });
  const ran = await t.learnerVia<ClusterRun>(TOPOLOGY_HARNESS, "buildTopology", { mode: "cluster", applicationId: APPLICATION, inputs, stepwise: true } satisfies HarnessRequest);
  // Records of one key share a partition, so their order is the script's; keys in different partitions interleave.
  const perKey = async (topic: string) => byKey((await readRecords(t, t.topic(topic))).map((record) => ({ key: record.key, value: parsedValue(record.value) })));
  const expectedOf = (topic: string) => byKey(steps.flatMap((step) => step.checks.filter((check) => check.topic === topic).flatMap((check) => check.expected)));
  t.expectEqual(`on the cluster, KafkaStreams writes the same enriched orders to ctx.topic("${ENRICHED}"), in order per customer`, expectedOf(ENRICHED), await perKey(ENRICHED));
  t.expectEqual(`on the cluster, KafkaStreams writes the same running totals to ctx.topic("${TOTALS}"), in order per region`, expectedOf(TOTALS), await perKey(TOTALS));
  t.expectTrue(`on the cluster, the application created the repartition topic <application.id>-${REGROUPING}`, ran.internalTopics.includes(REGROUPING), {
    expected: REGROUPING,
    actual: ran.internalTopics,
  });
}

/** Values per key, keys sorted: the order within a key is kept, the interleaving of keys is not compared. */
function byKey(records: { key: string | null; value: unknown }[]): Record<string, unknown[]> {
  const keys: Record<string, unknown[]> = {};
  for (const { key, value } of records) (keys[String(key)] ??= []).push(value);
  return Object.fromEntries(Object.entries(keys).sort(([a], [b]) => a.localeCompare(b)));
}
