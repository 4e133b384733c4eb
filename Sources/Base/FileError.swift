/// A file that could not be read, written or edited.
public enum FileError: DiagnosticError, CustomStringConvertible, Sendable {
    /// The file could not be read, or was not found.
    case unreadable(path: String, reason: String)
    /// An output file could not be written.
    case unwritable(path: String, reason: String)
    /// A file to edit changed on disk after it was read (another program or run edited
    /// it); nothing was written. Read it again and redo the edit.
    case changedSinceRead(path: String)

    public var diagnostics: [Diagnostic] {
        switch self {
        case let .unreadable(path, reason): [Diagnostic(file: path, line: 0, message: reason)]
        case let .unwritable(path, reason): [Diagnostic(file: path, line: 0, message: "cannot write: \(reason)")]
        case let .changedSinceRead(path):
            [Diagnostic(file: path, line: 0, message: "the file changed while Passerelle was editing it; nothing was written: run again")]
        }
    }

    public var description: String {
        switch self {
        case let .unreadable(path, reason): "\(path): error: cannot read the file: \(reason)"
        default: diagnostics.map(\.description).joined(separator: "\n")
        }
    }
}
