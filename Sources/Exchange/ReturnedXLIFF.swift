import Base
import Foundation
import XMLSupport

/// An XLIFF file a translator sends back (2.x or 1.2, as written by ``XLIFFDocument``
/// and saved by a CAT tool): which document and languages it is for, and each unit's
/// target as text and codes, with where each code is (for the messages).
public struct ReturnedXLIFF: Sendable {
    /// A target's content: text, and codes by id (term markers and segment markers unwrapped).
    public enum Token: Equatable, Sendable {
        case text(String)
        case open(id: String, at: SourceLocation)
        case close(id: String)
        case placeholder(id: String, at: SourceLocation)
    }

    /// One unit as returned.
    public struct Unit: Sendable {
        public let id: String
        /// `psl:sourceHash`, as extracted.
        public let sourceHash: String?
        /// Nil when the unit has no target.
        public let target: [Token]?
        public let location: SourceLocation

        /// True when the target holds no words and no codes.
        public var isEmpty: Bool {
            guard let target else { return true }
            return target.allSatisfy { if case let .text(text) = $0 { text.allSatisfy(\.isWhitespace) } else { false } }
        }
    }

    public let version: String
    public let documentID: String?
    public let sourceLanguage: String?
    public let targetLanguage: String?
    public let units: [Unit]
    /// Markup a merge cannot take (an unknown code element, a code without its id), at file:line:column.
    public let problems: [Diagnostic]

    /// Reads `file`; a malformed file or one that is not XLIFF throws with file:line:column.
    public init(file: String) throws(ExchangeError) {
        let tree: XMLTree
        do {
            tree = try XMLTree.parse(file: file)
        } catch {
            throw .invalid(error.diagnostics)
        }
        let root = tree.root
        var reader = Reader()
        switch (root.name, root.namespaceURI) {
        case ("xliff", XLIFF2Writer.core?), ("xliff", "urn:oasis:names:tc:xliff:document:2.2"?):
            version = root.attribute("version") ?? "2.0"
            sourceLanguage = root.attribute("srcLang")
            targetLanguage = root.attribute("trgLang")
            let fileElement = root.firstChild(named: "file", namespace: root.namespaceURI)
            documentID = fileElement?.attribute("document", namespace: XLIFFDocument.namespace)
            units = root.descendants(named: "unit").map { reader.unit2($0) }
        case ("xliff", XLIFF12Writer.core?):
            version = "1.2"
            let fileElement = root.firstChild(named: "file", namespace: XLIFF12Writer.core)
            sourceLanguage = fileElement?.attribute("source-language")
            targetLanguage = fileElement?.attribute("target-language")
            let notes = fileElement?.firstChild(named: "header", namespace: XLIFF12Writer.core)?.children(named: "note", namespace: XLIFF12Writer.core) ?? []
            documentID = notes.map(\.text).first { $0.hasPrefix(XLIFF12Writer.documentNote) }.map { String($0.dropFirst(XLIFF12Writer.documentNote.count)) }
            units = root.descendants(named: "trans-unit").map { reader.unit12($0) }
        default:
            throw .invalid([root.diagnostic("not an XLIFF file: the root must be <xliff> in the XLIFF 2 or 1.2 namespace (a file written by passerelle extract)")])
        }
        problems = reader.problems
    }

    /// Reads units and their targets, gathering what it cannot take.
    private struct Reader {
        var problems: [Diagnostic] = []

        static func location(_ element: XMLTree.Element) -> SourceLocation {
            SourceLocation(file: element.file, line: element.line, column: element.column)
        }

        mutating func unit2(_ element: XMLTree.Element) -> Unit {
            let namespace = element.namespaceURI
            let segments = element.children(named: "segment", namespace: namespace)
            let targets = segments.compactMap { $0.firstChild(named: "target", namespace: namespace) }
            var tokens: [Token] = []
            for target in targets { tokens += self.tokens(target, version2: true) }
            return Unit(id: element.attribute("id") ?? "", sourceHash: element.attribute("sourceHash", namespace: XLIFFDocument.namespace),
                        target: targets.isEmpty ? nil : tokens, location: Self.location(element))
        }

        mutating func unit12(_ element: XMLTree.Element) -> Unit {
            let target = element.firstChild(named: "target", namespace: XLIFF12Writer.core)
            let contexts = element.children(named: "context-group", namespace: XLIFF12Writer.core).flatMap { $0.children(named: "context", namespace: XLIFF12Writer.core) }
            let hash = contexts.first { $0.attribute("context-type") == XLIFF12Writer.hashContext }?.text
            return Unit(id: element.attribute("id") ?? "", sourceHash: hash,
                        target: target.map { tokens($0, version2: false) }, location: Self.location(element))
        }

        /// The content of a target: pc/ph/sc/ec (2.x), g/x/bx/ex (1.2); mrk unwrapped.
        mutating func tokens(_ element: XMLTree.Element, version2: Bool) -> [Token] {
            var tokens: [Token] = []
            for node in element.children {
                switch node {
                case let .text(text):
                    tokens.append(.text(text))
                case let .element(child):
                    let id = child.attribute("id")
                    switch (version2, child.name) {
                    case (_, "mrk"):
                        tokens += self.tokens(child, version2: version2)
                    case (true, "pc"), (false, "g"):
                        guard let id else { missingID(child); continue }
                        tokens.append(.open(id: id, at: Self.location(child)))
                        tokens += self.tokens(child, version2: version2)
                        tokens.append(.close(id: id))
                    case (true, "ph"), (false, "x"):
                        guard let id else { missingID(child); continue }
                        tokens.append(.placeholder(id: id, at: Self.location(child)))
                    case (true, "sc"), (false, "bx"):
                        guard let id = version2 ? id : child.attribute("rid") ?? id else { missingID(child); continue }
                        tokens.append(.open(id: id, at: Self.location(child)))
                    case (true, "ec"), (false, "ex"):
                        guard let id = version2 ? child.attribute("startRef") ?? id : child.attribute("rid") ?? id else { missingID(child); continue }
                        tokens.append(.close(id: id))
                    default:
                        problems.append(child.diagnostic("<\(child.name)> in a target cannot be merged: keep the codes as they were extracted "
                            + (version2 ? "(pc, ph)" : "(g, x)")))
                    }
                default:
                    break
                }
            }
            return tokens
        }

        mutating func missingID(_ element: XMLTree.Element) {
            problems.append(element.diagnostic("<\(element.name)> has no id: each code must come back with the id it was extracted with"))
        }
    }
}
