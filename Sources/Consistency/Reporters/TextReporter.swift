import Base

/// `--format text`: findings grouped by file, one line each (`file:line:column: severity:
/// [rule] unit#segment: message`), then the source and target with the terms concerned highlighted
/// (ANSI colours on a terminal, «» otherwise), and a summary.
public enum TextReporter {
    public static func render(_ report: CheckReport, colour: Bool) -> String {
        func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        // Texts come from the files checked: their control characters are shown, not obeyed.
        func safe(_ text: some StringProtocol) -> String { TerminalText.escaped(String(text)) }
        func highlight(_ text: String, _ term: String?, at offset: Int?) -> String {
            guard let range = Finding.markedRange(of: term, in: text, at: offset) else { return safe(text) }
            let marked = safe(text[range])
            return safe(text[..<range.lowerBound]) + (colour ? paint(marked, "1;4") : "«\(marked)»") + safe(text[range.upperBound...])
        }
        var output = ""
        var currentFile: String?
        for finding in report.findings {
            if finding.file != currentFile {
                currentFile = finding.file
                output += "\n" + paint(safe(finding.file), "1") + "\n"
            }
            let severity = finding.severity == .error ? paint("error", "31") : paint("warning", "33")
            output += "\(safe(finding.location.description)): \(severity): [\(finding.rule.rawValue)] \(safe(finding.displayUnit)): \(safe(finding.message))\n"
            if finding.rule != .untranslated || finding.target != nil {
                output += "    \(finding.sourceLanguage): \(oneLine(highlight(finding.source, finding.sourceTerm, at: finding.sourceTermOffset)))\n"
                output += "    \(finding.targetLanguage): \(oneLine(highlight(finding.target ?? "", finding.targetTerm, at: finding.targetTermOffset)))\n"
            }
        }
        return output + "\n" + report.summary + "\n"
    }

    private static func oneLine(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 240 ? String(flat.prefix(237)) + "..." : flat
    }
}
