/// One problem found in an XML file, with the place it was found.
///
/// Its description is the conventional `file:line:column: error: message`, which
/// editors and terminals turn into links.
public struct XMLDiagnostic: Error, CustomStringConvertible, Equatable, Sendable {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable {
        case warning, error
    }

    /// The file (or source name) the problem is in.
    public var file: String
    /// 1-based line; 0 when unknown.
    public var line: Int
    /// 1-based column; 0 when unknown (libxml2 gives no column for schema errors).
    public var column: Int
    /// What is wrong, in libxml2's words or ours.
    public var message: String
    public var severity: Severity

    public init(file: String, line: Int, column: Int = 0, message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.severity = severity
    }

    /// `file:line:column` (column and line left out when unknown).
    public var location: String {
        var text = file
        if line > 0 {
            text += ":\(line)"
            if column > 0 { text += ":\(column)" }
        }
        return text
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}
