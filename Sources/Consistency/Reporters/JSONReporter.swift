import Foundation

/// `--format json`: `{"findings": [...], "summary": {...}}`, keys sorted, findings in the
/// report's deterministic order. Written by hand (Foundation's serializer is slow on
/// large reports).
public enum JSONReporter {
    public static func render(_ report: CheckReport) -> String {
        var writer = Writer()
        return writer.opening + writer.text(of: report.findings) + writer.ending(report)
    }

    /// Writes the report a batch of findings at a time (``ReportStream``): the opening, the
    /// text of each batch, then the ending with the summary.
    public struct Writer {
        /// The findings written so far.
        private var written = 0

        public init() {}

        public var opening: String { "{\n  \"findings\" : [" }

        /// The entries of `findings`, which follow those written before.
        public mutating func text(of findings: [Finding]) -> String {
            var output = ""
            for finding in findings {
                output += written == 0 ? "\n" : ",\n"
                written += 1
                let fields: [(String, String)] = [
                    ("column", String(finding.column)), ("concept", literal(finding.conceptID)), ("file", literal(finding.file)),
                    ("line", String(finding.line)),
                    ("message", literal(finding.message)), ("rule", literal(finding.rule.rawValue)),
                    ("segment", literal(finding.segment)), ("severity", literal(finding.severity.rawValue)),
                    ("sourceLanguage", literal(finding.sourceLanguage)), ("state", literal(finding.state?.rawValue)),
                    ("sourceTerm", literal(finding.sourceTerm)), ("targetLanguage", literal(finding.targetLanguage)),
                    ("targetTerm", literal(finding.targetTerm)), ("unit", literal(finding.unit)),
                ]
                output += "    {\n" + fields.map { "      \"\($0.0)\" : \($0.1)" }.joined(separator: ",\n") + "\n    }"
            }
            return output
        }

        /// The end of the findings and the summary (from the report's counts).
        public func ending(_ report: CheckReport) -> String {
            var output = written == 0 ? "],\n" : "\n  ],\n"
            output += "  \"summary\" : {\n"
            output += "    \"byRule\" : {" + report.countsByRule.map { ($0.key.rawValue, $0.value) }.sorted { $0.0 < $1.0 }
                .map { "\(literal($0.0)) : \($0.1)" }.joined(separator: ", ") + "},\n"
            output += "    \"errors\" : \(report.errorCount),\n    \"files\" : \(report.fileCount),\n"
            output += "    \"notices\" : [" + report.notices.map { literal($0.description) }.joined(separator: ", ") + "],\n"
            output += "    \"skippedUnits\" : \(report.skippedUnits),\n    \"suppressed\" : \(report.suppressedCount),\n"
            output += "    \"unreadableFiles\" : [" + report.problems.map { literal($0.description) }.joined(separator: ", ") + "],\n"
            output += "    \"units\" : \(report.unitCount),\n    \"warnings\" : \(report.warningCount)\n  }\n}\n"
            return output
        }
    }

    /// A JSON string literal (or null).
    static func literal(_ text: String?) -> String {
        guard let text else { return "null" }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
