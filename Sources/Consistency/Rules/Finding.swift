/// One problem found in one unit.
public struct Finding: Sendable, Equatable {
    public enum Severity: String, Sendable, Comparable {
        case error, warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    public var file: String
    public var line: Int
    /// The unit's id (`trans-unit`/`unit` id, TMX `tuid`, content unit id).
    public var unit: String
    public var rule: CheckRule
    public var severity: Severity
    /// The concept concerned, if any.
    public var conceptID: String?
    /// The term as found in the source, if any.
    public var sourceTerm: String?
    /// The term as found in the target (or expected, for a missing term), if any.
    public var targetTerm: String?
    public var message: String
    /// The unit's texts, for reports that show them.
    public var source: String
    public var target: String?
    public var sourceLanguage: String
    public var targetLanguage: String

    /// `file:line`.
    public var location: String { line > 0 ? "\(file):\(line)" : file }
}
