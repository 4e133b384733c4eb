import Base

/// What stops an extract or a merge, each problem at file:line:column.
public enum ExchangeError: DiagnosticError, CustomStringConvertible, Sendable {
    case invalid([Diagnostic])

    public var diagnostics: [Diagnostic] {
        switch self {
        case let .invalid(list): list
        }
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
