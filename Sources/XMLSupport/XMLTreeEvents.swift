import Base
import CLibXML2

/// Where events come from: an ``XMLStreamReader`` reading a file, or ``XMLTreeEvents``
/// walking a tree already parsed, so that one consumer serves both.
public protocol XMLEventSource {
    /// The next event, nil at the end of the document.
    func next() throws(XMLSupportError) -> XMLStreamReader.Event?
}

/// An event source that can also hand out the element of the last `.start` event as a tree
/// element, whole or not, and skip it: a consumer can walk a large file by events and check
/// each record (an XLIFF unit) with the tree API, holding one record at a time.
public protocol XMLElementSource: XMLEventSource {
    /// The element of the last `.start` event, with its attributes (its content may not be
    /// read yet). Valid while the source is inside it.
    func currentElement() throws(XMLSupportError) -> XMLTree.Element
    /// The element of the last `.start` event with everything inside it. Valid until the
    /// next call to ``next()`` or ``skipSubtree()``.
    func expandCurrentElement() throws(XMLSupportError) -> XMLTree.Element
    /// Moves past the element of the last `.start` event: no events for its content or its end.
    func skipSubtree()
}

extension XMLStreamReader: XMLElementSource {}

/// The events of a parsed ``XMLTree`` in document order, as ``XMLStreamReader`` gives them
/// for the same file: a file parsed whole (to validate it) need not be read a second time.
/// Every element gets an `.end` event (a tree does not tell `<x/>` from `<x></x>`).
///
/// ```swift
/// let events = XMLTreeEvents(tree: try XMLTree.parse(file: "fr-de.xlf"))
/// while let event = events.next() { ... }
/// ```
public final class XMLTreeEvents: XMLElementSource {
    private let tree: XMLTree
    /// The next node to enter; the elements open around it.
    private var cursor: xmlNodePtr?
    private var open: [xmlNodePtr] = []
    /// An element without children whose `.end` is due.
    private var childless: xmlNodePtr?
    private var occurrences = TagOccurrences()
    /// The element of the last `.start` event.
    private var current: xmlNodePtr?
    /// The lines of the nodes met (libxml2 keeps lines past 65,535 on text nodes only).
    private var lines = NodeLines()

    public init(tree: XMLTree) {
        self.tree = tree
        cursor = xmlDocGetRootElement(tree.document)
    }

    public func next() -> XMLStreamReader.Event? {
        if let element = childless {
            childless = nil
            return end(element)
        }
        while true {
            guard let node = cursor else {
                guard let parent = open.popLast() else { return nil }
                cursor = parent.pointee.next
                return end(parent)
            }
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                current = node
                let start = startElement(node)
                if let child = node.pointee.children {
                    open.append(node)
                    cursor = child
                } else {
                    childless = node
                    cursor = node.pointee.next
                }
                return .start(start)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                lines.text(node)
                cursor = node.pointee.next
                return .text(node.pointee.content.map { String(cString: $0) } ?? "")
            default:
                cursor = node.pointee.next
            }
        }
    }

    public func currentElement() throws(XMLSupportError) -> XMLTree.Element {
        guard let current else { throw .malformed([Diagnostic(file: tree.sourceName, line: 0, message: "no element was read yet")]) }
        return XMLTree.Element(tree: tree, node: current)
    }

    public func expandCurrentElement() throws(XMLSupportError) -> XMLTree.Element {
        try currentElement()
    }

    public func skipSubtree() {
        guard let node = current else { return }
        if childless == node {
            childless = nil
        } else if open.last == node {
            open.removeLast()
            cursor = node.pointee.next
        }
        // The tags inside are not returned as events: count them for the columns that follow.
        occurrences.countElements(inside: node)
        lines.skipped(node)
        current = nil
    }

    private func end(_ node: xmlNodePtr) -> XMLStreamReader.Event {
        let element = XMLTree.Element(tree: tree, node: node)
        return .end(name: element.name, namespaceURI: element.namespaceURI)
    }

    private func startElement(_ node: xmlNodePtr) -> XMLStreamReader.StartElement {
        let element = XMLTree.Element(tree: tree, node: node)
        let name = element.name
        let qualifiedName = element.prefix.map { "\($0):\(name)" } ?? name
        let line = lines.element(node, fallback: element.line)
        return XMLStreamReader.StartElement(
            name: name, namespaceURI: element.namespaceURI, attributes: element.attributes, isEmpty: false, line: line,
            depth: open.count, qualifiedName: qualifiedName, occurrence: occurrences.next(qualifiedName, line: line),
            file: element.file, source: tree.sourceLines)
    }
}
