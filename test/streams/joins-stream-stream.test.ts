// KStream-KStream joins (Java's KStreamKStreamJoin, Kafka Streams 4.4.0) on the TopologyTestDriver. Every expected
// row was produced by Java's TopologyTestDriver on the same topology and inputs (see joins-harness.ts).
import { describe, expect, it } from "vitest";
import { InvalidArgumentError, JoinWindows, StreamsBuilder, type KStream } from "../../checker/streams/index.ts";
import { APP } from "./dsl-harness.ts";
import { inputs, joiner, runSteps } from "./joins-harness.ts";

type Kind = "inner" | "left" | "outer";

function join(kind: Kind, windows: JoinWindows): StreamsBuilder {
  const builder = new StreamsBuilder();
  const left = builder.stream<string, string>("L");
  const right = builder.stream<string, string>("R");
  const joins: Record<Kind, () => KStream<string, string>> = {
    inner: () => left.join(right, joiner, windows),
    left: () => left.leftJoin(right, joiner, windows),
    outer: () => left.outerJoin(right, joiner, windows),
  };
  joins[kind]().to("out");
  return builder;
}

function run(kind: Kind, windows: JoinWindows, lines: string) {
  return runSteps(join(kind, windows).build(), inputs(lines));
}

/** The Kafka docs' "Semantics of stream-stream joins" table (dsl-api.html): one key, 15 ms windows, 5 ms grace. */
const DOCS_INPUTS = `
  L k ~ 1
  R k ~ 2
  L k A 3
  R k a 4
  L k B 5
  R k b 6
  L k ~ 7
  R k ~ 8
  L k C 9
  R k c 10
  R k ~ 11
  L k ~ 12
  R k ~ 13
  R k d 14
  L k D 15
  L k E 40
  L k F 60
  R k f 80
  L k G 100`;

const DOCS_MATCHES = [
  [3, "k", "A+a", 4], [4, "k", "B+a", 5], [5, "k", "A+b", 6], [5, "k", "B+b", 6], [8, "k", "C+a", 9], [8, "k", "C+b", 9],
  [9, "k", "A+c", 10], [9, "k", "B+c", 10], [9, "k", "C+c", 10], [13, "k", "A+d", 14], [13, "k", "B+d", 14], [13, "k", "C+d", 14],
  [14, "k", "D+a", 15], [14, "k", "D+b", 15], [14, "k", "D+c", 15], [14, "k", "D+d", 15],
];

describe("the docs' stream-stream join table", () => {
  const windows = JoinWindows.ofTimeDifferenceAndGrace(15, 5);

  it("inner join: every pair within 15 ms, at the larger timestamp; null values never join", () => {
    expect(run("inner", windows, DOCS_INPUTS).outputs).toEqual(DOCS_MATCHES);
  });

  // The docs table shows [E, null] at F's row and [F, null] at f's row. Java emits each one record later: a left record
  // waits until `ts + after + grace < streamTime` (strictly), so E@40 (40+15+5 = 60) is still open when F@60 arrives.
  it("left join: unmatched E and F are emitted once their window plus grace is behind stream time, with their own timestamps", () => {
    expect(run("left", windows, DOCS_INPUTS).outputs).toEqual([...DOCS_MATCHES, [17, "k", "E+null", 40], [18, "k", "F+null", 60]]);
  });

  // Java: f@80 is still waiting at G@100 (80 + before 15 + grace 5 = 100 is not < 100), so the docs' [null, f] never comes.
  it("outer join: the same as left here; the right record f has not closed yet when the input ends", () => {
    expect(run("outer", windows, DOCS_INPUTS).outputs).toEqual([...DOCS_MATCHES, [17, "k", "E+null", 40], [18, "k", "F+null", 60]]);
  });
});

