import Base
import XMLSupport

/// Checks an XLIFF 1.2 document against the rules of the 1.2 specification a merge and a
/// CAT tool rely on: the root and version, each file's required attributes and body,
/// unit ids unique in their file, one source and at most one target per unit, the target
/// states of the specification (or `x-` ones), ids on inline codes, `mtype` on markers,
/// and no element of the 1.2 namespace that the specification does not define. Each
/// problem at the element's file:line:column.
struct XLIFF12Validator {
    static let namespace = "urn:oasis:names:tc:xliff:document:1.2"

    static let elements: Set<String> = [
        "xliff", "file", "header", "skl", "internal-file", "external-file", "glossary", "reference", "phase-group", "phase", "tool",
        "note", "context-group", "context", "count-group", "count", "prop-group", "prop", "body", "group", "trans-unit", "source",
        "seg-source", "target", "alt-trans", "bin-unit", "bin-source", "bin-target", "g", "x", "bx", "ex", "bpt", "ept", "ph", "it",
        "mrk", "sub",
    ]
    static let states: Set<String> = [
        "final", "needs-adaptation", "needs-l10n", "needs-review-adaptation", "needs-review-l10n", "needs-review-translation",
        "needs-translation", "new", "signed-off", "translated",
    ]
    /// Inline elements that need an id.
    static let codesWithID: Set<String> = ["g", "x", "bx", "ex", "bpt", "ept", "ph", "it"]

    private var problems: [Diagnostic] = []

    /// Every problem of the document, in document order.
    func validating(_ tree: XMLTree) -> [Diagnostic] {
        var validator = self
        validator.validate(tree.root)
        return validator.problems
    }

    private mutating func report(_ element: XMLTree.Element, _ message: String, attribute: String? = nil) {
        problems.append(element.diagnostic("XLIFF 1.2: " + message, attribute: attribute))
    }

    private mutating func validate(_ root: XMLTree.Element) {
        guard root.name == "xliff", root.namespaceURI == Self.namespace else {
            report(root, "the root must be <xliff xmlns=\"\(Self.namespace)\" version=\"1.2\">")
            return
        }
        if root.attribute("version") != "1.2" { report(root, "version must be \"1.2\"", attribute: "version") }
        let files = root.children(named: "file", namespace: Self.namespace)
        if files.isEmpty { report(root, "<xliff> needs at least one <file>") }
        for file in files { check(file: file) }
        walk(root)
    }

    private mutating func check(file: XMLTree.Element) {
        for name in ["original", "source-language", "datatype"] where file.attribute(name) == nil {
            report(file, "<file> needs \(name)=\"...\"")
        }
        let children = file.childElements.filter { $0.namespaceURI == Self.namespace }
        let bodies = children.filter { $0.name == "body" }
        if bodies.count != 1 { report(file, "<file> needs one <body> (after an optional <header>)") }
        if let header = children.firstIndex(where: { $0.name == "header" }), header != 0 { report(children[header], "<header> must come first in <file>") }
        var ids: [String: Int] = [:]
        for unit in file.descendants(named: "trans-unit") {
            guard let id = unit.attribute("id") else {
                report(unit, "<trans-unit> needs id=\"...\"")
                continue
            }
            if let line = ids[id] { report(unit, "the id '\(id)' is already used on line \(line) of this <file>", attribute: "id") }
            ids[id] = unit.line
            check(unit: unit)
        }
    }

    private mutating func check(unit: XMLTree.Element) {
        let children = unit.childElements.filter { $0.namespaceURI == Self.namespace }
        if children.first?.name != "source" { report(unit, "<trans-unit> must start with one <source>") }
        if children.filter({ $0.name == "source" }).count > 1 { report(unit, "<trans-unit> has more than one <source>") }
        let targets = children.filter { $0.name == "target" }
        if targets.count > 1 { report(targets[1], "<trans-unit> has more than one <target>") }
        for target in targets {
            if let state = target.attribute("state"), !Self.states.contains(state), !state.hasPrefix("x-") {
                report(target, "state=\"\(state)\" is not a state of XLIFF 1.2 (final, needs-translation, needs-review-translation, translated, ... or x-NAME)",
                       attribute: "state")
            }
        }
    }

    /// Elements the 1.2 namespace does not define, codes without an id, markers without mtype.
    private mutating func walk(_ element: XMLTree.Element) {
        for child in element.childElements {
            if child.namespaceURI == Self.namespace {
                if !Self.elements.contains(child.name) {
                    report(child, "<\(child.name)> is not an element of XLIFF 1.2")
                } else if Self.codesWithID.contains(child.name), child.attribute("id") == nil {
                    report(child, "<\(child.name)> needs id=\"...\"")
                } else if child.name == "mrk", child.attribute("mtype") == nil {
                    report(child, "<mrk> needs mtype=\"...\" (term, seg, protected ... or x-NAME)")
                }
            }
            walk(child)
        }
    }
}

/// Validation of an XLIFF file, 2.x or 1.2 as its namespace says, for `passerelle validate`.
public enum XLIFFValidation {
    /// Every problem of the XLIFF file at `path`, at file:line:column (a malformed file: where it breaks).
    public static func problems(in path: String) -> [Diagnostic] {
        let tree: XMLTree
        do {
            if BilingualReader.size(of: path) > BilingualReader.validationLimit, BilingualFormat.detect(file: path) == .xliff2 {
                return try XLIFF2Validator().validating(XMLStreamReader(file: path))
            }
            tree = try XMLTree.parse(file: path)
        } catch {
            return error.diagnostics
        }
        if tree.root.namespaceURI == XLIFF12Validator.namespace { return XLIFF12Validator().validating(tree) }
        return XLIFF2Validator().validating(tree)
    }
}
