// The learner's topology through our TopologyTestDriver: inputs piped one at a time, each output topic read after
// every input, so a grader can say which input produced (or failed to produce) which result.
import type { ExerciseContext } from "../../../context.ts";
import { InvalidArgumentError, Serdes, StreamsError, TopologyTestDriver, type TestInputTopic, type Topology } from "../../../streams/index.ts";
import { shortName } from "./names.ts";
import type { DriverRun, HarnessRequest, TopicRecord } from "./records.ts";

type Nullable = string | null;

export function driveTopology(topology: Topology, ctx: ExerciseContext, request: Extract<HarnessRequest, { mode: "driver" }>): DriverRun {
  const applicationId = ctx.groupId(request.applicationId);
  // Wall clock at 0: nothing here depends on it, and runs stay reproducible.
  const driver = new TopologyTestDriver(topology, { "application.id": applicationId, "statestore.cache.max.bytes": 0 }, 0);
  try {
    const outputs = request.outputs.map((name) => ({ name, topic: driver.createOutputTopic(ctx.topic(name), Serdes.String(), Serdes.String()) }));
    const inputs = new Map<string, TestInputTopic<Nullable, Nullable>>();
    const inputTopic = (name: string) => {
      if (!inputs.has(name)) inputs.set(name, driver.createInputTopic<Nullable, Nullable>(ctx.topic(name), Serdes.String(), Serdes.String(), 0));
      return inputs.get(name)!;
    };
    const steps = request.inputs.map((input): TopicRecord[] => {
      pipe(() => inputTopic(input.topic).pipeInput(input.key, input.value, input.timestamp), ctx, applicationId, input.topic);
      return outputs.flatMap(({ name, topic }) =>
        topic.readRecordsToList().map((record) => ({ topic: name, key: record.key, value: record.value, timestamp: record.timestamp ?? -1 })),
      );
    });
    return {
      steps,
      producedTopics: [...driver.producedTopicNames()].map((topic) => shortName(ctx, applicationId, topic)).sort(),
      windowStores: (request.windowStores ?? []).filter((name) => driver.getWindowStore(name) !== null),
    };
  } finally {
    driver.close();
  }
}

/** Turns the driver's errors about the learner's topology into one line that says what to change. */
function pipe(action: () => void, ctx: ExerciseContext, applicationId: string, topic: string): void {
  try {
    action();
  } catch (error) {
    if (error instanceof InvalidArgumentError && error.message === `Unknown topic: ${ctx.topic(topic)}`) {
      throw new Error(`your topology does not read ctx.topic("${topic}"): read it with builder.stream(…) or builder.table(…)`);
    }
    const unserializable = causes(error).find((cause) => cause instanceof StreamsError && cause.message.startsWith("Unable to serialize record"));
    if (unserializable?.cause instanceof Error) {
      const topic = /topic=\[([^\]]*)\]/.exec(unserializable.message)?.[1];
      const to = topic ? shortName(ctx, applicationId, topic) : "a topic";
      throw new Error(
        `a record for ${to} could not be serialized (${unserializable.cause.message.split("\n")[0]}): the default serdes are String, so give the step that writes it serdes that fit its types, e.g. Serdes.JSON()`,
      );
    }
    throw error;
  }
}

/** The error and the errors it wraps (the engine wraps a processing error as Java does: "Exception caught in process…"). */
function causes(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let current = error; current instanceof Error && chain.length < 10; current = current.cause) chain.push(current);
  return chain;
}
