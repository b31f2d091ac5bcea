/** Freezes a value and everything it holds, so an evaluation cannot change after it is made. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    // An array by index: for…in would write each index out as a string key.
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
      return value;
    }
    // for…in rather than Object.keys: no array per object, and an evaluation is thousands of objects.
    for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/**
 * Freezes an object and the named parts of it that hold objects. The parts left out are primitives or lazy
 * getters, which freeze their own value when first read: walking them here would compute what nobody asked
 * for, and walking every key of thousands of results per evaluation cost more than the results themselves.
 */
export function freezeParts<T extends object>(value: T, parts: readonly (keyof T)[]): T {
  for (const part of parts) deepFreeze(value[part]);
  return Object.freeze(value);
}
