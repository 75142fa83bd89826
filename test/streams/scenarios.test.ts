// The differential test: every scenario under checker/streams/scenarios gives the same records (topic, key, value,
// timestamp, order), produced topic names, errors and describe() in our TypeScript engine as in Java Kafka Streams 4.4.0.
import { describe, expect, it } from "vitest";
import { runDifferential, type DifferentialReport } from "../../checker/streams/scenarios/differential.ts";
import { loadScenarios } from "../../checker/streams/scenarios/scenario.ts";

describe("streams scenarios: TypeScript vs Java Kafka Streams", () => {
  let report: DifferentialReport | undefined;
  const differential = async () => (report ??= await runDifferential());

  it("has at least 80 scenarios, each saying what it proves", () => {
    const scenarios = loadScenarios();
    expect(scenarios.length).toBeGreaterThanOrEqual(80);
    for (const scenario of scenarios) expect(scenario.about.length, scenario.id).toBeGreaterThan(20);
  });

  it("the oracle answered for every scenario", async () => {
    const { oracle, verdicts } = await differential();
    expect(oracle).toBe("4.4.0");
    expect(verdicts.map((verdict) => verdict.scenario)).toEqual(loadScenarios().map((scenario) => scenario.id));
    // A scenario with no record and no error proves little; only these two are empty on purpose.
    const empty = verdicts.filter((verdict) => verdict.java.outputs.length === 0 && !verdict.java.error).map((verdict) => verdict.scenario);
    expect(empty).toEqual(["st-inner-null-key", "suppress-no-end-flush"]);
  });

  it("every scenario matches Java record for record", async () => {
    const { verdicts } = await differential();
    const mismatches = verdicts
      .filter((verdict) => verdict.mismatch)
      .map((verdict) => ({ scenario: verdict.scenario, about: verdict.about, ...verdict.mismatch }));
    expect(mismatches).toEqual([]);
  });
});
