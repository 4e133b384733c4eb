import Base
import XMLSupport

/// The ids of the units of one `<file>` of an XLIFF document: a unit without an id is
/// reported under its number, and an id used twice is said (a CAT tool accepts it, and
/// both units are checked).
struct UnitIDRegistry {
    let file: String
    /// Units met in the whole document, for the numbers of units without an id.
    private(set) var count = 0
    /// The line of each id met in the current file (32 bits: millions of units are kept).
    private var seen: [String: Int32] = [:]
    private(set) var notices: [Diagnostic] = []

    init(file: String) { self.file = file }

    /// A new `<file>` element: ids start afresh.
    mutating func startFile() { seen = [:] }

    /// The id to report the unit `element` under.
    mutating func register(_ element: XMLStreamReader.StartElement) -> String {
        count += 1
        guard let id = element.attribute("id"), !id.isEmpty else {
            notices.append(Diagnostic(file: file, line: element.line, column: element.column,
                                         message: "<\(element.name)> without an id: reported as unit \(count)", severity: .warning))
            return "\(count)"
        }
        if let first = seen[id] {
            notices.append(Diagnostic(file: file, line: element.line, column: element.column,
                                         message: "unit id '\(id)' is already used at line \(first) of this file; both units are checked", severity: .warning))
        } else {
            seen[id] = Int32(clamping: element.line)
        }
        return id
    }
}
