// The Java oracle itself: Kafka Streams 4.4.0 through Java's TopologyTestDriver gives the records we saw it give
// (vectors from the SlidingWindows javadoc, Kafka's own session test and the docs' table-table join table), and
// says in one line what is missing when Java or Maven is not there.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { JavaMissingError, MavenMissingError } from "../../checker/cluster/errors.ts";
import { runOracle, type OracleResult } from "../../checker/streams/oracle/oracle.ts";
import { SCENARIO_DIR } from "../../checker/streams/scenarios/scenario.ts";

const CHOSEN = ["session-kafka-test-vector", "sliding-javadoc-example", "tt-docs-outer"];

function scenarioCopy(ids: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "kl-oracle-"));
  for (const id of ids) copyFileSync(join(SCENARIO_DIR, `${id}.json`), join(dir, `${id}.json`));
  return dir;
}

const records = (result: OracleResult | undefined) => result?.outputs.map((o) => `${o.step} ${o.key}=${o.value} @${o.ts}`);

describe("the Java Streams oracle", () => {
  it("runs the scenarios in one JVM and prints Java's records, topics and describe()", async () => {
    const results = await runOracle(scenarioCopy(CHOSEN));
    expect(results.map((r) => r.scenario)).toEqual(["session-kafka-test-vector", "sliding-javadoc-example", "tt-docs-outer"]);
    expect(results.every((r) => r.oracle === "4.4.0" && r.error === undefined)).toBe(true);
    const [session, sliding, tableJoin] = results;
    expect(records(session)).toEqual([
      "0 [1@10/10]=1 @10",
      "1 [1@10/10]=null @10",
      "1 [1@10/15]=2 @15",
      "2 [1@600/600]=1 @600",
      "3 [2@600/600]=1 @600",
      "4 [2@600/600]=null @600",
      "4 [2@599/600]=2 @600",
    ]);
    expect(session?.topics).toEqual(["ccdak-KSTREAM-AGGREGATE-STATE-STORE-0000000002-changelog", "out"]);
    expect(session?.describe).toContain("Processor: KSTREAM-AGGREGATE-0000000003 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000002])");
    // The javadoc's five final windows, and the order Java emits the updates in.
    expect(records(sliding)).toEqual([
      "0 [A@3000/8000]=1 @8000",
      "1 [A@8001/13001]=1 @9200",
      "1 [A@4200/9200]=2 @9200",
      "2 [A@8001/13001]=2 @12400",
      "2 [A@9201/14201]=1 @12400",
      "2 [A@7400/12400]=3 @12400",
    ]);
    expect(records(tableJoin)).toEqual([
      "2 k=A+null @3",
      "3 k=A+a @4",
      "4 k=B+a @5",
      "5 k=B+b @6",
      "6 k=null+b @7",
      "7 k=null @8",
      "8 k=C+null @9",
      "9 k=C+c @10",
      "10 k=C+null @11",
      "11 k=null @12",
      "13 k=null+d @14",
      "14 k=D+d @15",
    ]);
  });

  it("reports a window that Java rejects as the scenario's error, with Java's message", async () => {
    const [result] = await runOracle(scenarioCopy(["error-hopping-advance-too-big"]));
    expect(result?.error).toBe("Window advancement interval should be more than zero and less than window duration which is 10 ms, but given advancement interval is: 11 ms");
    expect(result?.outputs).toEqual([]);
  });

  describe("without the tools it needs", () => {
    const saved = { PATH: process.env.PATH, JAVA_HOME: process.env.JAVA_HOME, KAFKALINGS_CACHE_DIR: process.env.KAFKALINGS_CACHE_DIR };
    afterEach(() => {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    });

    it("says Java is missing in one line with the fix", async () => {
      process.env.PATH = mkdtempSync(join(tmpdir(), "kl-empty-path-"));
      delete process.env.JAVA_HOME;
      const failure = runOracle(SCENARIO_DIR);
      await expect(failure).rejects.toBeInstanceOf(JavaMissingError);
      await expect(failure).rejects.toThrow(/^The Java Streams oracle needs Java: Java was not found/);
    });

    it("says Maven is missing when the oracle is not built yet", async () => {
      const bin = mkdtempSync(join(tmpdir(), "kl-java-only-"));
      const javaOnPath = (process.env.PATH ?? "").split(delimiter).map((dir) => join(dir, "java")).find((file) => existsSync(file));
      if (!javaOnPath) throw new Error("this test needs java on PATH");
      symlinkSync(javaOnPath, join(bin, "java"));
      process.env.PATH = bin;
      delete process.env.JAVA_HOME;
      process.env.KAFKALINGS_CACHE_DIR = join(bin, "cache");
      mkdirSync(process.env.KAFKALINGS_CACHE_DIR);
      const failure = runOracle(SCENARIO_DIR);
      await expect(failure).rejects.toBeInstanceOf(MavenMissingError);
      await expect(failure).rejects.toThrow(/Maven \(mvn\) was not found, and the Java Streams oracle \(Kafka Streams 4\.4\.0\) is not built yet/);
    });
  });
});
