/// How serious a diagnostic is, in order: a note, a warning, an error.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    /// Information attached to another diagnostic.
    case note
    /// Worth telling; does not make a command fail unless asked (`--strict`).
    case warning
    /// Makes the command fail.
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
