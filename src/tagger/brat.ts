import type { Span } from '../types.js';
import type { Role } from './features.js';

/** One attribution of a brat standoff file: its source, cue and content, each possibly in fragments. */
export type BratAttribution = Partial<Record<Role, Span[]>>;

const ROLE_OF: Record<string, Role> = { source: 'source', cue: 'cue', content: 'content' };

/** brat counts code points; JavaScript strings count UTF-16 units. */
function codePointsToUnits(text: string): (cp: number) => number {
  const units: number[] = [];
  let unit = 0;
  for (const ch of text) {
    units.push(unit);
    unit += ch.length;
  }
  units.push(unit);
  return (cp) => units[Math.min(cp, units.length - 1)];
}

/**
 * PolNeAR's annotation format: `T` lines are Source, Cue and Content spans ("start end" fragments separated
 * by ";"), `E` lines tie them into one attribution ("Content2" continues "Content").
 */
export function readBrat(text: string, ann: string): BratAttribution[] {
  const toUnit = codePointsToUnits(text);
  const spans = new Map<string, Span[]>();
  const attributions: BratAttribution[] = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (line.startsWith('T') && cols.length >= 2) {
      const [, ...fragments] = cols[1].split(' ');
      spans.set(
        cols[0],
        fragments
          .join(' ')
          .split(';')
          .map((f) => f.split(' ').map(Number))
          .map(([a, b]) => ({ start: toUnit(a), end: toUnit(b) })),
      );
    } else if (line.startsWith('E') && cols.length >= 2) {
      const attribution: BratAttribution = {};
      for (const part of cols[1].split(' ')) {
        const [name, id] = part.split(':');
        const role = ROLE_OF[name.toLowerCase().replace(/\d+$/, '')];
        if (role && spans.has(id)) (attribution[role] ??= []).push(...spans.get(id)!);
      }
      attributions.push(attribution);
    }
  }
  return attributions;
}

/** A role's span from its first fragment to its last, as the PolNeAR scorer compares them. */
export function extent(fragments: Span[]): Span {
  return { start: Math.min(...fragments.map((f) => f.start)), end: Math.max(...fragments.map((f) => f.end)) };
}
