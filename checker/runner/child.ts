// Runs in a child process: imports the learner's module, calls one export with the exercise context, and
// reports the outcome to the runner. A crash or an endless loop here never takes the runner down.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { Kafka } from "kafkajs";
import { createExerciseContext } from "../context.ts";
import type { Harness, LearnerErrorInfo, RunReply, RunRequest } from "./protocol.ts";
import { relativeToWorkspace } from "./paths.ts";

function send(reply: RunReply): Promise<void> {
  return new Promise((resolve) => process.send!(reply, () => resolve()));
}

function locate(error: unknown, modulePath: string): Pick<LearnerErrorInfo, "location" | "sourceLine"> {
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  const file = pathToFileURL(modulePath).href;
  const frame = stack.split("\n").find((line) => line.includes(file) || line.includes(modulePath));
  const match = frame && /:(\d+):(\d+)\)?$/.exec(frame);
  if (!match) return {};
  const line = Number(match[1]);
  const sourceLine = readFileSync(modulePath, "utf8").split("\n")[line - 1]?.trim();
  return { location: `${relativeToWorkspace(modulePath)}:${line}:${match[2]}`, sourceLine };
}

/** esbuild reports a syntax error as "<file>:<line>:<column>: ERROR: <text>". */
function syntaxError(error: Error, modulePath: string): LearnerErrorInfo | undefined {
  const match = /:(\d+):(\d+): ERROR: (.+)/.exec(error.message);
  if (error.name !== "TransformError" && !match) return undefined;
  const line = match ? Number(match[1]) : undefined;
  return {
    kind: "syntax",
    name: "SyntaxError",
    message: match?.[3] ?? error.message.split("\n")[0]!,
    location: line ? `${relativeToWorkspace(modulePath)}:${line}:${Number(match![2]) + 1}` : relativeToWorkspace(modulePath),
    sourceLine: line ? readFileSync(modulePath, "utf8").split("\n")[line - 1]?.trim() : undefined,
  };
}

function describe(error: unknown, modulePath: string): LearnerErrorInfo {
  if (error instanceof Error) {
    return syntaxError(error, modulePath) ?? { kind: "threw", name: error.name, message: error.message, ...locate(error, modulePath) };
  }
  return { kind: "threw", name: "Error", message: `a non-Error value was thrown: ${String(error)}` };
}

// Every kafkajs client the learner's code creates, so that a stop request can disconnect them cleanly.
const clients = new Set<{ disconnect(): Promise<void> }>();
for (const kind of ["consumer", "producer", "admin"] as const) {
  const create = Kafka.prototype[kind] as (...args: unknown[]) => { disconnect(): Promise<void> };
  Object.defineProperty(Kafka.prototype, kind, {
    value: function (this: Kafka, ...args: unknown[]) {
      const client = create.apply(this, args);
      clients.add(client);
      return client;
    },
  });
}

// The runner stops us (time limit), or Ctrl+C reaches the whole process group: leave consumer groups and
// close connections, then go.
const stop = () => void Promise.allSettled([...clients].map((client) => client.disconnect())).finally(() => process.exit(143));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);

// A spare child whose runner went away has nothing left to do.
const exitWithRunner = () => process.exit(0);
process.once("disconnect", exitWithRunner);

process.once("message", async (request: RunRequest) => {
  // Listening for "disconnect" keeps the channel, and so this process, alive; the learner's code must not be
  // kept alive by it (see the beforeExit check below).
  process.off("disconnect", exitWithRunner);
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(request.modulePath).href)) as Record<string, unknown>;
  } catch (error) {
    await send({ ok: false, error: describe(error, request.modulePath) });
    process.exit(0);
  }
  const exported = module[request.exportName];
  if (typeof exported !== "function") {
    await send({
      ok: false,
      error: { kind: "missing-export", name: "MissingExport", message: `${relativeToWorkspace(request.modulePath)} must export a function named ${request.exportName}` },
    });
    process.exit(0);
  }
  // The event loop drains while the learner's promise is still pending: it can never settle.
  process.once("beforeExit", () => {
    void send({
      ok: false,
      error: { kind: "threw", name: "NeverSettled", message: `${request.exportName}() returned a promise that never settles: nothing was left to wait for (a resolve() that is never called?)` },
    }).then(() => process.exit(0));
  });
  try {
    const context = createExerciseContext(request.context);
    const value = request.harness
      ? await ((await import(pathToFileURL(request.harness).href)) as { default: Harness }).default(exported, context, ...request.args)
      : await (exported as (...args: unknown[]) => unknown)(context, ...request.args);
    await send({ ok: true, value });
  } catch (error) {
    await send({ ok: false, error: describe(error, request.modulePath) });
  }
  // Clients the learner left connected must not keep this process (or the grade) waiting.
  process.exit(0);
});
