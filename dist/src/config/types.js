export function defaultConfig(dir) {
    return {
        file: null,
        dir,
        severities: {},
        ruleOptions: {},
        ignore: [],
        reportUnusedIgnores: 'off',
        runtime: { images: [] },
        libraries: [],
        images: [],
        fix: null,
    };
}
//# sourceMappingURL=types.js.map