import { viewOf } from '../detect/doc-view.js';
import type { Resolved } from '../report/build.js';
import { readingOrder } from '../spans.js';
import type { Cue, Doc } from '../types.js';
import { resolveClaims, type ResolveOptions } from './claims.js';
import { isParticipant, Registry } from './entities.js';
import { floatingQuotes } from './floating.js';
import { unattributed } from './unattributed.js';

export type { Claim } from './claims.js';
export type { Entity } from './entities.js';

/** Cues → claims tied to canonical sources, plus the checkable sentences that cite no one. */
export function resolve(doc: Doc, cues: Cue[], options: ResolveOptions = {}): Resolved {
  const view = viewOf(doc);
  const registry = new Registry();
  const claims = resolveClaims(view, cues, registry, options);
  // the writer neither goes on speaking in a quotation nor sources a claim: what they say is still unattributed
  const cited = claims.filter((c) => !isParticipant(c.entity));
  const floating = floatingQuotes(doc, cited);
  return { claims: [...claims, ...floating].sort(readingOrder), entities: registry.entities, unattributed: unattributed(doc, [...cited, ...floating]) };
}
