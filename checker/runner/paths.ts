import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** The kit's own folder: solutions, graders and content are found relative to it. */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export function fromRoot(path: string): string {
  return join(REPO_ROOT, path);
}

/**
 * Where the learner's files live: the kit's folder, unless KAFKALINGS_WORKSPACE names another one (tests
 * use folders inside the kit, so that `kafkajs` and `kafkalings/context` still resolve).
 */
export function workspaceRoot(): string {
  return process.env.KAFKALINGS_WORKSPACE ?? REPO_ROOT;
}

export function inWorkspace(path: string): string {
  return join(workspaceRoot(), path);
}

export function relativeToWorkspace(path: string): string {
  return relative(workspaceRoot(), path);
}
