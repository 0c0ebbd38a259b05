export { parseImageRef, normaliseName } from './ref.js';
export { checkBaseImageSchema, loadBaseImageData, validateBaseImageEntries, defaultDataFile, schemaFile } from './data.js';
export { lookupImage } from './lookup.js';
//# sourceMappingURL=index.js.map