/** ESLint's JSON shape; Dockerfile results also carry `pid1`. */
export function formatJson(results) {
    return `${JSON.stringify(results, null, 2)}\n`;
}
//# sourceMappingURL=json.js.map