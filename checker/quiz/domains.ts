// The quiz's domains: the six CCDAK exam domains with their weights, plus Legacy (ZooKeeper-era, ksqlDB and removed
// features), which is practised but never drawn for the mock exam.
import { DOMAINS } from "../runner/manifest.ts";

export type ExamDomain = (typeof DOMAINS)[number];
export const QUIZ_DOMAINS = [...DOMAINS, "Legacy"] as const;
export type QuizDomain = (typeof QUIZ_DOMAINS)[number];

/** The exam's weights per domain in percent, as the CCDAK blueprint prints them (they add up to 99). */
export const EXAM_WEIGHTS: Record<ExamDomain, number> = {
  "Application Development": 28,
  Fundamentals: 23,
  Connect: 15,
  Observability: 13,
  Streams: 12,
  Testing: 8,
};

/** Every question id starts with its domain's prefix, so an id alone tells where it belongs. */
export const ID_PREFIX: Record<QuizDomain, string> = {
  "Application Development": "dev-",
  Fundamentals: "fund-",
  Connect: "con-",
  Observability: "obs-",
  Streams: "str-",
  Testing: "test-",
  Legacy: "legacy-",
};

export function isExamDomain(domain: QuizDomain): domain is ExamDomain {
  return domain !== "Legacy";
}

/** A domain as a learner may type it: its full name, its id prefix ("dev", "fund") or a start of the name ("connect"), any case. */
export function findDomain(text: string): QuizDomain | undefined {
  const wanted = text.toLowerCase().replace(/[^a-z]/g, "");
  return QUIZ_DOMAINS.find((domain) => {
    const name = domain.toLowerCase().replace(/[^a-z]/g, "");
    return name === wanted || ID_PREFIX[domain].replace("-", "") === wanted || (wanted.length >= 3 && name.startsWith(wanted));
  });
}
