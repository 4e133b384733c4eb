/// Errors raised by XMLSupport. Each carries the diagnostics that explain it.
public enum XMLSupportError: Error, CustomStringConvertible, Sendable {
    /// The file could not be read at all.
    case unreadable(path: String, reason: String)
    /// The document is not well-formed XML, or is refused for safety (external
    /// entities, unbounded entity expansion, an unsupported encoding).
    case malformed([XMLDiagnostic])
    /// An XInclude could not be processed (outside the allowed folder, missing, cyclic).
    case include(XMLDiagnostic)
    /// A RELAX NG schema could not be compiled.
    case schema([XMLDiagnostic])
    /// The document does not match its RELAX NG schema.
    case invalid([XMLDiagnostic])
    /// An XPath expression could not be evaluated.
    case xpath(expression: String, reason: String)
    /// An output file could not be written.
    case unwritable(path: String, reason: String)
    /// A file to edit changed on disk after it was read (another program or run edited
    /// it); nothing was written. Read it again and redo the edit.
    case changedSinceRead(path: String)

    /// The diagnostics behind this error.
    public var diagnostics: [XMLDiagnostic] {
        switch self {
        case let .unreadable(path, reason): [XMLDiagnostic(file: path, line: 0, message: reason)]
        case let .malformed(list), let .schema(list), let .invalid(list): list
        case let .include(diagnostic): [diagnostic]
        case let .xpath(expression, reason): [XMLDiagnostic(file: "<xpath>", line: 0, message: "\(reason) in '\(expression)'")]
        case let .unwritable(path, reason): [XMLDiagnostic(file: path, line: 0, message: "cannot write: \(reason)")]
        case let .changedSinceRead(path):
            [XMLDiagnostic(file: path, line: 0, message: "the file changed while Passerelle was editing it; nothing was written: run again")]
        }
    }

    public var description: String {
        switch self {
        case let .unreadable(path, reason): "\(path): error: cannot read the file: \(reason)"
        default: diagnostics.map(\.description).joined(separator: "\n")
        }
    }
}
