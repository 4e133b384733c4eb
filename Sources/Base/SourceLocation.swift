/// A place in a file: file, line and column.
public struct SourceLocation: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The file (the included file for content pulled in by XInclude).
    public var file: String
    /// 1-based line; 0 when unknown.
    public var line: Int
    /// 1-based column; 0 when unknown (libxml2 gives no column for schema errors).
    public var column: Int

    public init(file: String, line: Int, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, leaving out what is unknown; editors and terminals turn it into a link.
    public var description: String {
        guard line > 0 else { return file }
        return column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
    }
}
