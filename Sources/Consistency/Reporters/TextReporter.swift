import Base

/// `--format text`: findings grouped by file, one line each (`file:line:column: severity:
/// [rule] unit#segment: message`), then the source and target with the terms concerned highlighted
/// (ANSI colours on a terminal, «» otherwise), and a summary.
public enum TextReporter {
    public static func render(_ report: CheckReport, colour: Bool) -> String {
        var writer = Writer(colour: colour)
        return writer.text(of: report.findings) + writer.ending(report)
    }

    /// Writes the report a batch of findings at a time (``ReportStream``): the text of each
    /// batch, then the ending.
    public struct Writer {
        let colour: Bool
        /// The file whose findings are being written (a heading starts each file).
        private var currentFile: String?

        public init(colour: Bool) {
            self.colour = colour
        }

        /// The lines of `findings`, which follow those of the findings written before.
        public mutating func text(of findings: [Finding]) -> String {
            var output = ""
            for finding in findings {
                if finding.file != currentFile {
                    currentFile = finding.file
                    output += "\n" + paint(safe(finding.file), "1") + "\n"
                }
                let severity = finding.severity == .error ? paint("error", "31") : paint("warning", "33")
                output += "\(safe(finding.location.description)): \(severity): [\(finding.rule.rawValue)] \(safe(finding.displayUnit)): \(safe(finding.message))\n"
                if finding.rule != .untranslated || finding.target != nil {
                    output += "    \(finding.sourceLanguage): \(Self.oneLine(highlight(finding.source, finding.sourceTerm, at: finding.sourceTermOffset)))\n"
                    output += "    \(finding.targetLanguage): \(Self.oneLine(highlight(finding.target ?? "", finding.targetTerm, at: finding.targetTermOffset)))\n"
                }
            }
            return output
        }

        /// The summary that ends the report.
        public func ending(_ report: CheckReport) -> String {
            "\n" + report.summary + "\n"
        }

        private func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

        /// Texts come from the files checked: their control characters are shown, not obeyed.
        private func safe(_ text: some StringProtocol) -> String { TerminalText.escaped(String(text)) }

        private func highlight(_ text: String, _ term: String?, at offset: Int?) -> String {
            guard let range = Finding.markedRange(of: term, in: text, at: offset) else { return safe(text) }
            let marked = safe(text[range])
            return safe(text[..<range.lowerBound]) + (colour ? paint(marked, "1;4") : "«\(marked)»") + safe(text[range.upperBound...])
        }

        private static func oneLine(_ text: String) -> String {
            let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
            return flat.count > 240 ? String(flat.prefix(237)) + "..." : flat
        }
    }
}
