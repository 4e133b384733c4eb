import Base
import CLibXML2

extension XMLTree {
    /// An element of an ``XMLTree``. It keeps its tree alive.
    public struct Element: @unchecked Sendable {
        /// The tree this element belongs to.
        public let tree: XMLTree
        let node: xmlNodePtr

        init(tree: XMLTree, node: xmlNodePtr) {
            self.tree = tree
            self.node = node
        }

        /// The local name, e.g. `concept`.
        public var name: String { node.pointee.name.map { String(cString: $0) } ?? "" }

        /// The namespace URI, or nil when the element is in no namespace.
        public var namespaceURI: String? { node.pointee.ns?.pointee.href.map { String(cString: $0) } }

        /// The prefix used in the source, e.g. `xi` for `xi:include`.
        public var prefix: String? { node.pointee.ns?.pointee.prefix.map { String(cString: $0) } }

        /// The 1-based line of the start tag.
        public var line: Int { XMLTree.lineNumber(of: node) }

        /// The file the element came from (the included file for XIncluded content).
        public var file: String { XMLTree.originFile(of: node) ?? tree.sourceName }

        /// The 1-based column of the start tag's `<`, found in the source file's text
        /// (libxml2 keeps no columns); 0 when the file cannot be read again.
        public var column: Int { position.column }

        /// Line and column of the start tag's `<` (for a tag written over several lines,
        /// the line where it begins).
        public var position: (line: Int, column: Int) {
            let qualifiedName = prefix.map { "\($0):\(name)" } ?? name
            return XMLTree.sourcePosition(lines: tree.sourceLines, file: file, line: line, tag: qualifiedName,
                                          occurrence: tree.sameLineIndex(of: node))
        }

        /// A diagnostic located at this element (file, line and column of its start tag),
        /// or at one of its attributes (`attribute`, written as in the source: `xml:lang`).
        public func diagnostic(_ message: String, attribute: String? = nil, severity: Severity = .error) -> Diagnostic {
            var (line, column) = position
            if let attribute, column > 0, let place = tree.sourceLines.attributePosition(attribute, line: line, column: column, of: file) {
                (line, column) = place
            }
            return Diagnostic(file: file, line: line, column: column, message: message, severity: severity)
        }

        /// The attributes, in source order.
        public var attributes: [XMLAttribute] {
            var list: [XMLAttribute] = []
            var attribute = node.pointee.properties
            while let current = attribute {
                let name = current.pointee.name.map { String(cString: $0) } ?? ""
                let namespace = current.pointee.ns?.pointee.href.map { String(cString: $0) }
                let prefix = current.pointee.ns?.pointee.prefix.map { String(cString: $0) }
                var value = ""
                if let text = xmlNodeListGetString(tree.document, current.pointee.children, 1) {
                    value = String(cString: text)
                    pc_xml_free(text)
                }
                list.append(XMLAttribute(name: name, namespaceURI: namespace, prefix: prefix, value: value))
                attribute = current.pointee.next
            }
            return list
        }

        /// The value of an attribute; `namespace` nil means no namespace.
        public func attribute(_ name: String, namespace: String? = nil) -> String? {
            let value = namespace.map { xmlGetNsProp(node, name, $0) } ?? xmlGetNoNsProp(node, name)
            guard let value else { return nil }
            defer { pc_xml_free(value) }
            return String(cString: value)
        }

        /// The `xml:lang` in force here (inherited from ancestors).
        public var language: String? {
            guard let value = xmlNodeGetLang(node) else { return nil }
            defer { pc_xml_free(value) }
            return String(cString: value)
        }

        /// The child nodes, in order.
        public var children: [XMLTree.Node] {
            var list: [XMLTree.Node] = []
            var child = node.pointee.children
            while let current = child {
                switch current.pointee.type {
                case XML_ELEMENT_NODE:
                    list.append(.element(Element(tree: tree, node: current)))
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    list.append(.text(current.pointee.content.map { String(cString: $0) } ?? ""))
                case XML_COMMENT_NODE:
                    list.append(.comment(current.pointee.content.map { String(cString: $0) } ?? ""))
                case XML_PI_NODE:
                    let target = current.pointee.name.map { String(cString: $0) } ?? ""
                    list.append(.processingInstruction(target: target, data: current.pointee.content.map { String(cString: $0) } ?? ""))
                default:
                    break
                }
                child = current.pointee.next
            }
            return list
        }

