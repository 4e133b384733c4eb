import Base
import CLibXML2
import Foundation

/// Reads a large XML file event by event (libxml2's xmlTextReader), in constant
/// memory, with the same secure defaults as ``XMLTree``.
///
/// ```swift
/// let reader = try XMLStreamReader(file: "big.tmx")
/// while let event = try reader.next() {
///     if case let .start(element) = event, element.name == "tu" { ... }
/// }
/// ```
///
/// Entity references other than the predefined ones are refused (streamed files
/// are exports from tools, which never need them). Not thread-safe.
public final class XMLStreamReader {
    /// An element start as the reader sees it.
    public struct StartElement: Sendable {
        public let name: String
        public let namespaceURI: String?
        public let attributes: [XMLAttribute]
        /// True for `<x/>`: no `.end` event follows.
        public let isEmpty: Bool
        public let line: Int
        public let depth: Int
        /// The tag as written (`prefix:name`), and how many tags so written the stream met
        /// earlier on the same line: to find the column in the source when one is asked.
        let qualifiedName: String
        let occurrence: Int
        let file: String
        let source: SourceLines

        /// The 1-based column of the start tag's `<`, found in the source text (libxml2's
        /// parser is ahead of the element it reports); 0 when it cannot be found.
        public var column: Int {
            let position = XMLTree.sourcePosition(lines: source, file: file, line: line, tag: qualifiedName, occurrence: occurrence)
            return position.line == line ? position.column : 0
        }

        /// The value of an attribute without namespace, or of `xml:lang` when asked for "xml:lang".
        public func attribute(_ name: String) -> String? {
            if name == "xml:lang" {
                return attributes.first { $0.name == "lang" && $0.namespaceURI == "http://www.w3.org/XML/1998/namespace" }?.value
            }
            return attributes.first { $0.name == name && $0.namespaceURI == nil }?.value
        }
    }

    /// What the reader met.
    public enum Event: Sendable {
        case start(StartElement)
        case end(name: String, namespaceURI: String?)
        /// Text or CDATA, including whitespace between elements.
        case text(String)
    }

    /// The file being read.
    public let sourceName: String
    private let reader: xmlTextReaderPtr
    private let sink: DiagnosticSink
    /// True when the reader already stands on the node the next call must return.
    private var positioned = false
    /// The borrowed tree of the last expanded element.
    private var expanded: XMLTree?
    /// The source text, read again only when a column is asked.
    private let source = SourceLines()
    /// The start tags met so far on the current line, to find columns again.
    private var occurrences = TagOccurrences()
    /// The lines of the nodes read (libxml2 keeps lines past 65,535 on text nodes only).
    private var lines = NodeLines()
    /// The tags counted on the line before the current element (for ``currentElement()``).
    private var countsBeforeCurrent: (line: Int, counts: [String: Int]) = (0, [:])

