import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';
import { reportJsonSchema } from '../src/report/schema.js';

/** Regenerates docs/report.schema.json from the zod schema, the one source of truth. */
const path = join(PACKAGE_ROOT, 'docs', 'report.schema.json');
writeFileSync(path, JSON.stringify(reportJsonSchema(), null, 2) + '\n');
console.log(`wrote ${path}`);
