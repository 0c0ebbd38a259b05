/**
 * Shared data shapes. The PID-1 model (src/model) is computed once per
 * Dockerfile; rules (rules/) only read it; formatters (src/formatters) only
 * read lint results. Everything here is plain, serialisable data.
 */
export {};
//# sourceMappingURL=types.js.map