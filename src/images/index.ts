/**
 * Offline base-image knowledge: what a FROM image brings to the PID-1 question
 * (its ENTRYPOINT/CMD, what /bin/sh is, which inits and entrypoint scripts it
 * ships, where node and the package managers live). Data: data/base-images.json,
 * checked against data/base-images.schema.json.
 */
export type {
  BaseImageByNodeMajor,
  BaseImageEntry,
  BaseImageMatch,
  Distro,
  EntrypointScript,
  ImageInfo,
  ImageInit,
  ImageRef,
  InitName,
  OsPackageManager,
  ShellFlavour,
} from './types.js';
export { parseImageRef, normaliseName } from './ref.js';
export type { NormalisedName } from './ref.js';
export { checkBaseImageSchema, checkBuiltinBaseImageData, loadBaseImageData, validateBaseImageEntries, defaultDataFile, schemaFile } from './data.js';
export { lookupImage } from './lookup.js';
