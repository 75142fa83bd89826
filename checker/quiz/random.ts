// Randomness for the quiz (question order, option order, exam draws), seedable so that a session can be
// replayed: KAFKALINGS_QUIZ_SEED fixes it (tests and bug reports), otherwise every run differs.
export type Random = () => number;

/** mulberry32: a tiny, well-known 32-bit generator; plenty for shuffling a few hundred questions. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function quizRandom(): Random {
  const seed = Number(process.env.KAFKALINGS_QUIZ_SEED);
  return Number.isFinite(seed) && process.env.KAFKALINGS_QUIZ_SEED ? seededRandom(seed) : Math.random;
}

/** Fisher–Yates on a copy. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
