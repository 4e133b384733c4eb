import Base
import XMLSupport

/// Errors raised while reading content sources.
public enum ContentError: DiagnosticError, CustomStringConvertible, Sendable {
    /// The source is not usable; every problem found, each with file:line:column.
    case invalid([Diagnostic])
    /// A source file changed on disk between loading the document and editing it;
    /// nothing was written to it. Load the document again and redo the edit.
    case changedSinceLoaded(file: String)

    /// The diagnostics behind this error.
    public var diagnostics: [Diagnostic] {
        switch self {
        case let .invalid(list): list
        case let .changedSinceLoaded(file): FileError.changedSinceRead(path: file).diagnostics
        }
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
