import CLibXML2

/// The line of each node of a document read in order (streamed, or walked as events).
///
/// libxml2 keeps an element's line in 16 bits: past line 65,535 it stores 65,535 and keeps
/// the real line only on text nodes (`XML_PARSE_BIG_LINES`), where a text node's line is the
/// line its text ends on, that is, where the next tag starts. So an element past that line
/// gets the line of the text just before it, or, with no text between, the line of the
/// element before it (they are then on one line).
struct NodeLines {
    /// The line libxml2 writes for every element past it.
    static let cap = 65_535
    /// The line reached so far.
    private(set) var last = 1

    /// The line of an element met now; `fallback` when libxml2 gives none.
    mutating func element(_ node: xmlNodePtr, fallback: Int) -> Int {
        let stored = Int(node.pointee.line)
        let line = stored >= Self.cap ? max(last, Self.cap) : stored > 0 ? stored : fallback
        last = max(last, line)
        return line
    }

    /// A text node met now.
    mutating func text(_ node: xmlNodePtr) {
        let line = Int(xmlGetLineNo(node))
        if line > 0 { last = max(last, line) }
    }

    /// An element skipped with everything inside it: the line its last text reached.
    mutating func skipped(_ element: xmlNodePtr) {
        var node = element
        while let child = node.pointee.last { node = child }
        text(node)
    }
}

extension XMLTree {
    /// The line of an element of a parsed document. Past line 65,535 (where libxml2 stores
    /// 65,535, see ``NodeLines``) it is the line where the text before the element ends.
    static func lineNumber(of node: xmlNodePtr) -> Int {
        let stored = Int(node.pointee.line)
        guard stored >= NodeLines.cap, node.pointee.type == XML_ELEMENT_NODE else { return Int(xmlGetLineNo(node)) }
        var current = previousInDocumentOrder(node)
        while let candidate = current {
            switch candidate.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let line = Int(xmlGetLineNo(candidate))
                if line > 0 { return line }
            case XML_ELEMENT_NODE where Int(candidate.pointee.line) < NodeLines.cap:
                return max(Int(candidate.pointee.line), NodeLines.cap)
            default:
                break
            }
            current = previousInDocumentOrder(candidate)
        }
        return NodeLines.cap
    }
}
