export { parseImageRef, normaliseName } from './ref.js';
export { checkBaseImageSchema, checkBuiltinBaseImageData, loadBaseImageData, validateBaseImageEntries, defaultDataFile, schemaFile } from './data.js';
export { lookupImage } from './lookup.js';
//# sourceMappingURL=index.js.map