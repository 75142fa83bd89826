import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { sha256 } from "../../checker/runner/grade.ts";
import { MANIFEST_PATH, ManifestError, loadExercises, parseManifest } from "../../checker/runner/manifest.ts";
import { fromRoot } from "../../checker/runner/paths.ts";

const shipped = readFileSync(MANIFEST_PATH, "utf8");

function broken(change: (manifest: { exercises: Record<string, unknown>[] }) => void): string {
  const manifest = parse(shipped);
  change(manifest);
  return stringify(manifest);
}

describe("the exercise manifest", () => {
  it("loads, numbered in order, with stub hashes that match the shipped stubs", () => {
    const exercises = loadExercises();
    expect(exercises.map((e) => e.number)).toEqual(exercises.map((_, i) => i + 1));
    for (const exercise of exercises) expect(sha256(readFileSync(fromRoot(exercise.stub), "utf8")), exercise.stub).toBe(exercise.stubSha256);
  });

  it("names the exercise and the field when an entry is broken", () => {
    expect(() => parseManifest(broken((m) => delete m.exercises[1]!.hints))).toThrow(new ManifestError('content/exercises.yaml is invalid at exercise #2, field "hints": Invalid input: expected array, received undefined'));
    expect(() => parseManifest(broken((m) => (m.exercises[0]!.domain = "Kafka Trivia")))).toThrow(/exercise #1, field "domain"/);
    expect(() => parseManifest(broken((m) => (m.exercises[0]!.stub = "exercises/1-create-topic.ts")))).toThrow(/exercise #1, field "stub"/);
  });

  it("insists on three hints that go nudge, concept, near-solution", () => {
    const swapped = broken((m) => {
      const hints = m.exercises[0]!.hints as unknown[];
      [hints[0], hints[1]] = [hints[1], hints[0]];
    });
    expect(() => parseManifest(swapped)).toThrow(/exercise #1, field "hints": hints go nudge, concept, near-solution/);
  });
});
