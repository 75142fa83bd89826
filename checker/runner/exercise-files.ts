// The learner's exercise files: the pristine stub (found in git history by its hash), backups, and reset.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { sha256 } from "./grade.ts";
import type { Exercise } from "./manifest.ts";
import { REPO_ROOT, inWorkspace } from "./paths.ts";

export class PristineStubNotFoundError extends Error {
  override name = "PristineStubNotFoundError";
  readonly fix: string;
  constructor(exercise: Exercise) {
    super(`The original of ${exercise.stub} could not be found in this folder's git history.`);
    this.fix = `restore it by hand with: git checkout -- ${exercise.stub}   (kafkalings needs the git clone it came in)`;
  }
}

function git(args: string[]): string {
  return execFileSync("git", ["-C", REPO_ROOT, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 16 * 1024 * 1024 });
}

/**
 * The stub as shipped. It is looked up by the hash the manifest records, through the file's git history, so it
 * is found even after the learner committed their own work over it.
 */
export function pristineStub(exercise: Exercise): string {
  let commits: string[];
  try {
    commits = git(["log", "--format=%H", "--", exercise.stub]).split("\n").filter(Boolean);
  } catch {
    throw new PristineStubNotFoundError(exercise);
  }
  for (const commit of commits) {
    const text = git(["show", `${commit}:${exercise.stub}`]);
    if (sha256(text) === exercise.stubSha256) return text;
  }
  throw new PristineStubNotFoundError(exercise);
}

export function learnerFile(exercise: Exercise): string {
  return inWorkspace(exercise.stub);
}

export function readLearnerFile(exercise: Exercise): string {
  return readFileSync(learnerFile(exercise), "utf8");
}

/** Keeps a copy of the learner's file under .kafkalings/backups and returns its path. */
export function backUp(exercise: Exercise): string {
  const folder = inWorkspace(join(".kafkalings", "backups"));
  mkdirSync(folder, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const backup = join(folder, `${basename(exercise.stub, ".ts")}.${stamp}.ts`);
  copyFileSync(learnerFile(exercise), backup);
  return backup;
}

/** Restores the pristine stub, keeping the learner's version as a backup; returns the backup's path. */
export function resetExercise(exercise: Exercise): string {
  const pristine = pristineStub(exercise);
  const backup = backUp(exercise);
  writeFileSync(learnerFile(exercise), pristine);
  return backup;
}
