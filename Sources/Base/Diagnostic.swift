/// One problem found, with the place it was found: the one diagnostic of every module
/// (parse and schema errors, glossary rows, templates, render warnings ...).
///
/// Its description is the conventional `file:line:column: error: message`, then each
/// note on a line of its own.
public struct Diagnostic: Error, CustomStringConvertible, Equatable, Sendable {
    public var severity: Severity
    public var location: SourceLocation
    /// What is wrong, and what to do about it.
    public var message: String
    /// More about it (where an earlier definition is, what was meant ...).
    public var notes: [String]

    public init(severity: Severity = .error, location: SourceLocation, message: String, notes: [String] = []) {
        self.severity = severity
        self.location = location
        self.message = message
        self.notes = notes
    }

    public init(file: String, line: Int, column: Int = 0, message: String, severity: Severity = .error, notes: [String] = []) {
        self.init(severity: severity, location: SourceLocation(file: file, line: line, column: column), message: message, notes: notes)
    }

    /// The file (or source name) the problem is in.
    public var file: String {
        get { location.file }
        set { location.file = newValue }
    }

    /// 1-based line; 0 when unknown.
    public var line: Int { location.line }
    /// 1-based column; 0 when unknown.
    public var column: Int { location.column }

    public var description: String {
        (["\(location): \(severity.rawValue): \(message)"] + notes.map { "\(location): note: \($0)" }).joined(separator: "\n")
    }
}

/// An error that carries diagnostics: what the command line prints, one per line.
public protocol DiagnosticError: Error {
    var diagnostics: [Diagnostic] { get }
}