describe("deferred left/outer results", () => {
  it("are emitted before the results of the record that closes them", () => {
    const { outputs } = run("outer", JoinWindows.ofTimeDifferenceWithNoGrace(10), `
      L k1 A 0
      R k2 b 14
      L k2 B 15
      L k3 C 15
      R k3 c 40`);
    expect(outputs).toEqual([[1, "k1", "A+null", 0], [2, "k2", "B+b", 15], [4, "k3", "C+null", 15]]);
  });

  it("come out by timestamp, right-side records before left-side ones, then by key bytes", () => {
    const { outputs } = run("outer", JoinWindows.ofTimeDifferenceWithNoGrace(5), `
      L b A 0
      L a B 0
      R c x 0
      R a2 y 0
      L a C 1
      L z Z 100`);
    expect(outputs).toEqual([[5, "a2", "null+y", 0], [5, "c", "null+x", 0], [5, "a", "B+null", 0], [5, "b", "A+null", 0], [5, "a", "C+null", 1]]);
  });

  it("a window closes only when ts + after + grace is strictly behind stream time", () => {
    const { outputs } = run("left", JoinWindows.ofTimeDifferenceAndGrace(10, 5), `
      L k A 0
      R x z 15
      R x z2 16
      L j J 16`);
    expect(outputs).toEqual([[2, "k", "A+null", 0]]);
  });

  it("a partner arriving out of order within the grace period cancels the waiting result", () => {
    const { outputs } = run("left", JoinWindows.ofTimeDifferenceAndGrace(10, 5), `
      L k A 10
      R x y 22
      R k a 18
      L z Z 40`);
    expect(outputs).toEqual([[2, "k", "A+a", 18]]);
  });

  // Java skips the scan while `minTime + after + grace >= streamTime`; a scan that stops early (both sides found an open
  // window at c@10) leaves minTime at c, not at the last waiting record (f@12), so H@21 scans and closes a, b and c.
  it("keep Java's bookkeeping of the earliest waiting timestamp, which decides when the store is scanned", () => {
    const { outputs } = run("outer", JoinWindows.ofTimeDifferenceWithNoGrace(10), `
      L e E 0
      R a A 8
      L b B 9
      L c C 10
      L q ~ 13
      L d D 11
      L f F 12
      L g G 13
      L h H 21
      L z Z 100`);
    expect(outputs).toEqual([
      [7, "e", "E+null", 0],
      [8, "a", "null+A", 8],
      [8, "b", "B+null", 9],
      [8, "c", "C+null", 10],
      [9, "d", "D+null", 11],
      [9, "f", "F+null", 12],
      [9, "g", "G+null", 13],
      [9, "h", "H+null", 21],
    ]);
  });

  // Java 4.4.0 behaviour (looks like KAFKA-19536, open): B@50 arrives when stream time is 100; 50 + after 10 < 100, so it
  // is emitted at once although its grace period (20) is not over and its partner x@55 comes next.
  it("an unmatched record whose window end is already behind stream time is emitted at once, grace ignored", () => {
    const { outputs } = run("left", JoinWindows.ofTimeDifferenceAndGrace(10, 20), `
      L a A 100
      L b B 50
      R b x 55
      L c C 85
      L d D 131`);
    expect(outputs).toEqual([[1, "b", "B+null", 50], [3, "c", "C+null", 85], [4, "a", "A+null", 100]]);
  });
});

describe("null keys and values", () => {
  const NULLS = `
    L ~ V 5
    R ~ v 6
    L k ~ 100
    L j J 50
    R q ~ 101
    L q Q 101
    R q q 102`;

  it("inner join drops both; a null value still advances the join's stream time", () => {
    expect(run("inner", JoinWindows.ofTimeDifferenceWithNoGrace(10), NULLS).outputs).toEqual([[6, "q", "Q+q", 102]]);
  });

  it("left join emits a null-key left record at once (KIP-962); J@50 is behind the stream time a null value set", () => {
    expect(run("left", JoinWindows.ofTimeDifferenceWithNoGrace(10), NULLS).outputs).toEqual([[0, null, "V+null", 5], [3, "j", "J+null", 50], [6, "q", "Q+q", 102]]);
  });

  it("outer join emits null-key records of both sides at once", () => {
    expect(run("outer", JoinWindows.ofTimeDifferenceWithNoGrace(10), NULLS).outputs).toEqual([
      [0, null, "V+null", 5],
      [1, null, "null+v", 6],
      [3, "j", "J+null", 50],
      [6, "q", "Q+q", 102],
    ]);
  });
});

