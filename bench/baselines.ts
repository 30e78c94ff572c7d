import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** The floor: what wink-nlp alone costs on the same text, with the same pipe the engine uses. */
const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;

export function floor(text: string): number {
  const doc = nlp.readDoc(text);
  doc.sentences().out();
  return (doc.tokens().out(its.value) as string[]).length;
}

const SPEECH = /\b((?:[A-Z][\w'-]+ ){0,3}[A-Z][\w'-]+) (?:said|says|told|added|stated)\b|\baccording to ((?:the )?(?:[A-Z][\w'-]+ ?){1,4})/g;

/** The cheapest reference: a naive regex attributor, sentence by sentence. */
export function naiveRegex(text: string): Array<{ source: string; sentence: string }> {
  const found: Array<{ source: string; sentence: string }> = [];
  for (const sentence of text.split(/(?<=[.!?]["”]?)\s+/)) for (const m of sentence.matchAll(SPEECH)) found.push({ source: (m[1] ?? m[2]).trim(), sentence });
  return found;
}