    /// Opens a file for streaming.
    public init(file path: String) throws(XMLSupportError) {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw .unreadable(path: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        if let handle = FileHandle(forReadingAtPath: path) {
            let head = handle.readData(ofLength: 256)
            try? handle.close()
            if let problem = XMLEncodingGuard.problem(in: head, file: path) { throw .malformed([problem]) }
        }
        LibXML.prepare()
        guard let reader = xmlReaderForFile(path, nil, LibXML.secureOptions) else {
            throw .unreadable(path: path, reason: "libxml2 could not open it")
        }
        self.reader = reader
        self.sourceName = path
        self.sink = DiagnosticSink(file: path)
        xmlTextReaderSetStructuredErrorHandler(reader, structuredErrorHandler, Unmanaged.passUnretained(sink).toOpaque())
    }

    /// The document xmlTextReaderCurrentDoc handed out: from then on the reader no longer
    /// frees it (libxml2's rule), so it is freed here, after the reader (found by libFuzzer:
    /// every streamed TBX leaked its document).
    private var handedOutDocument: xmlDocPtr?

    deinit {
        xmlFreeTextReader(reader)
        if let handedOutDocument { xmlFreeDoc(handedOutDocument) }
    }

    /// The next event, nil at the end of the document.
    public func next() throws(XMLSupportError) -> Event? {
        while true {
            // After skipSubtree() the reader already stands on the next node.
            let status = positioned ? 1 : xmlTextReaderRead(reader)
            positioned = false
            if status < 0 || !sink.errors.isEmpty {
                throw .malformed(sink.errors.isEmpty ? [Diagnostic(file: sourceName, line: line, message: "the document is not well-formed XML")] : sink.errors)
            }
            if status == 0 { return nil }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                return .start(startElement())
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                return .end(name: string(xmlTextReaderConstLocalName(reader)) ?? "", namespaceURI: namespaceURI())
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                 Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue), Int32(XML_READER_TYPE_WHITESPACE.rawValue):
                if let node = xmlTextReaderCurrentNode(reader) { lines.text(node) }
                return .text(string(xmlTextReaderConstValue(reader)) ?? "")
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                let name = string(xmlTextReaderConstName(reader)) ?? "?"
                throw .malformed([Diagnostic(file: sourceName, line: line, message: "entity reference '&\(name);' is not supported in streamed files")])
            default:
                continue
            }
        }
    }

    /// The element just returned by ``next()`` as a `.start` event, with everything inside
    /// it, for the tree API (XPath, `childElements` ...). Valid until the next call to
    /// ``next()`` or ``skipSubtree()``; a large file is then read one record at a time.
    public func expandCurrentElement() throws(XMLSupportError) -> XMLTree.Element {
        let node = xmlTextReaderExpand(reader)
        let element = try borrowedElement(node)
        expanded = element.tree
        return element
    }

    /// The element just returned by ``next()`` as a `.start` event, with its attributes but
    /// not its content (read on with ``next()``). Valid while the reader is inside it.
    public func currentElement() throws(XMLSupportError) -> XMLTree.Element {
        try borrowedElement(xmlTextReaderCurrentNode(reader))
    }

    /// A node of the reader's document as a tree element whose columns count the tags the
    /// stream met before it on its line.
    private func borrowedElement(_ node: xmlNodePtr?) throws(XMLSupportError) -> XMLTree.Element {
        guard let node, let document = xmlTextReaderCurrentDoc(reader) else {
            throw .malformed(sink.errors.isEmpty ? [Diagnostic(file: sourceName, line: line, message: "the element could not be read")] : sink.errors)
        }
        handedOutDocument = document
        if !sink.errors.isEmpty { throw .malformed(sink.errors) }
        let tree = XMLTree(document: document, sourceName: sourceName, ownsDocument: false,
                           streamedPart: (node, countsBeforeCurrent.line, countsBeforeCurrent.counts), sourceLines: source)
        return XMLTree.Element(tree: tree, node: node)
    }

    /// Moves past the current element and its content (which the reader then frees).
    public func skipSubtree() {
        if let tree = expanded, let root = tree.streamedPart?.root {
            // The tags inside were not read as events: count them for the columns that follow.
            occurrences.countElements(inside: root)
            lines.skipped(root)
        }
        expanded = nil
        positioned = xmlTextReaderNext(reader) == 1
    }

    /// The current line (1-based).
    public var line: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

    private func startElement() -> StartElement {
        let name = string(xmlTextReaderConstLocalName(reader)) ?? ""
        let namespace = namespaceURI()
        let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
        let depth = Int(xmlTextReaderDepth(reader))
        // The node's own line; the parser's position may already be further on.
        let line = xmlTextReaderCurrentNode(reader).map { lines.element($0, fallback: self.line) } ?? self.line
        let qualifiedName = string(xmlTextReaderConstName(reader)) ?? name
        countsBeforeCurrent = occurrences.current
        let occurrence = occurrences.next(qualifiedName, line: line)
        var attributes: [XMLAttribute] = []
        if xmlTextReaderHasAttributes(reader) == 1 {
            while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                let attributeNamespace = string(xmlTextReaderConstNamespaceUri(reader))
                if attributeNamespace == "http://www.w3.org/2000/xmlns/" { continue }
                attributes.append(XMLAttribute(
                    name: string(xmlTextReaderConstLocalName(reader)) ?? "", namespaceURI: attributeNamespace,
                    prefix: string(xmlTextReaderConstPrefix(reader)), value: string(xmlTextReaderConstValue(reader)) ?? ""))
            }
            xmlTextReaderMoveToElement(reader)
        }
        return StartElement(name: name, namespaceURI: namespace, attributes: attributes, isEmpty: isEmpty, line: line, depth: depth,
                            qualifiedName: qualifiedName, occurrence: occurrence, file: sourceName, source: source)
    }

    private func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// The last namespace URI read: libxml2 keeps one copy of each name, so the same
    /// pointer comes back for every element of a namespace, and one String serves them all.
    private var lastNamespace: (pointer: UnsafePointer<xmlChar>, string: String)?

    private func namespaceURI() -> String? {
        guard let pointer = xmlTextReaderConstNamespaceUri(reader) else { return nil }
        if let last = lastNamespace, last.pointer == pointer { return last.string }
        let string = String(cString: pointer)
        lastNamespace = (pointer, string)
        return string
    }
}

