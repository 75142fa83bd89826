// The differential test: every scenario through the Java oracle (one JVM run) and through our engine, compared.
import { runOracle, type ScenarioResult } from "../oracle/oracle.ts";
import { firstMismatch, type Mismatch } from "./compare.ts";
import { SCENARIO_DIR, loadScenarios } from "./scenario.ts";
import { runScenarioInTypeScript } from "./run-typescript.ts";

export interface ScenarioVerdict {
  scenario: string;
  about: string;
  mismatch?: Mismatch;
  java: ScenarioResult;
  typescript: ScenarioResult;
}

export interface DifferentialReport {
  oracle: string;
  verdicts: ScenarioVerdict[];
  matched: number;
}

export interface DifferentialOptions {
  /** One scenario id (its file name without .json). */
  scenario?: string;
  /** Compare Topology.describe() text too (default true). */
  describe?: boolean;
  dir?: string;
  onProgress?: (step: string) => void;
}

export class UnknownScenarioError extends Error {
  override name = "UnknownScenarioError";
  readonly fix = "run without --scenario to see them all, or pick a file name (without .json) from checker/streams/scenarios";
  constructor(id: string) {
    super(`There is no streams scenario "${id}".`);
  }
}

export async function runDifferential(options: DifferentialOptions = {}): Promise<DifferentialReport> {
  const dir = options.dir ?? SCENARIO_DIR;
  const scenarios = loadScenarios(dir).filter((scenario) => !options.scenario || scenario.id === options.scenario);
  if (options.scenario && scenarios.length === 0) throw new UnknownScenarioError(options.scenario);
  const javaResults = new Map((await runOracle(dir, options.scenario, options.onProgress)).map((result) => [result.scenario, result]));
  const verdicts = scenarios.map((scenario): ScenarioVerdict => {
    const java = javaResults.get(scenario.id) ?? { scenario: scenario.id, outputs: [], topics: [], error: "(the oracle printed no result)" };
    let typescript: ScenarioResult;
    try {
      typescript = runScenarioInTypeScript(scenario);
    } catch (error) {
      typescript = { scenario: scenario.id, outputs: [], topics: [], error: `TypeScript engine crashed: ${error instanceof Error ? error.message : String(error)}` };
    }
    return { scenario: scenario.id, about: scenario.about, mismatch: firstMismatch(java, typescript, { describe: options.describe }), java, typescript };
  });
  const oracle = [...javaResults.values()][0]?.oracle ?? "unknown";
  return { oracle, verdicts, matched: verdicts.filter((verdict) => !verdict.mismatch).length };
}