        /// The child elements, in order.
        public var childElements: [Element] {
            var count = 0
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { count += 1 }
                child = current.pointee.next
            }
            var list: [Element] = []
            list.reserveCapacity(count)
            child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { list.append(Element(tree: tree, node: current)) }
                child = current.pointee.next
            }
            return list
        }

        /// The descendant elements with a local name, in document order; the inside of a
        /// match is not searched. A walk over the nodes, much cheaper than an XPath query.
        public func descendants(named name: String) -> [Element] {
            var found: [Element] = []
            let target = Array(name.utf8) + [0]
            func visit(_ parent: xmlNodePtr) {
                var child = parent.pointee.children
                while let current = child {
                    if current.pointee.type == XML_ELEMENT_NODE {
                        if xmlStrEqual(current.pointee.name, target) != 0 {
                            found.append(Element(tree: tree, node: current))
                        } else {
                            visit(current)
                        }
                    }
                    child = current.pointee.next
                }
            }
            visit(node)
            return found
        }

        /// The child elements with a local name (and namespace, when given).
        public func children(named name: String, namespace: String? = nil) -> [Element] {
            childElements.filter { $0.name == name && (namespace == nil || $0.namespaceURI == namespace) }
        }

        /// The first child element with a local name (and namespace, when given).
        public func firstChild(named name: String, namespace: String? = nil) -> Element? {
            children(named: name, namespace: namespace).first
        }

        /// All the text inside the element, markup removed.
        public var text: String {
            // One text child (the common case): its content, without copying it twice.
            if let only = node.pointee.children, only.pointee.next == nil, only.pointee.type == XML_TEXT_NODE {
                return only.pointee.content.map { String(cString: $0) } ?? ""
            }
            guard let content = xmlNodeGetContent(node) else { return "" }
            defer { pc_xml_free(content) }
            return String(cString: content)
        }

        /// The element as self-contained XML: namespace declarations it needs from
        /// its ancestors are added, so it can be stored and written back elsewhere.
        public var outerXML: String {
            guard let standalone = xmlNewDoc("1.0") else { return "" }
            defer { xmlFreeDoc(standalone) }
            guard let copy = xmlDocCopyNode(node, standalone, 1) else { return "" }
            xmlDocSetRootElement(standalone, copy)
            xmlReconciliateNs(standalone, copy)
            guard let buffer = xmlBufferCreate() else { return "" }
            defer { xmlBufferFree(buffer) }
            xmlNodeDump(buffer, standalone, copy, 0, 0)
            guard let content = xmlBufferContent(buffer) else { return "" }
            return String(cString: content)
        }

        /// The namespace declarations made on this element (prefix, "" for the default, to URI).
        public var namespaceDeclarations: [String: String] {
            var result: [String: String] = [:]
            var declaration = node.pointee.nsDef
            while let current = declaration {
                let prefix = current.pointee.prefix.map { String(cString: $0) } ?? ""
                result[prefix] = current.pointee.href.map { String(cString: $0) } ?? ""
                declaration = current.pointee.next
            }
            return result
        }

        /// The parent element, nil for the root.
        public var parent: Element? {
            guard let parent = node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
            return Element(tree: tree, node: parent)
        }
    }

    /// A node under an element.
    public enum Node: Sendable {
        case element(Element)
        case text(String)
        case comment(String)
        case processingInstruction(target: String, data: String)
    }
}

/// An attribute of an element.
public struct XMLAttribute: Equatable, Sendable {
    /// The local name.
    public let name: String
    /// The namespace URI, nil for an unprefixed attribute.
    public let namespaceURI: String?
    /// The prefix used in the source.
    public let prefix: String?
    /// The value, entities and character references resolved.
    public let value: String
}
