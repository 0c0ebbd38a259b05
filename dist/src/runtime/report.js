/** `rel` turns an absolute path into the path shown (relative to the build context). */
export function settingReports(settings, rel) {
    const entry = (setting, value, source) => ({
        setting,
        value,
        source: source.description,
        at: source.file ? `${rel(source.file)}${source.line ? `:${source.line}` : ''}` : null,
    });
    const out = [];
    if (settings.init)
        out.push(entry('init', settings.init.kind, settings.init.source));
    if (settings.stopSignal)
        out.push(entry('stopSignal', settings.stopSignal.name, settings.stopSignal.source));
    if (settings.entrypoint)
        out.push(entry('entrypoint', JSON.stringify(settings.entrypoint.argv), settings.entrypoint.source));
    if (settings.command)
        out.push(entry('command', JSON.stringify(settings.command.argv), settings.command.source));
    if (settings.gracePeriodSeconds)
        out.push(entry('gracePeriodSeconds', String(settings.gracePeriodSeconds.value), settings.gracePeriodSeconds.source));
    return out;
}
//# sourceMappingURL=report.js.map