import Base
import XMLSupport

/// Errors raised while reading, writing or checking glossaries.
public enum TerminologyError: DiagnosticError, CustomStringConvertible, Sendable {
    /// The file is not valid for its format; each diagnostic names file:line:column.
    case invalid([Diagnostic])
    /// The file's format could not be told from its name or content.
    case unknownFormat(path: String)
    /// No glossary file was found where one was asked for.
    case noGlossary(path: String)
    /// The output format cannot hold parts of the termbase; nothing was written.
    case notRepresentable(format: String, losses: [String])

    /// The diagnostics behind this error.
    public var diagnostics: [Diagnostic] {
        switch self {
        case let .invalid(list): list
        case let .unknownFormat(path):
            [Diagnostic(file: path, line: 0, message: "unknown glossary format; use .xml (native), .tbx, .csv or .tsv, or pass --to / --from")]
        case let .noGlossary(path):
            [Diagnostic(file: path, line: 0, message: "no glossary there: no such file or folder, or no .xml, .tbx, .csv or .tsv file in it")]
        case let .notRepresentable(format, losses):
            [Diagnostic(file: format, line: 0, message: "\(format) cannot hold all of the termbase, so nothing was written; "
                + "write native XML or TBX instead, or remove: " + losses.joined(separator: "; "))]
        }
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }

    /// Wraps an XMLSupport error.
    init(_ error: XMLSupportError) {
        self = .invalid(error.diagnostics)
    }
}
