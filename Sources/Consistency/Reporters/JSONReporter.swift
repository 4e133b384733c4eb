import Foundation

/// `--format json`: `{"findings": [...], "summary": {...}}`, keys sorted, findings in the
/// report's deterministic order.
public enum JSONReporter {
    public static func render(_ report: CheckReport) -> String {
        let findings: [[String: Any]] = report.findings.map { finding in
            [
                "file": finding.file, "line": finding.line, "unit": finding.unit, "rule": finding.rule.rawValue,
                "severity": finding.severity.rawValue, "concept": finding.conceptID ?? NSNull(),
                "sourceTerm": finding.sourceTerm ?? NSNull(), "targetTerm": finding.targetTerm ?? NSNull(),
                "message": finding.message, "sourceLanguage": finding.sourceLanguage, "targetLanguage": finding.targetLanguage,
            ]
        }
        var byRule: [String: Int] = [:]
        for finding in report.findings { byRule[finding.rule.rawValue, default: 0] += 1 }
        let summary: [String: Any] = [
            "files": report.fileCount, "units": report.unitCount,
            "errors": report.findings.filter { $0.severity == .error }.count,
            "warnings": report.findings.filter { $0.severity == .warning }.count,
            "byRule": byRule,
            "unreadableFiles": report.problems.map(\.description),
        ]
        let data = (try? JSONSerialization.data(withJSONObject: ["findings": findings, "summary": summary],
                                                options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
