import CLibXML2

/// Where events come from: an ``XMLStreamReader`` reading a file, or ``XMLTreeEvents``
/// walking a tree already parsed, so that one consumer serves both.
public protocol XMLEventSource {
    /// The next event, nil at the end of the document.
    func next() throws(XMLSupportError) -> XMLStreamReader.Event?
}

extension XMLStreamReader: XMLEventSource {}

/// The events of a parsed ``XMLTree`` in document order, as ``XMLStreamReader`` gives them
/// for the same file: a file parsed whole (to validate it) need not be read a second time.
/// Every element gets an `.end` event (a tree does not tell `<x/>` from `<x></x>`).
///
/// ```swift
/// let events = XMLTreeEvents(tree: try XMLTree.parse(file: "fr-de.xlf"))
/// while let event = events.next() { ... }
/// ```
public final class XMLTreeEvents: XMLEventSource {
    private let tree: XMLTree
    /// The next node to enter; the elements open around it.
    private var cursor: xmlNodePtr?
    private var open: [xmlNodePtr] = []
    /// An element without children whose `.end` is due.
    private var childless: xmlNodePtr?
    private var occurrences = TagOccurrences()

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
                cursor = node.pointee.next
                return .text(node.pointee.content.map { String(cString: $0) } ?? "")
            default:
                cursor = node.pointee.next
            }
        }
    }

    private func end(_ node: xmlNodePtr) -> XMLStreamReader.Event {
        let element = XMLTree.Element(tree: tree, node: node)
        return .end(name: element.name, namespaceURI: element.namespaceURI)
    }

    private func startElement(_ node: xmlNodePtr) -> XMLStreamReader.StartElement {
        let element = XMLTree.Element(tree: tree, node: node)
        let name = element.name
        let qualifiedName = element.prefix.map { "\($0):\(name)" } ?? name
        let line = element.line
        return XMLStreamReader.StartElement(
            name: name, namespaceURI: element.namespaceURI, attributes: element.attributes, isEmpty: false, line: line,
            depth: open.count, qualifiedName: qualifiedName, occurrence: occurrences.next(qualifiedName, line: line),
            file: element.file, source: tree.sourceLines)
    }
}
