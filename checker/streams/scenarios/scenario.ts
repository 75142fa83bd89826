// A scenario file: a named topology (checker/streams/scenarios/topologies.ts, Topologies.java), its parameters and the
// input records, piped one by one into a test driver in Java and in TypeScript.
import { readFileSync, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

export const SCENARIO_DIR = dirname(fileURLToPath(import.meta.url));

export const ScenarioSchema = z.object({
  about: z.string(),
  topology: z.string(),
  params: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
  inputs: z.array(z.object({ topic: z.string(), key: z.string().nullable(), value: z.string().nullable(), ts: z.number() })),
});
export type Scenario = z.infer<typeof ScenarioSchema> & { id: string };
export type ScenarioParams = Scenario["params"];

/** Every scenario in file-name order (the order the Java oracle runs them in). */
export function loadScenarios(dir = SCENARIO_DIR): Scenario[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({ id: basename(name, ".json"), ...ScenarioSchema.parse(JSON.parse(readFileSync(join(dir, name), "utf8"))) }));
}
