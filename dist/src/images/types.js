/**
 * Shapes of the offline base-image knowledge: a parsed image reference,
 * one data entry (data/base-images.json, checked by
 * data/base-images.schema.json), and what a lookup answers.
 */
export {};
//# sourceMappingURL=types.js.map