// KStream-KTable and KStream-GlobalKTable joins (Java's KStreamKTableJoinProcessor, Kafka Streams 4.4.0). Expected rows
// were produced by Java's TopologyTestDriver on the same topology and inputs (see joins-harness.ts).
import { describe, expect, it } from "vitest";
import { InvalidArgumentError, Joined, Named, StreamsBuilder, type KStream, type KTable } from "../../checker/streams/index.ts";
import type { ProcessorNode } from "../../checker/streams/topology/nodes.ts";
import { APP } from "./dsl-harness.ts";
import { inputs, joiner, runSteps } from "./joins-harness.ts";

function streamTable(leftJoin: boolean): StreamsBuilder {
  const builder = new StreamsBuilder();
  const stream = builder.stream<string, string>("L");
  const table = builder.table<string, string>("T");
  (leftJoin ? stream.leftJoin(table, joiner) : stream.join(table, joiner)).to("out");
  return builder;
}

describe("the docs' stream-table join table", () => {
  // dsl-api.html "Semantics of stream-table joins": one key; table updates never trigger, null stream values are dropped.
  const DOCS = inputs(`
    L k ~ 1
    T k ~ 2
    L k A 3
    T k a 4
    L k B 5
    T k b 6
    L k ~ 7
    T k ~ 8
    L k C 9
    T k c 10
    T k ~ 11
    L k ~ 12
    T k ~ 13
    T k d 14
    L k D 15`);

  it("inner join: only stream records with a table value join, at the stream record's timestamp", () => {
    expect(runSteps(streamTable(false).build(), DOCS).outputs).toEqual([[4, "k", "B+a", 5], [14, "k", "D+d", 15]]);
  });

  it("left join: every stream record with a value gets a result", () => {
    expect(runSteps(streamTable(true).build(), DOCS).outputs).toEqual([[2, "k", "A+null", 3], [4, "k", "B+a", 5], [8, "k", "C+null", 9], [14, "k", "D+d", 15]]);
  });
});

describe("stream-table null handling", () => {
  const NULLS = inputs(`
    T a ta 0
    L ~ nk 1
    L a ~ 2
    L a v 3
    T a ~ 4
    L a w 5`);

  it("inner join drops null keys and null values; a table tombstone removes the match", () => {
    const { outputs, topics } = runSteps(streamTable(false).build(), NULLS);
    expect(outputs).toEqual([[3, "a", "v+ta", 3]]);
    expect(topics).toEqual([`${APP}-T-STATE-STORE-0000000001-changelog`, "out"]);
  });

  it("left join emits a null-key record as v+null (KIP-962) but still drops null values", () => {
    expect(runSteps(streamTable(true).build(), NULLS).outputs).toEqual([[1, null, "nk+null", 1], [3, "a", "v+ta", 3], [5, "a", "w+null", 5]]);
  });
});

describe("a key-changed stream is repartitioned before a stream-table join", () => {
  const LINES = inputs(`
    T a ta 0
    L k ab 1
    L k bb 2
    T b tb 3
    L k bc 4`);

  function rekeyed(joinedName: string | undefined, twice: boolean): StreamsBuilder {
    const builder = new StreamsBuilder();
    const stream: KStream<string, string> = builder.stream<string, string>("L").selectKey((_key, value) => value.substring(0, 1));
    const table: KTable<string, string> = builder.table<string, string>("T");
    stream.leftJoin(table, joiner, joinedName === undefined ? undefined : Joined.as(joinedName)).to("out");
    if (twice) stream.leftJoin(table, (left, right) => `${left}*${right}`).to("out2");
    return builder;
  }

  it("through <stream name>-repartition, named after the key-changing node", () => {
    const { outputs, topics } = runSteps(rekeyed(undefined, false).build(), LINES);
    expect(outputs).toEqual([[1, "a", "ab+ta", 1], [2, "b", "bb+null", 2], [4, "b", "bc+tb", 4]]);
    expect(topics).toEqual([`${APP}-KSTREAM-KEY-SELECT-0000000001-repartition`, `${APP}-T-STATE-STORE-0000000002-changelog`, "out"]);
  });

  it("through <Joined name>-repartition when the join is named", () => {
    const { topics } = runSteps(rekeyed("named", false).build(), LINES);
    expect(topics).toEqual([`${APP}-T-STATE-STORE-0000000002-changelog`, `${APP}-named-repartition`, "out"]);
  });

  // Java caches the repartition on the stream: a second join without a name reuses it (and still takes three names).
  it("a second join of the same stream reuses the first repartition topic, as Java does", () => {
    const topology = rekeyed(undefined, true).build();
    const { outputs, topics } = runSteps(topology, LINES, "out2");
    expect(outputs).toEqual([[1, "a", "ab*ta", 1], [2, "b", "bb*null", 2], [4, "b", "bc*tb", 4]]);
    expect(topics).toEqual([`${APP}-KSTREAM-KEY-SELECT-0000000001-repartition`, `${APP}-T-STATE-STORE-0000000002-changelog`, "out", "out2"]);
    const source = topology.parts.nodes.find((node) => node.name === "KSTREAM-SOURCE-0000000007")!;
    expect(source.kind === "source" && source.children).toEqual(["KSTREAM-LEFTJOIN-0000000008", "KSTREAM-LEFTJOIN-0000000013"]);
    const second = topology.parts.nodes.find((node) => node.name === "KSTREAM-LEFTJOIN-0000000013") as ProcessorNode;
    expect(second.stores).toEqual(["T-STATE-STORE-0000000002"]);
  });

  it("reuses a named first repartition for an unnamed second join too", () => {
    const { topics } = runSteps(rekeyed("named", true).build(), LINES, "out2");
    expect(topics).toEqual([`${APP}-T-STATE-STORE-0000000002-changelog`, `${APP}-named-repartition`, "out", "out2"]);
  });
});

