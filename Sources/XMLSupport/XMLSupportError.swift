import Base

/// Errors raised by XMLSupport. Each carries the diagnostics that explain it.
public enum XMLSupportError: DiagnosticError, CustomStringConvertible, Sendable {
    /// The file could not be read at all.
    case unreadable(path: String, reason: String)
    /// The document is not well-formed XML, or is refused for safety (external
    /// entities, unbounded entity expansion, an unsupported encoding).
    case malformed([Diagnostic])
    /// An XInclude could not be processed (outside the allowed folder, missing, cyclic).
    case include(Diagnostic)
    /// A RELAX NG schema could not be compiled.
    case schema([Diagnostic])
    /// The document does not match its RELAX NG schema.
    case invalid([Diagnostic])
    /// An XPath expression could not be evaluated.
    case xpath(expression: String, reason: String)
    /// A file could not be written or edited (see ``FileError``).
    case file(FileError)

    /// The diagnostics behind this error.
    public var diagnostics: [Diagnostic] {
        switch self {
        case let .unreadable(path, reason): [Diagnostic(file: path, line: 0, message: reason)]
        case let .malformed(list), let .schema(list), let .invalid(list): list
        case let .include(diagnostic): [diagnostic]
        case let .xpath(expression, reason): [Diagnostic(file: "<xpath>", line: 0, message: "\(reason) in '\(expression)'")]
        case let .file(error): error.diagnostics
        }
    }

    public var description: String {
        switch self {
        case let .unreadable(path, reason): "\(path): error: cannot read the file: \(reason)"
        default: diagnostics.map(\.description).joined(separator: "\n")
        }
    }
}
