/** Freezes a value and everything it holds, so an evaluation cannot change after it is made. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    // for…in rather than Object.keys: no array per object, and an evaluation is thousands of objects.
    for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
