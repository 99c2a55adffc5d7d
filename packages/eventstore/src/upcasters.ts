/**
 * Turns the payload of an event stored at `fromSchemaVersion` into the payload of
 * `fromSchemaVersion + 1`. Chains run on read, so stored events are never rewritten.
 */
export interface Upcaster {
  type: string;
  fromSchemaVersion: number;
  upcast(data: unknown): unknown;
}

export type UpcasterRegistry = ReadonlyMap<string, Upcaster>;

function keyOf(type: string, schemaVersion: number): string {
  return `${schemaVersion}:${type}`;
}

export function createUpcasterRegistry(upcasters: readonly Upcaster[]): UpcasterRegistry {
  const registry = new Map<string, Upcaster>();
  for (const upcaster of upcasters) {
    const key = keyOf(upcaster.type, upcaster.fromSchemaVersion);
    if (registry.has(key)) {
      throw new Error(
        `Two upcasters for ${upcaster.type} v${upcaster.fromSchemaVersion}: keep exactly one`,
      );
    }
    registry.set(key, upcaster);
  }
  return registry;
}

export function upcast(
  registry: UpcasterRegistry,
  type: string,
  schemaVersion: number,
  data: unknown,
): { schemaVersion: number; data: unknown } {
  let version = schemaVersion;
  let current = data;
  for (let upcaster = registry.get(keyOf(type, version)); upcaster; ) {
    current = upcaster.upcast(current);
    version += 1;
    upcaster = registry.get(keyOf(type, version));
  }
  return { schemaVersion: version, data: current };
}
