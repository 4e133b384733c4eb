import Base
import Foundation
import XMLSupport

/// Checks a TBX document before it is imported: core structure for v2 and v3,
/// and the data categories and picklists of TBX-Basic and TBX-Min. Every problem
/// is a diagnostic naming the element, its line and what to do.
struct TBXValidator {
    let version: TBXVersion
    let dialect: TBXDialect
    private(set) var problems: [Diagnostic] = []

    init(root: XMLTree.Element, version: TBXVersion) {
        self.init(type: root.attribute("type"), version: version)
    }

    /// A validator for a document whose root says `type` (TBX-Basic, TBX-Min ...).
    init(type: String?, version: TBXVersion) {
        self.version = version
        self.dialect = TBXDialect.named(type)
    }

    /// Checks one part of a document read as a stream (the header, one entry).
    mutating func checkPart(_ element: XMLTree.Element) {
        check(element, parent: nil)
    }

    /// All problems of the document (empty when it can be imported).
    static func problems(of tree: XMLTree, version: TBXVersion) -> [Diagnostic] {
        var validator = TBXValidator(root: tree.root, version: version)
        validator.check(tree.root, parent: nil)
        return validator.problems
    }

    private mutating func report(_ element: XMLTree.Element, _ message: String) {
        problems.append(element.diagnostic(message))
    }

    private mutating func check(_ element: XMLTree.Element, parent: XMLTree.Element?) {
        let isTBX = version == .v3 ? element.namespaceURI == TBXDialect.v3Namespace : element.namespaceURI == nil
        if isTBX {
            checkCore(element)
        } else if version == .v3, dialect.allowed != nil, let module = element.namespaceURI, module.contains("tbxinfo.net") {
            // DCT style: the element name is the data category.
            checkCategory(element.name, value: element.text, element: element, parent: parent)
        }
        // Inline markup and foreign vocabularies are not checked further.
        if isTBX && Self.unchecked.contains(element.name) { return }
        for child in element.childElements { check(child, parent: element) }
    }

    /// Checks an element met between the parts of a streamed document (the root, <text>,
    /// <body>, <back> ...; headers and entries go to ``checkPart(_:)``): whether TBX has
    /// it, and what <text> may hold.
    mutating func checkBetweenParts(_ element: XMLStreamReader.StartElement, parent: String?, file: String) {
        let isTBX = version == .v3 ? element.namespaceURI == TBXDialect.v3Namespace : element.namespaceURI == nil
        guard isTBX else { return }
        var message: String?
        if !TBXDialect.coreElements.contains(element.name) {
            message = Self.unknownElement(element.name)
        } else if parent == "text" && !["body", "back"].contains(element.name) {
            message = Self.notInText(element.name)
        }
        if let message { problems.append(Diagnostic(file: file, line: element.line, column: element.column, message: message)) }
    }

    private static func unknownElement(_ name: String) -> String {
        "<\(name)> is not a TBX element; check its spelling (for example <transac>, <note>)"
    }

    private static func notInText(_ name: String) -> String {
        "<\(name)> may not be a child of <text>; only <body> and <back>"
    }

    /// TBX elements whose content is inline markup or foreign vocabulary: not checked further.
    private static let unchecked: Set<String> = ["term", "p", "note", "hi", "foreign"]

    private mutating func checkCore(_ element: XMLTree.Element) {
        let name = element.name
        guard TBXDialect.coreElements.contains(name) else {
            report(element, Self.unknownElement(name))
            return
        }
        let children = element.childElements
        switch name {
        case "conceptEntry", "termEntry":
            if version == .v3 && element.attribute("id") == nil { report(element, "<\(name)> needs an id attribute") }
            if dialect.name == "TBX-Basic" {
                for admin in children where admin.name == "admin" && admin.attribute("type") == "source" {
                    report(admin, "a source at concept level must be grouped with its definition in a <descripGrp>")
                }
            }
        case "langSet", "langSec":
            if element.attribute("lang", namespace: "http://www.w3.org/XML/1998/namespace") == nil {
                report(element, "<\(name)> needs an xml:lang attribute naming its language")
            }
        case "termSec", "tig":
            let terms = children.filter { $0.name == "term" }
            if terms.count != 1 { report(element, "<\(name)> must hold exactly one <term> (found \(terms.count))") }
            if children.first?.name != "term" { report(element, "<term> must come first in <\(name)>") }
            if dialect.name == "TBX-Basic" {
                for definition in children where definition.name == "descrip" && definition.attribute("type") == "definition" {
                    report(definition, "a definition belongs to the concept or language level, not to a term")
                }
            }
        case "descripGrp":
            let descrips = children.filter { $0.name == "descrip" }
            if descrips.count > 1 { report(element, "<descripGrp> may hold only one <descrip> (found \(descrips.count))") }
        case "text":
            for child in children where !["body", "back"].contains(child.name) {
                report(child, Self.notInText(child.name))
            }
        case "sourceDesc", "titleStmt", "publicationStmt", "encodingDesc", "revisionDesc":
            let hasLooseText = element.children.contains { node in
                if case let .text(text) = node { return !text.trimmedWhitespace.isEmpty }
                return false
            }
            if hasLooseText && version == .v3 { report(element, "text in <\(name)> must be wrapped in <p>") }
        case "descrip", "termNote", "admin", "xref", "ref", "transac", "transacNote":
            guard let type = element.attribute("type") else {
                if version == .v3 { report(element, "<\(name)> needs a type attribute naming its data category") }
                return
            }
            if let allowed = dialect.allowed {
                guard allowed[name]?.contains(type) == true else {
                    let list = allowed[name].map { $0.sorted().joined(separator: ", ") } ?? "none"
                    report(element, "\(dialect.name) does not allow <\(name) type=\"\(type)\">; allowed types: \(list)")
                    return
                }
            }
            checkCategory(type, value: element.text, element: element, parent: nil)
        default:
            break
        }
    }

    private mutating func checkCategory(_ category: String, value: String, element: XMLTree.Element, parent: XMLTree.Element?) {
        guard dialect.allowed != nil, let picklist = TBXDialect.picklists[category] else { return }
        let trimmed = value.trimmedWhitespace
        if !picklist.contains(trimmed) {
            report(element, "'\(trimmed)' is not a value of \(category); use one of \(picklist.sorted().joined(separator: ", "))")
        }
    }
}
