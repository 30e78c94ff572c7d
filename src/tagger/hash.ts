/** 32-bit FNV-1a of a string: feature values are hashed once per token, then combined as integers. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One multiply-xorshift step per value: cheap, and spreads well enough for hashed features. */
const round = (h: number, v: number) => {
  h = Math.imul(h ^ v, 0x9e3779b1);
  return h ^ (h >>> 15);
};

/** Mixes a feature template's id with its values. */
export function mix(template: number, a: number, b = 0, c = 0): number {
  return round(round(round(Math.imul(template + 1, 0x85ebca6b), a), b), c) >>> 0;
}
