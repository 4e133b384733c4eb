import Foundation

/// `--format json`: `{"findings": [...], "summary": {...}}`, keys sorted, findings in the
/// report's deterministic order. Written by hand (Foundation's serializer is slow on
/// large reports).
public enum JSONReporter {
    public static func render(_ report: CheckReport) -> String {
        var output = "{\n  \"findings\" : ["
        for (index, finding) in report.findings.enumerated() {
            output += index == 0 ? "\n" : ",\n"
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
        output += report.findings.isEmpty ? "],\n" : "\n  ],\n"
        var byRule: [String: Int] = [:]
        for finding in report.findings { byRule[finding.rule.rawValue, default: 0] += 1 }
        let errors = report.findings.filter { $0.severity == .error }.count
        output += "  \"summary\" : {\n"
        output += "    \"byRule\" : {" + byRule.sorted { $0.key < $1.key }.map { "\(literal($0.key)) : \($0.value)" }.joined(separator: ", ") + "},\n"
        output += "    \"errors\" : \(errors),\n    \"files\" : \(report.fileCount),\n"
        output += "    \"notices\" : [" + report.notices.map { literal($0.description) }.joined(separator: ", ") + "],\n"
        output += "    \"skippedUnits\" : \(report.skippedUnits),\n    \"suppressed\" : \(report.suppressedCount),\n"
        output += "    \"unreadableFiles\" : [" + report.problems.map { literal($0.description) }.joined(separator: ", ") + "],\n"
        output += "    \"units\" : \(report.unitCount),\n    \"warnings\" : \(report.findings.count - errors)\n  }\n}\n"
        return output
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