describe("null keys through the joins' repartition topics", () => {
  // Both inputs change their key (values starting with "n" get a null key) and are repartitioned before the join.
  const LINES = inputs(`
    L k ab 1
    L k nb 2
    R k nq 3
    R k ar 4
    L k nc 50`);

  function nullingJoin(kind: Kind): StreamsBuilder {
    const builder = new StreamsBuilder();
    const rekey = (_key: string, value: string): string => (value.startsWith("n") ? (null as unknown as string) : value.substring(0, 1));
    const left = builder.stream<string, string>("L").selectKey(rekey);
    const right = builder.stream<string, string>("R").selectKey(rekey);
    const windows = JoinWindows.ofTimeDifferenceWithNoGrace(10);
    (kind === "inner" ? left.join(right, joiner, windows) : kind === "left" ? left.leftJoin(right, joiner, windows) : left.outerJoin(right, joiner, windows)).to("out");
    return builder;
  }

  it("inner: dropped; left: the left side's emitted at once; outer: both sides'", () => {
    expect(runSteps(nullingJoin("inner").build(), LINES).outputs).toEqual([[3, "a", "ab+ar", 4]]);
    expect(runSteps(nullingJoin("left").build(), LINES).outputs).toEqual([[1, null, "nb+null", 2], [3, "a", "ab+ar", 4], [4, null, "nc+null", 50]]);
    expect(runSteps(nullingJoin("outer").build(), LINES).outputs).toEqual([[1, null, "nb+null", 2], [2, null, "null+nq", 3], [3, "a", "ab+ar", 4], [4, null, "nc+null", 50]]);
  });
});

describe("window stores", () => {
  it("matches come in the other store's order: by timestamp, then arrival", () => {
    const { outputs } = run("inner", JoinWindows.ofTimeDifferenceWithNoGrace(10), `
      R k a 5
      R k b 3
      R k c 5
      L k A 4
      L k B 4`);
    expect(outputs).toEqual([[3, "k", "A+b", 4], [3, "k", "A+a", 5], [3, "k", "A+c", 5], [4, "k", "B+b", 4], [4, "k", "B+a", 5], [4, "k", "B+c", 5]]);
  });

  it("records older than the store's retention (before + after + grace) no longer join", () => {
    const { outputs } = run("left", JoinWindows.ofTimeDifferenceWithNoGrace(5), `
      R k a 0
      R k z 20
      L k A 3
      L k B 15`);
    expect(outputs).toEqual([[2, "k", "A+null", 3], [3, "k", "B+z", 20]]);
  });

  it("stores and changelogs are named after the generated join processors", () => {
    const { topics } = run("left", JoinWindows.ofTimeDifferenceWithNoGrace(5), "L k A 3");
    expect(topics).toEqual([`${APP}-KSTREAM-JOINTHIS-0000000004-store-changelog`, `${APP}-KSTREAM-OUTERSHARED-0000000004-store-changelog`]);
  });
});

