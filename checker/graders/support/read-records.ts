// Graders read back everything a topic holds (see checker/testing/read-all-records.ts).
import type { GradeContext } from "../../runner/grade.ts";
import { readAllRecords, type StoredRecord } from "../../testing/read-all-records.ts";

export type { StoredRecord } from "../../testing/read-all-records.ts";

export function readRecords(t: GradeContext, topic: string): Promise<StoredRecord[]> {
  return readAllRecords(t.kafka, topic, t.groupId("grader-reader"));
}
