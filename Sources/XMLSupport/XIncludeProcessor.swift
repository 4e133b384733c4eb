import Base
import CLibXML2
import Foundation

extension XMLTree {
    /// Replaces every `xi:include` by the content it points to, refusing any file
    /// outside `root` (after resolving `..` and symbolic links) and any URL that is
    /// not a local file.
    ///
    /// Supports `parse="xml"` (default) and `parse="text"`, nested includes (each
    /// included file is parsed with the same secure defaults and its own includes
    /// processed, cycles refused) and `xi:fallback` when a file is missing. Included
    /// elements get an `xml:base` naming their file, so diagnostics point at it.
    ///
    /// libxml2's own XInclude reads any local file whatever the parse options, so
    /// Passerelle resolves includes itself.
    public func processXIncludes(confinedTo root: String) throws(XMLSupportError) {
        let processor = XIncludeProcessor(root: root, budget: XIncludeProcessor.Budget())
        try processor.process(tree: self, chain: [])
    }
}

/// Resolves XIncludes within one folder.
struct XIncludeProcessor {
    static let namespaces: Set<String> = ["http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude"]
    static let maxDepth = 32
    /// What one document may pull in, all includes together: files that include each other
    /// ten times over, seven levels deep, would otherwise make 10 million elements out of
    /// seven small files.
    static let maxBytes = 10 << 20, maxElements = 100_000, maxInclusionsOfOneFile = 100

    /// What the includes of one document have used so far.
    final class Budget {
        var bytes = 0
        var elements = 0
        var inclusions: [String: Int] = [:]
    }

    let root: String
    let budget: Budget

    func process(tree: XMLTree, chain: [String]) throws(XMLSupportError) {
        for include in includes(in: tree) {
            try replace(include, in: tree, chain: chain)
        }
    }

    /// The `xi:include` elements of the tree, outside any `xi:fallback`.
    private func includes(in tree: XMLTree) -> [XMLTree.Element] {
        var found: [XMLTree.Element] = []
        var stack = [tree.root]
        while let element = stack.popLast() {
            if let namespace = element.namespaceURI, XIncludeProcessor.namespaces.contains(namespace) {
                if element.name == "include" { found.append(element) }
                continue
            }
            stack.append(contentsOf: element.childElements.reversed())
        }
        return found
    }

    private func replace(_ include: XMLTree.Element, in tree: XMLTree, chain: [String]) throws(XMLSupportError) {
        guard let href = include.attribute("href"), !href.isEmpty else {
            throw .include(include.diagnostic("xi:include needs an href (xpointer-only includes are not supported)"))
        }
        if include.attribute("xpointer") != nil {
            throw .include(include.diagnostic("xi:include with xpointer is not supported; include a whole file"))
        }
        let base = include.file
        guard let path = LocalPath.resolve(href, relativeTo: base) else {
            throw .include(include.diagnostic("xi:include of '\(href)' refused: only local files are included"))
        }
        guard LocalPath.isInside(path, root: root) else {
            throw .include(include.diagnostic("xi:include of '\(href)' refused: it is outside the folder '\(root)'"))
        }
        if chain.contains(path) || chain.count >= XIncludeProcessor.maxDepth {
            throw .include(include.diagnostic("xi:include of '\(href)' refused: it includes itself (directly or not)"))
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            if let fallback = include.childElements.first(where: { $0.name == "fallback" && XIncludeProcessor.namespaces.contains($0.namespaceURI ?? "") }) {
                splice(children: fallback, over: include)
                return
            }
            throw .include(include.diagnostic("xi:include of '\(href)': no such file"))
        }
        let mode = include.attribute("parse") ?? "xml"
        try spend(on: path, href: href, include: include, chain: chain)
        switch mode {
        case "xml":
            let included = try XMLTree.parse(file: path)
            budget.elements += Self.elementCount(included.root.node)
            if budget.elements > Self.maxElements {
                throw .include(include.diagnostic("xi:include of '\(href)' refused: the document's includes hold more than \(Self.maxElements) elements "
                    + "(include chain: \(Self.describe(chain + [path])))"))
            }
            try process(tree: included, chain: chain + [path])
            tree.sourceFingerprints.merge(included.sourceFingerprints) { first, _ in first }
            guard let copy = xmlDocCopyNode(xmlDocGetRootElement(included.document), tree.document, 1) else {
                throw .include(include.diagnostic("xi:include of '\(href)': out of memory"))
            }
            if XMLTree.originFile(of: copy) == nil { xmlNodeSetBase(copy, path) }
            xmlAddPrevSibling(include.node, copy)
            remove(include.node)
        case "text":
            guard let data = FileManager.default.contents(atPath: path),
                  let text = String(data: data, encoding: .utf8) else {
                throw .include(include.diagnostic("xi:include of '\(href)': the file is not UTF-8 text"))
            }
            xmlAddPrevSibling(include.node, xmlNewDocText(tree.document, text))
            remove(include.node)
        default:
            throw .include(include.diagnostic("xi:include has parse=\"\(mode)\"; use \"xml\" or \"text\""))
        }
    }

    /// Counts an inclusion of `path` and its size against the document's budget.
    private func spend(on path: String, href: String, include: XMLTree.Element, chain: [String]) throws(XMLSupportError) {
        let size = FileSize.of(path)
        budget.bytes += size
        budget.inclusions[path, default: 0] += 1
        if budget.inclusions[path, default: 0] > Self.maxInclusionsOfOneFile {
            throw .include(include.diagnostic("xi:include of '\(href)' refused: the file is included more than \(Self.maxInclusionsOfOneFile) times "
                + "(include chain: \(Self.describe(chain + [path])))"))
        }
        if budget.bytes > Self.maxBytes {
            throw .include(include.diagnostic("xi:include of '\(href)' refused: the document's includes add up to more than \(Self.maxBytes >> 20) MB "
                + "(include chain: \(Self.describe(chain + [path])))"))
        }
    }

    /// The elements under `node`, itself included.
    private static func elementCount(_ node: xmlNodePtr) -> Int {
        var count = 0
        var stack = [node]
        while let current = stack.popLast() {
            count += 1
            var child = current.pointee.children
            while let next = child {
                if next.pointee.type == XML_ELEMENT_NODE { stack.append(next) }
                child = next.pointee.next
            }
        }
        return count
    }

    private static func describe(_ chain: [String]) -> String {
        chain.map { ($0 as NSString).lastPathComponent }.joined(separator: " → ")
    }

    /// Moves the children of `fallback` in place of `include`.
    private func splice(children fallback: XMLTree.Element, over include: XMLTree.Element) {
        var child = fallback.node.pointee.children
        while let current = child {
            child = current.pointee.next
            xmlUnlinkNode(current)
            xmlAddPrevSibling(include.node, current)
        }
        remove(include.node)
    }

    private func remove(_ node: xmlNodePtr) {
        xmlUnlinkNode(node)
        xmlFreeNode(node)
    }
}
