// Every lesson loads, renders as the learner sees it without raw Markdown, links only to lessons or public docs,
// and every `npm run kafka -- …` command it shows runs on a real cluster.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { join } from "node:path";
import type { KafkaCluster } from "../../checker/cluster/kafka-cluster.ts";
import { ensureCluster } from "../../checker/cluster/provider.ts";
import { loadLessons } from "../../checker/lessons/catalog.ts";
import { lessonSection } from "../../checker/lessons/markdown.ts";
import { loadExercises } from "../../checker/runner/manifest.ts";
import { collect, runCli } from "../support/cli.ts";
import { kafkaCommandsIn, linksIn } from "../support/lesson-markdown.ts";
import { REPO, isolatedStateDir } from "../support/paths.ts";

const lessons = loadLessons();
const PUBLIC_DOCS = ["kafka.apache.org", "docs.confluent.io", "developer.confluent.io", "www.confluent.io", "kafka.js.org", "cwiki.apache.org", "github.com", "issues.apache.org", "testcontainers.com", "node.testcontainers.org", "vitest.dev"];
// eslint-disable-next-line no-control-regex
const ANSI = /\u001B\[[0-9;]*m|\u001B\]8;;[^\u0007]*\u0007/g;

/** Markdown that survived rendering: the learner would see the markup instead of its effect. */
function rawMarkdown(rendered: string): string[] {
  const leaks: [string, RegExp][] = [
    ["**", /\*\*/],
    ["__emphasis__", /__[^_\s][^_\n]*__/],
    ["## heading", /^\s*#{1,6} \S/m],
    ["backtick", /`/],
    ["[text](url)", /\[[^\]\n]+\]\([^)\s]+\)/],
  ];
  return leaks.flatMap(([name, regex]) => {
    const match = regex.exec(rendered);
    return match ? [`${name}: …${rendered.slice(Math.max(0, match.index - 40), match.index + 40).replace(/\n/g, "⏎")}…`] : [];
  });
}

describe("the lessons", () => {
  it("are numbered 1, 2, 3… with front matter naming their CCDAK domains", () => {
    expect(lessons.length).toBeGreaterThanOrEqual(10);
    expect(lessons.map((l) => l.number)).toEqual(lessons.map((_, i) => i + 1));
  });

  it("have the section every exercise points at", () => {
    for (const exercise of loadExercises()) expect(() => lessonSection(exercise.lesson.file, exercise.lesson.section), `exercise ${exercise.number}`).not.toThrow();
  });

  it("link only to https pages of public documentation", () => {
    for (const lesson of lessons) {
      for (const href of linksIn(lesson.body)) {
        const url = new URL(href);
        expect(url.protocol, `${lesson.file}: ${href}`).toBe("https:");
        expect(PUBLIC_DOCS, `${lesson.file}: ${href} is not a public doc site we cite`).toContain(url.hostname);
      }
    }
  });

  it.each([
    ["in colour", { FORCE_COLOR: "1", NO_COLOR: "" }],
    ["without colour (NO_COLOR)", { NO_COLOR: "1" }],
  ])("render through `npm run lesson N` without raw Markdown leaking, %s", async (_, env) => {
    for (const lesson of lessons) {
      const result = await runCli("lesson", [String(lesson.number), "--no-pager"], env);
      expect(result.code, `${lesson.file}: ${result.stderr}`).toBe(0);
      if (env.NO_COLOR) expect(result.stdout, `${lesson.file} has colour codes under NO_COLOR`).not.toMatch(ANSI);
      const rendered = result.stdout.replace(ANSI, "");
      expect(rendered.length, lesson.file).toBeGreaterThan(lesson.body.length / 2);
      expect(rawMarkdown(rendered), lesson.file).toEqual([]);
    }
  });

  it("say clearly when a lesson does not exist", async () => {
    const result = await runCli("lesson", ["99"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/There is no lesson "99"[\s\S]*fix: see them all with `npm run lesson`/);
  });
});

describe("the commands the lessons show", () => {
  let cluster: KafkaCluster;
  const env = { KAFKALINGS_STATE_DIR: "" };

  beforeAll(async () => {
    env.KAFKALINGS_STATE_DIR = isolatedStateDir("lessons");
    process.env.KAFKALINGS_STATE_DIR = env.KAFKALINGS_STATE_DIR;
    ({ cluster } = await ensureCluster({ provider: "local" }));
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it("every `npm run kafka -- …` command in every lesson exits 0, in order within its lesson", async () => {
    const withCommands = lessons.filter((l) => kafkaCommandsIn(l.body).length > 0);
    expect(withCommands.length).toBeGreaterThanOrEqual(8);
    // Lessons use topics of their own (lessonN-…), so they run side by side; each one's commands run in order.
    const failures = await inParallel(withCommands, 3, async (lesson) => {
      for (const command of kafkaCommandsIn(lesson.body)) {
        // The same command a learner types, minus npm's own start-up time.
        const direct = command.replace(/npm run kafka -- /g, `node --import tsx ${join("checker", "cli", "kafka.ts")} `);
        const result = await collect(spawn("bash", ["-o", "pipefail", "-c", direct], { cwd: REPO, env: { ...process.env, ...env, NO_COLOR: "1" }, stdio: ["pipe", "pipe", "pipe"] }));
        if (result.code !== 0) return `${lesson.file}: \`${command}\` exited ${result.code}\n${result.stdout}${result.stderr}`;
      }
      return undefined;
    });
    expect(failures).toEqual([]);
  }, 900_000);
});

/** Runs `work` over `items`, at most `limit` at a time, and returns the problems it reported. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<string | undefined>): Promise<string[]> {
  const queue = [...items];
  const problems: string[] = [];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
        const problem = await work(item);
        if (problem) problems.push(problem);
      }
    }),
  );
  return problems;
}

describe("the content check (npm run coverage)", () => {
  it("lists, per CCDAK domain, the lessons, exercises and quiz questions covering it", async () => {
    const result = await runCli("coverage", ["--json"]);
    expect(result.code, result.stderr).toBe(0);
    const coverage = JSON.parse(result.stdout) as { domain: string; lessons: { number: number }[]; exercises: { number: number }[]; questions: number }[];
    expect(coverage.map((row) => row.domain)).toEqual(["Application Development", "Fundamentals", "Connect", "Observability", "Streams", "Testing"]);
    for (const row of coverage) {
      expect(row.lessons.length, `${row.domain} has no lesson`).toBeGreaterThan(0);
      expect(row.questions, `${row.domain} has too few questions`).toBeGreaterThanOrEqual(20);
    }
    const byDomain = Object.fromEntries(coverage.map((row) => [row.domain, row]));
    expect(byDomain.Observability!.exercises.map((e) => e.number)).toContain(14);
    expect(byDomain.Testing!.exercises.map((e) => e.number)).toContain(15);
    expect(byDomain.Connect!.lessons.map((l) => l.number)).toContain(10);
    const human = await runCli("coverage", []);
    expect(human.stdout).toMatch(/Observability\s+│ 8\. Observability/);
  });
});
