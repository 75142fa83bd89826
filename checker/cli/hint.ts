// npm run hint N: reveals the next hint level (nudge → concept → near-solution) and records it.
import { Command } from "commander";
import { revealNextHint } from "../runner/progress.ts";
import { exerciseFromArg } from "./args.ts";
import { runCommand, reportProgressResets } from "./render.ts";
import { hintsText } from "./views.ts";

await new Command("hint")
  .argument("<exercise>", "an exercise number or slug")
  .action((key: string) =>
    runCommand(async () => {
      reportProgressResets();
      const exercise = exerciseFromArg(key);
      console.log(hintsText(exercise, revealNextHint(exercise)));
    }),
  )
  .parseAsync();
