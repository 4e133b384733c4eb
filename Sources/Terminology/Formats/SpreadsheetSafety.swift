/// Keeps a CSV export from running formulas when a spreadsheet opens it (OWASP "CSV
/// injection"): a value starting with `=`, `+`, `-`, `@`, a tab or a carriage return is
/// written with an apostrophe before it, which spreadsheets show as text; the CSV reader
/// takes the apostrophe away again, so an export read back gives the same termbase.
enum SpreadsheetSafety {
    private static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\r\n"]

    /// True when `value` needs the apostrophe (a value that starts with one before a
    /// trigger gets another, so that reading it back is lossless).
    private static func needsPrefix(_ value: Substring) -> Bool {
        guard let first = value.first else { return false }
        return triggers.contains(first) || (first == "'" && needsPrefix(value.dropFirst()))
    }

    /// The value as written into a cell.
    static func neutralized(_ value: String) -> String {
        needsPrefix(value[...]) ? "'" + value : value
    }

    /// The value as read from a cell written by ``neutralized(_:)``.
    static func restored(_ value: String) -> String {
        value.first == "'" && needsPrefix(value.dropFirst()) ? String(value.dropFirst()) : value
    }
}