describe("asymmetric windows", () => {
  const AFTER_ONLY = `
    L k A 10
    R k a 5
    R k b 10
    R k c 20
    R k d 21
    L k B 30
    R x y 50
    L k C 60`;

  it("before(0).after(10): a right record joins left records up to 10 ms before it", () => {
    const windows = JoinWindows.ofTimeDifferenceAndGrace(10, 3).before(0).after(10);
    expect(run("inner", windows, AFTER_ONLY).outputs).toEqual([[2, "k", "A+b", 10], [3, "k", "A+c", 20]]);
    expect(run("outer", windows, AFTER_ONLY).outputs).toEqual([
      [1, "k", "null+a", 5],
      [2, "k", "A+b", 10],
      [3, "k", "A+c", 20],
      [6, "k", "null+d", 21],
      [6, "k", "B+null", 30],
      [7, "x", "null+y", 50],
    ]);
  });

  it("a negative before shifts the window after the left record", () => {
    const windows = JoinWindows.ofTimeDifferenceAndGrace(10, 2).before(-3).after(8);
    const lines = `
      L k A 10
      R k a 6
      R k b 7
      R k c 18
      R k d 19
      L k B 30
      R z y 30
      R z y 41
      L z Z 60`;
    expect(run("left", windows, lines).outputs).toEqual([[3, "k", "A+c", 18], [7, "k", "B+null", 30]]);
    expect(run("outer", windows, lines).outputs).toEqual([
      [1, "k", "null+a", 6],
      [2, "k", "null+b", 7],
      [3, "k", "A+c", 18],
      [4, "k", "null+d", 19],
      [6, "z", "null+y", 30],
      [7, "k", "B+null", 30],
      [7, "z", "null+y", 41],
    ]);
  });

  // With after(-4) a left record's window ends before its own timestamp, so at stream time it is emitted as unmatched
  // at once (the KAFKA-19536 path) and still joins the right records that arrive later.
  it("a negative after makes Java emit v+null at once and the matches later", () => {
    const windows = JoinWindows.ofTimeDifferenceWithNoGrace(10).before(10).after(-4);
    const lines = `
      L k A 10
      R k a 0
      R k b 6
      R k c 7
      L x X 20
      R y Y 20
      L q Q 40`;
    expect(run("left", windows, lines).outputs).toEqual([[0, "k", "A+null", 10], [1, "k", "A+a", 10], [2, "k", "A+b", 10], [4, "x", "X+null", 20], [6, "q", "Q+null", 40]]);
    expect(run("outer", windows, lines).outputs).toEqual([
      [0, "k", "A+null", 10],
      [1, "k", "A+a", 10],
      [2, "k", "A+b", 10],
      [4, "k", "null+c", 7],
      [4, "x", "X+null", 20],
      [6, "y", "null+Y", 20],
      [6, "q", "Q+null", 40],
    ]);
  });
});

describe("deprecated JoinWindows.of (no spurious-result fix)", () => {
  const LINES = `
    L k A 0
    R k a 5
    R z b 7
    L k B 100
    R k c 95`;

  it("left and outer joins emit v+null at once, then the real match too; no shared outer store", () => {
    expect(run("left", JoinWindows.of(10), LINES).outputs).toEqual([[0, "k", "A+null", 0], [1, "k", "A+a", 5], [3, "k", "B+null", 100], [4, "k", "B+c", 100]]);
    const outer = run("outer", JoinWindows.of(10), LINES);
    expect(outer.outputs).toEqual([[0, "k", "A+null", 0], [1, "k", "A+a", 5], [2, "z", "null+b", 7], [3, "k", "B+null", 100], [4, "k", "B+c", 100]]);
    expect(outer.topics).toEqual([`${APP}-KSTREAM-OUTEROTHER-0000000005-store-changelog`, `${APP}-KSTREAM-OUTERTHIS-0000000004-store-changelog`, "out"]);
  });

  it("inner join is unchanged", () => {
    expect(run("inner", JoinWindows.of(10), LINES).outputs).toEqual([[1, "k", "A+a", 5], [4, "k", "B+c", 100]]);
  });
});

describe("argument checks", () => {
  it("a stream-stream join needs JoinWindows", () => {
    const builder = new StreamsBuilder();
    const left = builder.stream<string, string>("L");
    const right = builder.stream<string, string>("R");
    expect(() => left.join(right, joiner, undefined as unknown as JoinWindows)).toThrow(new InvalidArgumentError("windows cannot be null"));
  });
});
