import Base
import CLibXML2
import Foundation

/// A parsed XML document, read with secure defaults.
///
/// Parsing never touches the network, never loads a DTD or an external entity,
/// refuses documents that reference external entities, bounds the expansion of
/// internal entities, refuses encodings that hide markup (UTF-7), and reports
/// problems as ``Diagnostic``s with file, line and column.
///
/// ```swift
/// let tree = try XMLTree.parse(file: "glossaries/ess.xml")
/// for concept in tree.root.children(named: "concept") {
///     print(concept.attribute("id") ?? "?", concept.line)
/// }
/// ```
///
/// The tree is not thread-safe for mutation (XInclude); reading from several
/// tasks is fine.
public final class XMLTree: @unchecked Sendable {
    /// The name diagnostics use for this document (usually its path).
    public let sourceName: String
    let document: xmlDocPtr
    /// Source text, read again only when a diagnostic needs a column (shared by the parts
    /// of one streamed file).
    let sourceLines: SourceLines
    /// For each element, how many elements of its name start before it on its line: made
    /// in one pass when a column is first asked for (a file written on one line would
    /// otherwise cost a walk back over the line per element).
    let sameLineIndices = SameLineIndices()

    /// A fingerprint of the bytes of every file read to build this tree (the document
    /// and the files it includes), by path: an edit made later can make sure that the
    /// file is still what was parsed (``SourceText/fingerprint(of:)``).
    public internal(set) var sourceFingerprints: [String: UInt64] = [:]

    /// The most text internal entities may add, whatever the input's size
    /// (libxml2's own good.xml test expands to 0.6 MB, goodattr.xml to 1.7 MB).
    static let expansionFloor = 8_000_000
    /// The most text internal entities may add per byte of input.
    static let expansionFactor = 4

    /// False for the documents of a streaming reader, which the reader frees.
    private let ownsDocument: Bool
    /// For the part of a streamed document a reader hands out: the element it starts at, and
    /// the tags the stream counted before it on its line (the nodes before it are freed, so
    /// columns cannot be counted from the document's root).
    let streamedPart: (root: xmlNodePtr, line: Int, counts: [String: Int])?

    init(document: xmlDocPtr, sourceName: String, ownsDocument: Bool = true,
         streamedPart: (root: xmlNodePtr, line: Int, counts: [String: Int])? = nil, sourceLines: SourceLines = SourceLines()) {
        self.document = document
        self.sourceLines = sourceLines
        self.sourceName = sourceName
        self.ownsDocument = ownsDocument
        self.streamedPart = streamedPart
    }

    deinit { if ownsDocument { xmlFreeDoc(document) } }

    /// Reads and parses a file.
    public static func parse(file path: String) throws(XMLSupportError) -> XMLTree {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file"
            throw .unreadable(path: path, reason: reason)
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let tree = try parse(data: data, sourceName: path, baseURL: absolute)
        tree.sourceFingerprints[path] = SourceText.fingerprint(of: data)
        return tree
    }

