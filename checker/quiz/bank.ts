// The question bank: every content/quizzes/*.yaml, each question validated on its own. A broken question is
// reported (file, line, id, field) and left out; the rest of the bank still loads. A file that is not valid YAML
// is reported with its line and skipped.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import { REPO_ROOT } from "../runner/paths.ts";
import { questionSchema, type Question } from "./schema.ts";

export interface BankProblem {
  /** The file as the author knows it: relative to the kit's folder when inside it. */
  file: string;
  line?: number;
  /** The question's id, or "question #n" when it has none. */
  question?: string;
  field?: string;
  message: string;
}

export interface Bank {
  questions: Question[];
  problems: BankProblem[];
}

/** One file's valid questions, each with the line it starts on. */
export interface QuizFile {
  questions: { question: Question; line?: number }[];
  problems: BankProblem[];
}

/** content/quizzes, unless KAFKALINGS_QUIZ_DIR names another folder (tests use a small bank with known answers). */
export function quizDir(): string {
  const dir = process.env.KAFKALINGS_QUIZ_DIR;
  if (!dir) return join(REPO_ROOT, "content", "quizzes");
  return isAbsolute(dir) ? dir : join(REPO_ROOT, dir);
}

export function describeProblem(problem: BankProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const what = [problem.question && `question ${problem.question}`, problem.field && `field "${problem.field}"`].filter(Boolean).join(", ");
  return `${where}${what ? ` ${what}` : ""}: ${problem.message}`;
}

function displayName(file: string): string {
  const inside = relative(REPO_ROOT, file);
  return inside.startsWith("..") ? file : inside;
}

function issueText(issue: z.core.$ZodIssue): { field: string; message: string } {
  if (issue.code === "unrecognized_keys") return { field: [...issue.path, ...issue.keys].join("."), message: "is not a known field (a typo?)" };
  const missing = issue.code === "invalid_type" && /received undefined$/.test(issue.message);
  return { field: issue.path.join(".") || "type", message: missing ? "is missing" : issue.message };
}

function lineOf(doc: Document, lines: LineCounter, path: (string | number)[]): number | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/** The questions of one file that pass validation, and a problem for every one that does not. */
export function parseQuizFile(file: string, text: string): QuizFile {
  const name = displayName(file);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const syntax = doc.errors[0];
  if (syntax) {
    return { questions: [], problems: [{ file: name, line: syntax.linePos?.[0].line, message: `not valid YAML, the file is skipped: ${syntax.message.split("\n")[0]}` }] };
  }
  const raw = doc.toJS() as { questions?: unknown } | null;
  if (!Array.isArray(raw?.questions)) return { questions: [], problems: [{ file: name, message: "expected `questions:` with a list of questions at the top" }] };
  const parsedFile: QuizFile = { questions: [], problems: [] };
  raw.questions.forEach((candidate: unknown, index) => {
    const parsed = questionSchema.safeParse(candidate);
    if (parsed.success) {
      parsedFile.questions.push({ question: parsed.data, line: lineOf(doc, lines, ["questions", index]) });
      return;
    }
    const id = (candidate as { id?: unknown } | null)?.id;
    const question = typeof id === "string" ? id : `#${index + 1}`;
    for (const issue of parsed.error.issues) {
      parsedFile.problems.push({ file: name, line: lineOf(doc, lines, ["questions", index, ...(issue.path as (string | number)[])]), question, ...issueText(issue) });
    }
  });
  return parsedFile;
}

/** Every *.yaml in `dir`, in name order; a question whose id was already seen is reported and left out. */
export function loadBank(dir = quizDir()): Bank {
  const bank: Bank = { questions: [], problems: [] };
  if (!existsSync(dir)) return { questions: [], problems: [{ file: displayName(dir), message: "no such folder" }] };
  const seen = new Map<string, string>();
  const files = readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
  for (const name of files) {
    const file = join(dir, name);
    const part = parseQuizFile(file, readFileSync(file, "utf8"));
    bank.problems.push(...part.problems);
    for (const { question, line } of part.questions) {
      const first = seen.get(question.id);
      if (first) {
        bank.problems.push({ file: displayName(file), line, question: question.id, field: "id", message: `the same id as a question in ${first}; this one is left out` });
        continue;
      }
      seen.set(question.id, displayName(file));
      bank.questions.push(question);
    }
  }
  return bank;
}
