// The lessons, as data: content/lessons/NN-slug.md, each with front matter naming its title and CCDAK domains.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { DOMAINS } from "../runner/manifest.ts";
import { REPO_ROOT } from "../runner/paths.ts";

export const LESSONS_DIR = "content/lessons";

const frontMatterSchema = z.object({
  title: z.string().min(1),
  domains: z.array(z.enum(DOMAINS)).min(1),
});

export interface Lesson {
  number: number;
  /** Path from the repository root, e.g. content/lessons/04-producing.md. */
  file: string;
  title: string;
  domains: (typeof DOMAINS)[number][];
  /** The Markdown without its front matter. */
  body: string;
}

export class LessonFileError extends Error {
  override name = "LessonFileError";
  readonly fix = "correct the front matter (title, domains) at the top of that lesson file";
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;

export function parseLesson(file: string, text: string): Lesson {
  const number = Number(/\/(\d{2})-[a-z0-9-]+\.md$/.exec(file)?.[1]);
  if (!Number.isInteger(number)) throw new LessonFileError(`${file}: a lesson's file name is NN-slug.md`);
  const match = FRONT_MATTER.exec(text);
  if (!match) throw new LessonFileError(`${file} has no front matter (--- title, domains ---) at its top`);
  const result = frontMatterSchema.safeParse(parse(match[1]!));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new LessonFileError(`${file}: front matter field "${issue.path.join(".")}": ${issue.message}`);
  }
  return { number, file, ...result.data, body: text.slice(match[0].length) };
}

let cached: Lesson[] | undefined;

export function loadLessons(): Lesson[] {
  cached ??= readdirSync(join(REPO_ROOT, LESSONS_DIR))
    .filter((name) => /^\d{2}-.+\.md$/.test(name))
    .sort()
    .map((name) => {
      const file = `${LESSONS_DIR}/${name}`;
      return parseLesson(file, readFileSync(join(REPO_ROOT, file), "utf8"));
    });
  return cached;
}

export function findLesson(key: string): Lesson | undefined {
  const number = Number(key);
  return loadLessons().find((lesson) => (Number.isInteger(number) ? lesson.number === number : lesson.file.includes(`-${key}.md`)));
}
