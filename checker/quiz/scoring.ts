// Right or wrong, and the score of a set of answers. No partial credit: an item counts only when fully right
// (every chosen option of a multiple-answer item, the whole order, every pair of a match), as in the exam.
import type { QuizDomain } from "./domains.ts";
import type { Question, Response } from "./schema.ts";

/** Whether a response is a full answer of the question's shape (how many options, every item matched). */
export function isComplete(question: Question, response: Response | undefined): boolean {
  if (response === undefined) return false;
  switch (question.type) {
    case "single":
      return typeof response === "string";
    case "multiple":
      return Array.isArray(response) && response.length === question.answer.length;
    case "order":
      return Array.isArray(response) && response.length === question.options.length;
    case "match":
      return typeof response === "object" && !Array.isArray(response) && question.items.every((item) => item.id in response);
  }
}

export function isCorrect(question: Question, response: Response | undefined): boolean {
  if (!isComplete(question, response)) return false;
  switch (question.type) {
    case "single":
      return response === question.answer;
    case "multiple":
      return [...(response as string[])].sort().join() === [...question.answer].sort().join();
    case "order":
      return (response as string[]).join() === question.answer.join();
    case "match":
      return question.items.every((item) => (response as Record<string, string>)[item.id] === question.answer[item.id]);
  }
}

export interface Tally {
  correct: number;
  total: number;
}

export interface TopicTally extends Tally {
  topic: string;
  domain: QuizDomain;
}

export interface Score extends Tally {
  answered: number;
  byDomain: Partial<Record<QuizDomain, Tally>>;
  byTopic: TopicTally[];
  missed: Question[];
}

export function percent(tally: Tally): number {
  return tally.total === 0 ? 0 : Math.round((tally.correct / tally.total) * 100);
}

/** An unanswered question counts as missed. */
export function scoreAnswers(questions: Question[], responses: Record<string, Response>): Score {
  const score: Score = { correct: 0, total: questions.length, answered: 0, byDomain: {}, byTopic: [], missed: [] };
  for (const question of questions) {
    const response = responses[question.id];
    const right = isCorrect(question, response);
    if (isComplete(question, response)) score.answered += 1;
    const domain = (score.byDomain[question.domain] ??= { correct: 0, total: 0 });
    let topic = score.byTopic.find((t) => t.topic === question.topic && t.domain === question.domain);
    if (!topic) score.byTopic.push((topic = { topic: question.topic, domain: question.domain, correct: 0, total: 0 }));
    for (const tally of [domain, topic]) {
      tally.total += 1;
      tally.correct += right ? 1 : 0;
    }
    score.correct += right ? 1 : 0;
    if (!right) score.missed.push(question);
  }
  return score;
}

/** Topics with misses, the lowest share right first (then the most misses). */
export function weakestTopics(topics: TopicTally[], limit = 5): TopicTally[] {
  return topics
    .filter((t) => t.correct < t.total)
    .sort((a, b) => a.correct / a.total - b.correct / b.total || b.total - b.correct - (a.total - a.correct))
    .slice(0, limit);
}
