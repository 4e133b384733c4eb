import Base
import Content
import Foundation
import XMLSupport

/// Findings a user has reviewed and accepted (`check --baseline FILE`, written with
/// `--write-baseline FILE`): left out of the report and counted in its summary, so the run
/// fails only on new problems.
///
/// One line per finding, tab-separated: file (relative to the baseline's folder, so the
/// baseline works from any directory and in a clone elsewhere), unit (with `#segment`), rule,
/// concept (`-` for none), the hash of the unit's source text, and the target term for the record. A
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
    /// The folder of the baseline file, absolute: files are named relative to it.
    private let folder: String

    /// The number of suppressions.
    public var count: Int { keys.count }

    /// `path` relative to `folder` (both made absolute from the current directory).
    public static func relative(_ path: String, to folder: String) -> String {
        let target = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        let base = URL(fileURLWithPath: folder).standardizedFileURL.pathComponents
        let common = zip(target, base).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: base.count - common) + target[common...]).joined(separator: "/")
    }

    /// The folder of the baseline file `file`.
    static func folder(of file: String) -> String {
        URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent().path
    }

    static func key(_ finding: Finding, folder: String) -> Key {
        Key(file: relative(finding.file, to: folder), unit: finding.displayUnit.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " "), rule: finding.rule.rawValue, concept: finding.conceptID ?? "-",
            sourceHash: SourceHash.of(plainText: finding.source))
    }

    /// A baseline of `findings`, to be written to `file`.
    public init(findings: [Finding], file: String) {
        folder = Self.folder(of: file)
        keys = Set(findings.map { Self.key($0, folder: folder) })
    }

    /// Reads a baseline file.
    /// - Throws: ``ConsistencyError/invalidBaseline(_:)`` at file:line for a line that is not one.
    public init(file: String) throws(ConsistencyError) {
        folder = Self.folder(of: file)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw .invalidBaseline(Diagnostic(file: file, line: 0, message: "cannot read the baseline; write one with --write-baseline \(file)"))
        }
        let content = String(decoding: data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data, as: UTF8.self)
        for (index, text) in content.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if text.isEmpty || text.hasPrefix("#") { continue }
            let fields = text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 5, CheckRule(rawValue: fields[2]) != nil else {
                throw .invalidBaseline(Diagnostic(file: file, line: index + 1, column: 1, message:
                    "expected file, unit, rule, concept and source hash separated by tabs (as --write-baseline writes them)"))
            }
            keys.insert(Key(file: fields[0], unit: fields[1], rule: fields[2], concept: fields[3], sourceHash: fields[4]))
        }
    }

    /// True when the baseline accepts `finding`.
    public func suppresses(_ finding: Finding) -> Bool { keys.contains(Self.key(finding, folder: folder)) }

    /// The text of the baseline file `file` for `findings`, in their order.
    public static func text(of findings: [Finding], file: String) -> String {
        var recorder = Recorder(file: file)
        return Recorder.heading + recorder.lines(for: findings)
    }

    /// Writes a baseline file a batch of findings at a time (``ReportStream``): the heading,
    /// then the lines of each batch (a finding repeated in a batch is written once).
    public struct Recorder {
        private let folder: String
        /// The findings recorded so far.
        public private(set) var count = 0

        /// A recorder for the baseline file `file` (its folder makes the paths relative).
        public init(file: String) {
            folder = Baseline.folder(of: file)
        }

        /// The comment lines that start the file.
        public static let heading = "# passerelle check baseline: file, unit, rule, concept, source hash, target term (tab-separated).\n"
            + "# These findings are accepted; delete a line to report its finding again. A line expires when its source text changes.\n"

        /// The lines of `findings`.
        public mutating func lines(for findings: [Finding]) -> String {
            var text = ""
            var seen: Set<Key> = []
            for finding in findings {
                let key = Baseline.key(finding, folder: folder)
                guard seen.insert(key).inserted else { continue }
                let term = (finding.targetTerm ?? "").replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
                text += [key.file, key.unit, key.rule, key.concept, key.sourceHash, term].joined(separator: "\t") + "\n"
            }
            count += findings.count
            return text
        }
    }
}
