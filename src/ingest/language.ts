import { franc } from 'franc-min';

/** ISO 639-3 code of the text's language; 'und' when the text is too short to tell. */
export function detectLanguage(text: string): string {
  return franc(text.slice(0, 4000), { minLength: 40 });
}

export const SUPPORTED_LANGUAGES = new Set(['eng', 'und']);
