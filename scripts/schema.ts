/** `npm run schema`: rewrites schema/pid1-lint.schema.json from the rule registry and the data schemas. */
import { schemaPath, writeSchemaFile } from '../src/config/schema.js';

writeSchemaFile();
console.log(`${schemaPath()}: written`);
