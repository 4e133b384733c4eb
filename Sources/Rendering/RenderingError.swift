import Base
import XMLSupport

/// Errors raised while rendering a document or loading a theme.
public enum RenderingError: DiagnosticError, CustomStringConvertible, Sendable {
    /// Problems in the document or the theme, each with file:line:column.
    case invalid([Diagnostic])
    /// The theme has no template for this format and layout.
    case missingTemplate(name: String, theme: String)
    /// An office document (DOCX, ODT) or a PDF could not be made; the message says why.
    case office(String)

    /// The diagnostics behind this error.
    public var diagnostics: [Diagnostic] {
        switch self {
        case let .invalid(list): list
        case let .missingTemplate(name, theme):
            [Diagnostic(file: theme, line: 0, message: "the theme has no template '\(name).mustache'; copy it from templates/default")]
        case let .office(message):
            [Diagnostic(file: "passerelle", line: 0, message: message)]
        }
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
