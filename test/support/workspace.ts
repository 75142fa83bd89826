// A learner's folder for tests: a copy of the stubs inside the kit (so kafkajs and kafkalings/context resolve).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { loadExercises } from "../../checker/runner/manifest.ts";
import { REPO } from "./paths.ts";

export interface Workspace {
  root: string;
  file(exercise: number): string;
  write(exercise: number, source: string): void;
  /** Writes a solution or wrong-answer fixture into the learner's file, fixing its relative imports. */
  use(exercise: number, repoFile: string): void;
}

export function makeWorkspace(): Workspace {
  const root = join(REPO, ".kafkalings", "test-workspaces", randomBytes(4).toString("hex"));
  mkdirSync(join(root, "exercises"), { recursive: true });
  const exercises = loadExercises();
  for (const exercise of exercises) copyFileSync(join(REPO, exercise.stub), join(root, exercise.stub));
  const file = (number: number) => join(root, exercises[number - 1]!.stub);
  const write = (number: number, source: string) => writeFileSync(file(number), source);
  return {
    root,
    file,
    write,
    use: (number, repoFile) => write(number, readFileSync(join(REPO, repoFile), "utf8").replaceAll("../../../solutions/", `${join(REPO, "solutions")}/`)),
  };
}
