/**
 * Preloaded (`node --import`) to measure what laziness saves: loads the
 * TypeScript parser before the CLI starts, as an eager import would.
 */
import { loadParser } from '../src/program/parse.js';

await loadParser();
