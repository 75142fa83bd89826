// What the learner picks before committing (tick, place with take-back, cycle a match), and the shuffled layout
// that keeps the right answer's position, and an order item's right order, from showing.
import { describe, expect, it } from "vitest";
import { cycleMatch, initialPicks, place, responseOf, takeBackLast, toggle, type Picks } from "../../checker/quiz/answer-state.ts";
import { layOut } from "../../checker/quiz/layout.ts";
import { seededRandom } from "../../checker/quiz/random.ts";
import { questionSchema } from "../../checker/quiz/schema.ts";

const base = { domain: "Fundamentals", topic: "T", lesson: 1, difficulty: "easy", versions: "all", explanation: "E.", doc: "https://kafka.apache.org/documentation/" };
const options = ["A", "B", "C", "D"].map((text, index) => ({ id: "abcd"[index]!, text }));
const multiple = questionSchema.parse({ ...base, id: "fund-m", type: "multiple", stem: "(Choose two.)", options, answer: ["a", "c"], wrong: { b: "no", d: "no" } });
const order = questionSchema.parse({ ...base, id: "fund-o", type: "order", stem: "Order.", options, answer: ["a", "b", "c", "d"] });
const match = questionSchema.parse({ ...base, id: "fund-x", type: "match", stem: "Match.", items: options.slice(0, 3), choices: ["P", "Q", "R"].map((text, i) => ({ id: "pqr"[i]!, text })), answer: { a: "p", b: "q", c: "r" } });

describe("picks", () => {
  it("multiple: ticking toggles, and only the asked-for number makes a response", () => {
    let picks = initialPicks(multiple) as Extract<Picks, { type: "multiple" }>;
    picks = toggle(picks, "a") as typeof picks;
    expect(responseOf(multiple, picks)).toBeUndefined();
    picks = toggle(toggle(picks, "b") as typeof picks, "b") as typeof picks;
    picks = toggle(picks, "c") as typeof picks;
    expect(responseOf(multiple, picks)).toEqual(["a", "c"]);
  });

  it("order: placing appends, never twice; taking back removes the last placed", () => {
    let picks = initialPicks(order) as Extract<Picks, { type: "order" }>;
    for (const id of ["b", "a", "a", "d"]) picks = place(picks, id) as typeof picks;
    expect(picks.placed).toEqual(["b", "a", "d"]);
    picks = takeBackLast(picks) as typeof picks;
    expect(picks.placed).toEqual(["b", "a"]);
    expect(responseOf(order, picks)).toBeUndefined();
    for (const id of ["c", "d"]) picks = place(picks, id) as typeof picks;
    expect(responseOf(order, picks)).toEqual(["b", "a", "c", "d"]);
  });

  it("match: arrows go through the choices in their shown order and back to none", () => {
    let picks = initialPicks(match) as Extract<Picks, { type: "match" }>;
    const shown = ["r", "p", "q"];
    picks = cycleMatch(picks, "a", shown, 1) as typeof picks;
    expect(picks.pairs).toEqual({ a: "r" });
    picks = cycleMatch(picks, "a", shown, -1) as typeof picks;
    expect(picks.pairs).toEqual({});
    picks = cycleMatch(picks, "a", shown, -1) as typeof picks;
    expect(picks.pairs).toEqual({ a: "q" });
  });

  it("starts from an earlier answer when an exam question is visited again", () => {
    expect(initialPicks(order, ["d", "c"])).toEqual({ type: "order", placed: ["d", "c"] });
    expect(initialPicks(match, { a: "q" })).toEqual({ type: "match", pairs: { a: "q" } });
  });
});

describe("layOut", () => {
  it("shuffles the options of an order item, so that the shown order is not the answer every time", () => {
    const shown = new Set(Array.from({ length: 20 }, (_, seed) => layOut(order, seededRandom(seed)).entries.map((e) => e.id).join("")));
    expect(shown.size).toBeGreaterThan(5);
    expect([...shown].every((ids) => [...ids].sort().join("") === "abcd")).toBe(true);
  });

  it("shuffles a match's items and choices", () => {
    const layouts = Array.from({ length: 20 }, (_, seed) => layOut(match, seededRandom(seed)));
    expect(new Set(layouts.map((l) => l.entries.map((e) => e.id).join(""))).size).toBeGreaterThan(2);
    expect(new Set(layouts.map((l) => l.choices.map((e) => e.id).join(""))).size).toBeGreaterThan(2);
  });
});
