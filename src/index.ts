export { analyze, type AnalyzeOptions, type ArticleInput } from './analyze.js';
export { UNITS, type Units } from './report/units.js';
export { InputError } from './ingest/index.js';
export { readArticleFile, DEFAULT_MAX_BYTES } from './ingest/file.js';
export { ReportSchema, SCHEMA_VERSION, reportJsonSchema, type Report, type Attribution, type Source } from './report/schema.js';
export { render, FORMATS, type Format } from './report/render/index.js';
export type { SourceType, ClaimKind } from './types.js';
