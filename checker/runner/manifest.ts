// The exercises, as data: content/exercises.yaml, validated at load so that a broken entry names its field.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { REPO_ROOT } from "./paths.ts";

export const DOMAINS = ["Application Development", "Fundamentals", "Connect", "Observability", "Streams", "Testing"] as const;

const hintSchema = z.object({
  level: z.enum(["nudge", "concept", "near-solution"]),
  text: z.string().min(1),
  link: z.url().optional(),
});

const exerciseSchema = z
  .object({
    number: z.number().int().positive(),
    slug: z.string().regex(/^[a-z0-9-]+$/, "lower-case words joined by dashes"),
    title: z.string().min(1),
    domain: z.enum(DOMAINS),
    lesson: z.object({ file: z.string().regex(/^content\/lessons\/.+\.md$/), section: z.string().min(1) }),
    stub: z.string().regex(/^exercises\/\d{2}-[a-z0-9-]+\.ts$/),
    stubSha256: z.string().regex(/^[0-9a-f]{64}$/),
    solution: z.string().regex(/^solutions\/\d{2}-[a-z0-9-]+\.ts$/),
    grader: z.string().regex(/^checker\/graders\/\d{2}-[a-z0-9-]+\.ts$/),
    task: z.string().min(1),
    hints: z.array(hintSchema).length(3),
    difficulty: z.enum(["easy", "medium", "hard"]),
    minutes: z.number().int().positive(),
    cluster: z.object({ brokers: z.number().int().min(1).max(3), faults: z.boolean().default(false) }),
    timeLimitSeconds: z.number().positive(),
  })
  .refine((e) => e.hints.map((h) => h.level).join() === "nudge,concept,near-solution", { message: "hints go nudge, concept, near-solution", path: ["hints"] })
  .refine((e) => e.stub.startsWith(`exercises/${String(e.number).padStart(2, "0")}-${e.slug}.ts`), { message: "the stub's file name is <number>-<slug>.ts", path: ["stub"] });

const manifestSchema = z.object({ formatVersion: z.literal(1), exercises: z.array(exerciseSchema).min(1) }).refine(
  (m) => m.exercises.every((e, i) => e.number === i + 1),
  { message: "exercises are numbered 1, 2, 3… in file order", path: ["exercises"] },
);

export type Exercise = z.infer<typeof exerciseSchema>;
export type Hint = z.infer<typeof hintSchema>;

export class ManifestError extends Error {
  override name = "ManifestError";
  readonly fix = "correct that field in content/exercises.yaml";
}

export const MANIFEST_PATH = join(REPO_ROOT, "content", "exercises.yaml");

export function parseManifest(text: string, source = "content/exercises.yaml"): Exercise[] {
  const result = manifestSchema.safeParse(parse(text));
  if (result.success) return result.data.exercises;
  const issue = result.error.issues[0]!;
  const [, index, ...field] = issue.path;
  const where = typeof index === "number" ? `exercise #${index + 1}${field.length ? `, field "${field.join(".")}"` : ""}` : `field "${issue.path.join(".")}"`;
  throw new ManifestError(`${source} is invalid at ${where}: ${issue.message}`);
}

let cached: Exercise[] | undefined;

export function loadExercises(): Exercise[] {
  cached ??= parseManifest(readFileSync(MANIFEST_PATH, "utf8"));
  return cached;
}

/** Finds an exercise by number or slug, as a learner types it. */
export function findExercise(key: string | number): Exercise | undefined {
  const exercises = loadExercises();
  const number = Number(key);
  return Number.isInteger(number) ? exercises.find((e) => e.number === number) : exercises.find((e) => e.slug === key);
}
