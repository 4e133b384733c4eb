import Base
import XMLSupport

/// Errors raised while reading bilingual files for `passerelle check`.
public enum ConsistencyError: DiagnosticError, CustomStringConvertible, Sendable {
    /// The file cannot be checked; every problem with file:line:column.
    case invalid([Diagnostic])
    /// A `--mask` pattern that does not compile, and what to do.
    case invalidPattern(String, reason: String)
    /// A baseline file that cannot be read, at file:line.
    case invalidBaseline(Diagnostic)

    public var diagnostics: [Diagnostic] {
        switch self {
        case let .invalid(list): list
        case let .invalidPattern(pattern, reason): [Diagnostic(file: "--mask", line: 0, message: "'\(pattern)': \(reason)")]
        case let .invalidBaseline(diagnostic): [diagnostic]
        }
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
