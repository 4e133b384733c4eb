import XMLSupport

/// Errors raised while reading content sources.
public enum ContentError: Error, CustomStringConvertible, Sendable {
    /// The source is not usable; every problem found, each with file:line:column.
    case invalid([XMLDiagnostic])

    /// The diagnostics behind this error.
    public var diagnostics: [XMLDiagnostic] {
        switch self {
        case let .invalid(list): list
        }
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
