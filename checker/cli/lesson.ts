// npm run lesson [N]: the lessons in the terminal — a table of contents, or one lesson rendered (paged on a terminal).
import { tableStyle } from "./colour.ts";
import { spawn } from "node:child_process";
import chalk from "chalk";
import Table from "cli-table3";
import { Command } from "commander";
import { findLesson, loadLessons, type Lesson } from "../lessons/catalog.ts";
import { renderMarkdown } from "../lessons/markdown.ts";
import { loadExercises } from "../runner/manifest.ts";
import { UsageError } from "./errors.ts";
import { runCommand } from "./render.ts";

function exercisesOf(lesson: Lesson): number[] {
  return loadExercises()
    .filter((exercise) => exercise.lesson.file === lesson.file)
    .map((exercise) => exercise.number);
}

function tableOfContents(): string {
  const table = new Table({ head: ["#", "lesson", "CCDAK domains", "exercises"], style: tableStyle() });
  for (const lesson of loadLessons()) table.push([lesson.number, lesson.title, lesson.domains.join(", "), exercisesOf(lesson).join(", ") || "–"]);
  return `${table.toString()}\n${chalk.dim("read one: npm run lesson <number>")}`;
}

function lessonText(lesson: Lesson): string {
  const lessons = loadLessons();
  const next = lessons[lessons.indexOf(lesson) + 1];
  const practise = exercisesOf(lesson);
  return [
    chalk.dim(`Lesson ${lesson.number} of ${lessons.length} · ${lesson.domains.join(", ")}`),
    renderMarkdown(lesson.body),
    "",
    practise.length ? `${chalk.bold("Practise it:")} npm run exercise ${practise[0]}  ${chalk.dim(`(exercises ${practise.join(", ")})`)}` : "",
    next ? chalk.dim(`next: npm run lesson ${next.number} — ${next.title}`) : chalk.dim("that was the last lesson; test yourself: npm run quiz"),
  ]
    .filter((line, index, all) => line !== "" || all[index - 1] !== "")
    .join("\n");
}

/** Long text goes through `less` on a terminal (quit with q), straight to stdout everywhere else or without less. */
function page(text: string, usePager: boolean): Promise<void> {
  if (!usePager || !process.stdout.isTTY) {
    console.log(text);
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const less = spawn("less", ["-R", "-F", "-X"], { stdio: ["pipe", "inherit", "inherit"] });
    less.once("error", () => {
      console.log(text);
      resolve();
    });
    less.once("exit", () => resolve());
    less.stdin.on("error", () => undefined);
    less.stdin.end(`${text}\n`);
  });
}

await new Command("lesson")
  .description("read a lesson in the terminal")
  .argument("[lesson]", "a lesson number or slug; without one, the list of lessons")
  .option("--no-pager", "print the whole lesson instead of paging it")
  .action((key: string | undefined, options: { pager: boolean }) =>
    runCommand(async () => {
      if (!key) return void console.log(tableOfContents());
      const lesson = findLesson(key);
      if (!lesson) throw new UsageError(`There is no lesson "${key}".`, "see them all with `npm run lesson`, then use a number");
      await page(lessonText(lesson), options.pager);
    }),
  )
  .parseAsync();
