// auto.offset.reset decides where a group without a committed offset starts; once it has one, the setting is ignored.
import { collect, firstFetch, numbered } from "./support/records.ts";
import { waitForCommittedOffset } from "./support/groups.ts";
import { withScratch } from "./support/scratch.ts";
import type { LiveProof } from "./proof.ts";

const OLD_RECORDS = 5;

export const autoOffsetResetEarliestLatest: LiveProof = {
  id: "auto-offset-reset-earliest-latest",
  title: "auto.offset.reset: earliest reads the backlog, latest only new records, and a committed offset overrides both",
  run: (cluster, narrate) =>
    withScratch(cluster, "auto-offset-reset-earliest-latest", async (scratch) => {
      const topic = await scratch.topic();
      const producer = await scratch.producer();
      await producer.send({ topic, messages: numbered("old", OLD_RECORDS) });
      narrate(`Creates ${topic} and writes ${OLD_RECORDS} records (offsets 0-${OLD_RECORDS - 1}) before any consumer exists.`);

      const earliest = await scratch.consumer("earliest");
      const earliestSeen = await (await collect(earliest, topic, { fromBeginning: true })).waitFor(OLD_RECORDS, "the earliest group to read the backlog");
      await earliest.disconnect();
      narrate(`A new group with auto.offset.reset=earliest (kafkajs: fromBeginning true) reads all ${earliestSeen.length} old records, from offset ${earliestSeen[0]?.offset}.`);

      const latest = await scratch.consumer("latest");
      const positioned = firstFetch(latest);
      const latestCollector = await collect(latest, topic, { fromBeginning: false });
      await positioned;
      await producer.send({ topic, messages: [{ value: "new-1" }] });
      await latestCollector.waitForValue("new-1", "the latest group to read the new record");
      const latestOld = latestCollector.values().filter((value) => value?.startsWith("old-")).length;
      narrate(`A new group with auto.offset.reset=latest (the Java default) starts at the log end: it sees ${latestOld} old records and only "new-1", written after it joined.`);
      await waitForCommittedOffset(scratch.admin, scratch.group("latest"), topic, OLD_RECORDS + 1);
      await latest.disconnect();
      narrate(`That group commits offset ${OLD_RECORDS + 1} and stops.`);

      const restarted = await scratch.consumer("latest");
      const restartedCollector = await collect(restarted, topic, { fromBeginning: true });
      await producer.send({ topic, messages: [{ value: "new-2" }] });
      await restartedCollector.waitForValue("new-2", "the restarted group to read the next record");
      const restartedOld = restartedCollector.values().filter((value) => value?.startsWith("old-")).length;
      narrate(`The same group restarts, now with auto.offset.reset=earliest: it resumes at its committed offset ${OLD_RECORDS + 1} and reads ${restartedOld} old records, only "new-2".`);
      return {
        summary:
          "auto.offset.reset applies only when a group has no valid committed offset: earliest then reads from the log start and latest from the log end; a group with a commit resumes there whatever the setting says.",
        observed: { earliestSaw: earliestSeen.length, latestSawOld: latestOld, latestSawNew: latestCollector.records.length - latestOld, restartedWithEarliestSawOld: restartedOld, restartedSaw: restartedCollector.values() },
      };
    }),
};
