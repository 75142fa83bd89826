import { TopologyException } from "../../errors.ts";
import type { InternalTopologyBuilder } from "../../topology/internal-topology-builder.ts";

const MAX_NAME_LENGTH = 249;

/** A fixed name for one DSL operation's processor (Java's `Named`); without it the name is generated. */
export class Named {
  protected constructor(readonly name: string | undefined) {
    if (name !== undefined) validateName(name);
  }

  static as(name: string): Named {
    return new Named(name);
  }

  withName(name: string): Named {
    return new Named(name);
  }
}

/** Java's `Named.validate`: the same rules as topic names, because names end up in internal topic names. */
export function validateName(name: string): void {
  if (name.length === 0) throw new TopologyException("Name is illegal, it can't be empty");
  if (name === "." || name === "..") throw new TopologyException('Name cannot be "." or ".."');
  if (name.length > MAX_NAME_LENGTH) throw new TopologyException(`Name is illegal, it can't be longer than ${MAX_NAME_LENGTH} characters, name: ${name}`);
  if (!/^[a-zA-Z0-9._-]+$/.test(name)) {
    throw new TopologyException(`Name "${name}" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'`);
  }
}

/**
 * Java's `NamedInternal.orElseGenerateWithPrefix`: a user name wins, but the counter still advances, so that naming
 * one operation does not renumber every later generated name (Java keeps this for topology compatibility).
 */
export function nameOrGenerate(builder: InternalTopologyBuilder, name: string | undefined, prefix: string): string {
  // Names from Consumed/Produced/Grouped/Printed arrive as strings: Java validates them here (new NamedInternal).
  if (name !== undefined) validateName(name);
  const generated = builder.newProcessorName(prefix);
  return name ?? generated;
}

/** Java's `NamedInternal.suffixWithOrElseGet(suffix, provider, prefix)`: `<name><suffix>`, counter advanced either way. */
export function suffixedNameOrGenerate(builder: InternalTopologyBuilder, name: string | undefined, suffix: string, prefix: string): string {
  if (name !== undefined) validateName(name);
  const generated = builder.newProcessorName(prefix);
  if (name === undefined) return generated;
  validateName(name + suffix);
  return name + suffix;
}
