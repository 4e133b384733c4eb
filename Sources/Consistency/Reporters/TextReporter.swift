/// `--format text`: findings grouped by file, one line each (`file:line:column: severity:
/// [rule] unit#segment: message`), then the source and target with the terms concerned highlighted
/// (ANSI colours on a terminal, «» otherwise), and a summary.
public enum TextReporter {
    public static func render(_ report: CheckReport, colour: Bool) -> String {
        func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        func highlight(_ text: String, _ term: String?) -> String {
            guard let term, !term.isEmpty, let range = text.range(of: term) else { return text }
            return text[..<range.lowerBound] + (colour ? paint(term, "1;4") : "«\(term)»") + text[range.upperBound...]
        }
        var output = ""
        var currentFile: String?
        for finding in report.findings {
            if finding.file != currentFile {
                currentFile = finding.file
                output += "\n" + paint(finding.file, "1") + "\n"
            }
            let severity = finding.severity == .error ? paint("error", "31") : paint("warning", "33")
            output += "\(finding.location): \(severity): [\(finding.rule.rawValue)] \(finding.displayUnit): \(finding.message)\n"
            if finding.rule != .untranslated || finding.target != nil {
                output += "    \(finding.sourceLanguage): \(highlight(oneLine(finding.source), finding.sourceTerm))\n"
                output += "    \(finding.targetLanguage): \(highlight(oneLine(finding.target ?? ""), finding.targetTerm))\n"
            }
        }
        return output + "\n" + report.summary + "\n"
    }

    private static func oneLine(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 240 ? String(flat.prefix(237)) + "..." : flat
    }
}
