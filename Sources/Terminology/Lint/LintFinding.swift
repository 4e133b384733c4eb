import Base

/// One problem found by ``GlossaryLinter``.
public struct LintFinding: Sendable, Equatable, CustomStringConvertible {
    /// A stable rule id, e.g. `duplicate-term`.
    public let rule: String
    public let severity: Severity
    public let conceptID: String
    public let language: String?
    public let message: String
    /// Where the concept was read from.
    public let location: SourceLocation?

    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        return "\(place)\(severity.rawValue): [\(rule)] \(conceptID)\(language.map { " (\($0))" } ?? ""): \(message)"
    }
}
