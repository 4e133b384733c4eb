import Content
import Foundation
import XMLSupport

/// Findings a user has reviewed and accepted (`check --baseline FILE`, written with
/// `--write-baseline FILE`): left out of the report and counted in its summary, so the run
/// fails only on new problems.
///
/// One line per finding, tab-separated: file, unit (with `#segment`), rule, concept (`-` for
/// none), the hash of the unit's source text, and the target term for the record. A
/// suppression expires when the source text changes (its hash no longer matches). Lines
/// starting with `#` are comments; a user may delete lines to bring findings back.
///
/// ```
/// # passerelle check baseline: file, unit, rule, concept, source hash, target term
/// validators.fr.xlf	42	missing-term	file	3fa4c2d1	fichier
/// ```
public struct Baseline: Sendable {
    /// What identifies a finding across runs.
    struct Key: Hashable {
        let file: String
        let unit: String
        let rule: String
        let concept: String
        let sourceHash: String
    }

    private var keys: Set<Key> = []

    /// The number of suppressions.
    public var count: Int { keys.count }

    static func key(_ finding: Finding) -> Key {
        Key(file: finding.file, unit: finding.displayUnit.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " "), rule: finding.rule.rawValue, concept: finding.conceptID ?? "-",
            sourceHash: SourceHash.of(plainText: finding.source))
    }

    /// A baseline of `findings`.
    public init(findings: [Finding]) {
        keys = Set(findings.map(Self.key))
    }

    /// Reads a baseline file.
    /// - Throws: ``ConsistencyError/invalidBaseline(_:)`` at file:line for a line that is not one.
    public init(file: String) throws(ConsistencyError) {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw .invalidBaseline(XMLDiagnostic(file: file, line: 0, message: "cannot read the baseline; write one with --write-baseline \(file)"))
        }
        for (index, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.hasSuffix("\r") ? line.dropLast() : line
            if text.isEmpty || text.hasPrefix("#") { continue }
            let fields = text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 5, CheckRule(rawValue: fields[2]) != nil else {
                throw .invalidBaseline(XMLDiagnostic(file: file, line: index + 1, column: 1, message:
                    "expected file, unit, rule, concept and source hash separated by tabs (as --write-baseline writes them)"))
            }
            keys.insert(Key(file: fields[0], unit: fields[1], rule: fields[2], concept: fields[3], sourceHash: fields[4]))
        }
    }

    /// True when the baseline accepts `finding`.
    public func suppresses(_ finding: Finding) -> Bool { keys.contains(Self.key(finding)) }

    /// The baseline file for `findings`, in their order.
    public static func text(of findings: [Finding]) -> String {
        var lines = ["# passerelle check baseline: file, unit, rule, concept, source hash, target term (tab-separated).",
                     "# These findings are accepted; delete a line to report its finding again. A line expires when its source text changes."]
        var seen: Set<Key> = []
        for finding in findings {
            let key = key(finding)
            guard seen.insert(key).inserted else { continue }
            let term = (finding.targetTerm ?? "").replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
            lines.append([key.file, key.unit, key.rule, key.concept, key.sourceHash, term].joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