    /// Parses XML held in memory. `sourceName` names it in diagnostics; `baseURL`
    /// (a path) is where relative XIncludes are resolved from.
    public static func parse(data: Data, sourceName: String, baseURL: String? = nil) throws(XMLSupportError) -> XMLTree {
        if let problem = XMLEncodingGuard.problem(in: data, file: sourceName) {
            throw .malformed([problem])
        }
        if let problem = XMLShapeGuard.problem(in: data, file: sourceName) {
            throw .malformed([problem])
        }
        let result: Result<XMLTree, XMLSupportError> = LibXML.collectingErrors(file: sourceName) { sink in
            guard let context = xmlNewParserCtxt() else {
                return .failure(.malformed([Diagnostic(file: sourceName, line: 0, message: "out of memory")]))
            }
            defer { xmlFreeParserCtxt(context) }
            let document = data.withUnsafeBytes { bytes in
                xmlCtxtReadMemory(context, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count),
                                  baseURL ?? sourceName, nil, LibXML.secureOptions)
            }
            let errors = sink.errors
            guard let document, context.pointee.wellFormed != 0, errors.isEmpty else {
                if let document { xmlFreeDoc(document) }
                // The first error only: libxml2 goes on past it, and what it says next is
                // mostly a consequence (a missing quote becomes four errors about end tags).
                let list = errors.isEmpty
                    ? [Diagnostic(file: sourceName, line: 0, message: "the document is not well-formed XML")] : [errors[0]]
                return .failure(.malformed(list))
            }
            // The encoding libxml2 decoded with (a declaration the check before parsing missed).
            if let name = document.pointee.encoding.map({ String(cString: $0) }),
               let problem = XMLEncodingGuard.problem(withParsedEncoding: name, file: sourceName) {
                xmlFreeDoc(document)
                return .failure(.malformed([problem]))
            }
            let tree = XMLTree(document: document, sourceName: sourceName)
            do throws(XMLSupportError) {
                try tree.replaceEntityReferences(budget: max(expansionFloor, data.count * expansionFactor))
            } catch {
                return .failure(error)
            }
            guard xmlDocGetRootElement(document) != nil else {
                return .failure(.malformed([Diagnostic(file: sourceName, line: 1, message: "the document has no root element")]))
            }
            tree.removeWrittenBases()
            return .success(tree)
        }
        return try result.get()
    }

    /// The root element.
    public var root: Element {
        Element(tree: self, node: xmlDocGetRootElement(document)!)
    }

    /// The document as XML text (UTF-8), with everything it holds: elements and
    /// attributes of every namespace, comments, processing instructions.
    public func serialized() -> String {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var length: Int32 = 0
        xmlDocDumpMemoryEnc(document, &buffer, &length, "UTF-8")
        defer { pc_xml_free(buffer) }
        guard let buffer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: buffer, count: Int(length)), as: UTF8.self)
    }

    /// The file a node came from: the nearest `xml:base` set by XInclude, else the document.
    /// Removes every `xml:base` the file itself writes. The file an element comes from is
    /// the one Passerelle read it from: only XInclude sets `xml:base` (on each included
    /// root, after this), so a document cannot make a stamp or a merge edit, or a check
    /// read, a file of its choosing (`<text xml:base="/etc/shadow">`).
    private func removeWrittenBases() {
        guard let root = xmlDocGetRootElement(document) else { return }
        var stack: [xmlNodePtr] = [root]
        while let node = stack.popLast() {
            if let base = xmlHasNsProp(node, "base", "http://www.w3.org/XML/1998/namespace"), base.pointee.type == XML_ATTRIBUTE_NODE { xmlRemoveProp(base) }
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { stack.append(current) }
                child = current.pointee.next
            }
        }
    }

    static func originFile(of node: xmlNodePtr) -> String? {
        var current: xmlNodePtr? = node
        while let candidate = current, candidate.pointee.type == XML_ELEMENT_NODE || candidate.pointee.type == XML_TEXT_NODE {
            if candidate.pointee.type == XML_ELEMENT_NODE,
               let base = xmlGetNsProp(candidate, "base", "http://www.w3.org/XML/1998/namespace") {
                defer { pc_xml_free(base) }
                return String(cString: base)
            }
            current = candidate.pointee.parent
        }
        return nil
    }

    // MARK: Entities

    /// Replaces every entity reference by a copy of the entity's content, so that
    /// readers never meet one. External entities are refused; internal ones may add
    /// at most `budget` characters (against billion-laughs and quadratic blow-ups).
    private func replaceEntityReferences(budget: Int) throws(XMLSupportError) {
        var remaining = budget
        var stack: [xmlNodePtr] = [xmlDocGetRootElement(document)].compactMap { $0 }
        while let node = stack.popLast() {
            try flattenAttributeEntities(of: node, remaining: &remaining)
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ENTITY_REF_NODE {
                    // Continue with the copies: they may hold references too.
                    child = try expand(reference: current, remaining: &remaining)
                    continue
                }
                if current.pointee.type == XML_ELEMENT_NODE { stack.append(current) }
                child = current.pointee.next
            }
        }
    }

    /// Gives attributes that hold entity references their expanded value as plain text.
    private func flattenAttributeEntities(of element: xmlNodePtr, remaining: inout Int) throws(XMLSupportError) {
        var attribute = element.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            var hasReference = false
            var child = current.pointee.children
            while let node = child {
                if node.pointee.type == XML_ENTITY_REF_NODE { hasReference = true }
                child = node.pointee.next
            }
            guard hasReference else { continue }
            var value = ""
            child = current.pointee.children
            while let node = child {
                if node.pointee.type == XML_ENTITY_REF_NODE {
                    try appendExpansion(of: node.pointee.name.map { String(cString: $0) } ?? "", line: Int(xmlGetLineNo(element)),
                                        to: &value, remaining: &remaining, depth: 0)
                } else if let content = node.pointee.content {
                    value += String(cString: content)
                }
                child = node.pointee.next
            }
            xmlSetNsProp(element, current.pointee.ns, current.pointee.name, value)
        }
    }

    /// Appends the replacement text of an internal entity, expanding the references it holds.
    private func appendExpansion(of name: String, line: Int, to value: inout String, remaining: inout Int, depth: Int) throws(XMLSupportError) {
        guard depth < 40, let entity = xmlGetDocEntity(document, name) else {
            throw .malformed([Diagnostic(file: sourceName, line: line, message: "cannot expand entity '&\(name);' in an attribute")])
        }
        guard entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY || entity.pointee.etype == XML_INTERNAL_PREDEFINED_ENTITY else {
            throw .malformed([Diagnostic(
                file: sourceName, line: line,
                message: "the document refers to the external entity '&\(name);'; Passerelle never loads external entities")])
        }
        let content = entity.pointee.content.map { String(cString: $0) } ?? ""
        var rest = content[...]
        while let ampersand = rest.firstIndex(of: "&") {
            value += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            if let semicolon = rest[afterAmpersand...].firstIndex(of: ";"),
               case let inner = String(rest[afterAmpersand..<semicolon]), !inner.isEmpty, !inner.hasPrefix("#"),
               xmlGetDocEntity(document, inner) != nil {
                try appendExpansion(of: inner, line: line, to: &value, remaining: &remaining, depth: depth + 1)
                rest = rest[rest.index(after: semicolon)...]
            } else {
                value += "&"
                rest = rest[afterAmpersand...]
            }
        }
        value += rest
        remaining -= max(content.utf8.count, 1)
        if remaining < 0 {
            throw .malformed([Diagnostic(
                file: sourceName, line: line,
                message: "entity expansion exceeds the limit (billion-laughs or quadratic blow-up?)")])
        }
    }

    /// Replaces one reference by copies of its entity's content and returns the
    /// first node inserted (or the node after the reference when none was).
    private func expand(reference: xmlNodePtr, remaining: inout Int) throws(XMLSupportError) -> xmlNodePtr? {
        let name = reference.pointee.name.map { String(cString: $0) } ?? "?"
        let line = Int(xmlGetLineNo(reference))
        guard let entity = xmlGetDocEntity(document, reference.pointee.name) else {
            throw .malformed([Diagnostic(file: sourceName, line: line, message: "undefined entity '&\(name);'")])
        }
        if entity.pointee.etype != XML_INTERNAL_GENERAL_ENTITY && entity.pointee.etype != XML_INTERNAL_PREDEFINED_ENTITY {
            throw .malformed([Diagnostic(
                file: sourceName, line: line,
                message: "the document refers to the external entity '&\(name);'; Passerelle never loads external entities")])
        }
        let contentLength = entity.pointee.content.map { strlen($0) } ?? 0
        remaining -= max(Int(contentLength), 1)
        if remaining < 0 {
            throw .malformed([Diagnostic(
                file: sourceName, line: line,
                message: "entity expansion exceeds the limit (billion-laughs or quadratic blow-up?)")])
        }
        let after = reference.pointee.next
        let copies = entity.pointee.children.flatMap { xmlDocCopyNodeList(document, $0) }
            ?? entity.pointee.content.flatMap { xmlNewDocText(document, $0) }
        var first: xmlNodePtr?
        var cursor = copies
        var anchor = reference
        while let current = cursor {
            cursor = current.pointee.next
            xmlUnlinkNode(current)
            current.pointee.next = nil
            current.pointee.prev = nil
            anchor = xmlAddPrevSibling(reference, current) ?? anchor
            if first == nil { first = anchor }
        }
        xmlUnlinkNode(reference)
        xmlFreeNode(reference)
        return first ?? after
    }
}
