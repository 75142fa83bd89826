// Which lessons, exercises and quiz questions cover each CCDAK domain: the content check authors run before a release.
import { loadLessons } from "../lessons/catalog.ts";
import { loadBank } from "../quiz/bank.ts";
import { DOMAINS, loadExercises } from "../runner/manifest.ts";

export type Domain = (typeof DOMAINS)[number];

export interface DomainCoverage {
  domain: Domain;
  lessons: { number: number; title: string }[];
  exercises: { number: number; title: string }[];
  questions: number;
}

export function domainCoverage(): DomainCoverage[] {
  const lessons = loadLessons();
  const exercises = loadExercises();
  const questions = loadBank().questions;
  return DOMAINS.map((domain) => ({
    domain,
    lessons: lessons.filter((l) => l.domains.includes(domain)).map(({ number, title }) => ({ number, title })),
    exercises: exercises.filter((e) => e.domain === domain).map(({ number, title }) => ({ number, title })),
    questions: questions.filter((q) => q.domain === domain).length,
  }));
}
