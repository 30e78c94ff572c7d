/**
 * A cache keyed by text that forgets everything once it holds `max` entries: names and mentions recur within
 * and across articles, and a long-running worker must not grow without bound.
 */
export function boundedCache<T>(max: number): (key: string, make: () => T) => T {
  const entries = new Map<string, T>();
  return (key, make) => {
    let value = entries.get(key);
    if (value === undefined) {
      if (entries.size >= max) entries.clear();
      entries.set(key, (value = make()));
    }
    return value;
  };
}
