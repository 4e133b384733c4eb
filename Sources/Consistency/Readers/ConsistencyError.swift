import XMLSupport

/// Errors raised while reading bilingual files for `passerelle check`.
public enum ConsistencyError: Error, CustomStringConvertible, Sendable {
    /// The file cannot be checked; every problem with file:line:column.
    case invalid([XMLDiagnostic])

    public var diagnostics: [XMLDiagnostic] {
        switch self {
        case let .invalid(list): list
        }
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