describe("null keys through a join's repartition topic", () => {
  // Java's rewriteRepartitionNodes: the repartition filter drops null keys unless a left/outer join (labelled
  // NULL_KEY_RELAXED_JOIN) lies downstream, so the left join still sees (and emits) the null-key records.
  const LINES = inputs(`
    T a ta 0
    L k ab 1
    L k nb 2
    L k ac 3
    T a tb 4
    L k nc 50`);

  function nullingJoin(leftJoin: boolean): StreamsBuilder {
    const builder = new StreamsBuilder();
    const stream = builder.stream<string, string>("L").selectKey((_key, value) => (value.startsWith("n") ? (null as unknown as string) : value.substring(0, 1)));
    const table = builder.table<string, string>("T");
    (leftJoin ? stream.leftJoin(table, joiner) : stream.join(table, joiner)).to("out");
    return builder;
  }

  it("an inner join's repartition drops them", () => {
    expect(runSteps(nullingJoin(false).build(), LINES).outputs).toEqual([[1, "a", "ab+ta", 1], [3, "a", "ac+ta", 3]]);
  });

  it("a left join's repartition keeps them and the join emits v+null", () => {
    expect(runSteps(nullingJoin(true).build(), LINES).outputs).toEqual([[1, "a", "ab+ta", 1], [2, null, "nb+null", 2], [3, "a", "ac+ta", 3], [5, null, "nc+null", 50]]);
  });
});

describe("KStream-GlobalKTable joins", () => {
  // The key selector maps a stream value "g1:x" to table key "g1", and a value without ':' to null.
  const selector = (_key: string, value: string): string => (value !== null && value.includes(":") ? value.substring(0, value.indexOf(":")) : (null as unknown as string));
  const LINES = inputs(`
    G g1 one 0
    G g2 two 0
    L k g1:x 1
    L k g9:y 2
    L k noColon 3
    L ~ g2:z 4
    L ~ plain 5
    L k ~ 6
    G g1 ~ 7
    L k g1:w 8`);

  function globalJoin(leftJoin: boolean, named?: Named): StreamsBuilder {
    const builder = new StreamsBuilder();
    const stream = builder.stream<string, string>("L");
    const table = builder.globalTable<string, string>("G");
    (leftJoin ? stream.leftJoin(table, selector, joiner, named) : stream.join(table, selector, joiner, named)).to("out");
    return builder;
  }

  it("inner join looks up the selected key; null-key stream records join when the selector gives a key", () => {
    const { outputs, topics } = runSteps(globalJoin(false).build(), LINES);
    expect(outputs).toEqual([[2, "k", "g1:x+one", 1], [5, null, "g2:z+two", 4]]);
    expect(topics).toEqual(["out"]);
  });

  // KAFKA-19208 (in 4.4.0): a left join no longer drops a record whose key selector returns null.
  it("left join emits v+null for a missing key and for a null selected key; null values are dropped", () => {
    expect(runSteps(globalJoin(true).build(), LINES).outputs).toEqual([
      [2, "k", "g1:x+one", 1],
      [3, "k", "g9:y+null", 2],
      [4, "k", "noColon+null", 3],
      [5, null, "g2:z+two", 4],
      [6, null, "plain+null", 5],
      [9, "k", "g1:w+null", 8],
    ]);
  });

  it("Java names the join processor KSTREAM-LEFTJOIN-… for inner joins too, or takes the Named name", () => {
    const names = (builder: StreamsBuilder): string[] => builder.build().parts.nodes.map((node) => node.name);
    expect(names(globalJoin(false))).toContain("KSTREAM-LEFTJOIN-0000000004");
    expect(names(globalJoin(false, Named.as("enrich")))).toContain("enrich");
  });
});

describe("stream-table argument checks", () => {
  it("rejects a grace period: it needs a versioned table", () => {
    const builder = new StreamsBuilder();
    const stream = builder.stream<string, string>("L");
    const table = builder.table<string, string>("T");
    expect(() => stream.join(table, joiner, Joined.as<string, string, string>("j").withGracePeriod(10))).toThrow(
      new InvalidArgumentError("KTable must be versioned to use a grace period in a stream table join."),
    );
  });

  it("a stream-table join is named KSTREAM-JOIN-…/KSTREAM-LEFTJOIN-… and reads the table's store", () => {
    const topology = streamTable(false).build();
    const join = topology.parts.nodes.find((node) => node.name.startsWith("KSTREAM-JOIN-")) as ProcessorNode;
    expect(join.name).toBe("KSTREAM-JOIN-0000000004");
    expect(join.stores).toEqual(["T-STATE-STORE-0000000001"]);
    expect(topology.parts.copartitionGroups).toEqual([["L", "T"]]);
  });
});
