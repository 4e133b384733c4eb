import Foundation

/// What a RELAX NG schema allows, element by element, read from the schema itself:
/// for each element (in each parent), its attributes with their values, and the child
/// elements allowed in it. It turns libxml2's validation errors ("Element event failed
/// to validate attributes") into what to write (``explain(_:)``).
///
/// The schema may say in words what a value must look like, with the attribute
/// `h:expect` (namespace `urn:passerelle:schema-hints:1`) on a `data`, `ref`,
/// `attribute` or `define`; otherwise the datatype says it ("a date written YYYY-MM-DD").
struct SchemaGuide: Sendable {
    static let relaxNG = "http://relaxng.org/ns/structure/1.0"
    static let hints = "urn:passerelle:schema-hints:1"

    /// One attribute an element may carry.
    struct Attribute: Sendable {
        var name: String
        var required: Bool
        var value: SchemaValueRule
    }

    /// What one element may hold.
    struct ElementRule: Sendable {
        var name: String
        var attributes: [Attribute] = []
        /// Attributes of other namespaces are allowed.
        var foreignAttributes = false
        /// The child elements allowed, in the schema's order.
        var children: [String] = []

        func attribute(_ name: String) -> Attribute? { attributes.first { $0.name == name } }
    }

    /// The namespace of the grammar's elements (its `ns` attribute).
    let namespace: String?
    /// Rules by "parent/name" ("/document" for the root).
    private(set) var rules: [String: ElementRule] = [:]
    private var defines: [String: XMLTree.Element] = [:]

    init(schema tree: XMLTree) {
        namespace = tree.root.attribute("ns")
        for define in Self.descendants(of: tree.root, named: "define") {
            if let name = define.attribute("name") { defines[name] = define }
        }
        var top = ElementRule(name: "")
        for start in Self.descendants(of: tree.root, named: "start") {
            walk(start.childElements, into: &top, optional: false, parent: "", visiting: [])
        }
    }

    /// The rule of element `name` inside `parent` (nil for the root); any rule for that
    /// name when the parent is unknown to the schema.
    func rule(for name: String, parent: String?) -> ElementRule? {
        rules["\(parent ?? "")/\(name)"] ?? rules.first { $0.key.hasSuffix("/\(name)") }?.value
    }

    /// The RELAX NG elements `name` under `element` (`define`, `start`; never nested).
    private static func descendants(of element: XMLTree.Element, named name: String) -> [XMLTree.Element] {
        element.descendants(named: name).filter { $0.namespaceURI == relaxNG }
    }

    private static func hint(of element: XMLTree.Element) -> String? {
        element.attribute("expect", namespace: hints)
    }

    private mutating func walk(_ patterns: [XMLTree.Element], into rule: inout ElementRule, optional: Bool, parent: String, visiting: Set<String>) {
        for pattern in patterns where pattern.namespaceURI == Self.relaxNG {
            switch pattern.name {
            case "element":
                guard let name = pattern.attribute("name") ?? pattern.childElements.first(where: { $0.name == "name" })?.text else { continue }
                let local = name.split(separator: ":").last.map(String.init) ?? name
                if !rule.children.contains(local) { rule.children.append(local) }
                let key = "\(rule.name)/\(local)"
                guard rules[key] == nil else { continue }
                var child = ElementRule(name: local)
                rules[key] = child
                walk(pattern.childElements, into: &child, optional: false, parent: local, visiting: [])
                rules[key] = child
            case "attribute":
                guard let name = pattern.attribute("name") ?? pattern.childElements.first(where: { $0.name == "name" })?.text else {
                    rule.foreignAttributes = true
                    continue
                }
                let value = valueRule(pattern.childElements.filter { $0.name != "name" }, visiting: visiting).hinted(Self.hint(of: pattern))
                if !rule.attributes.contains(where: { $0.name == name }) {
                    rule.attributes.append(Attribute(name: name, required: !optional, value: value))
                }
            case "optional", "zeroOrMore", "choice":
                walk(pattern.childElements, into: &rule, optional: true, parent: parent, visiting: visiting)
            case "oneOrMore", "group", "interleave", "mixed":
                walk(pattern.childElements, into: &rule, optional: optional, parent: parent, visiting: visiting)
            case "ref":
                guard let name = pattern.attribute("name"), !visiting.contains(name), let define = defines[name] else { continue }
                walk(define.childElements, into: &rule, optional: optional, parent: parent, visiting: visiting.union([name]))
            default:
                continue
            }
        }
    }

    private func valueRule(_ patterns: [XMLTree.Element], visiting: Set<String>) -> SchemaValueRule {
        let rules = patterns.filter { $0.namespaceURI == Self.relaxNG }.map { valueRule($0, visiting: visiting) }
        if rules.isEmpty { return .any }
        return rules.count == 1 ? rules[0] : .either(rules, hint: nil)
    }

    private func valueRule(_ pattern: XMLTree.Element, visiting: Set<String>) -> SchemaValueRule {
        switch pattern.name {
        case "value":
            return .choice([pattern.text])
        case "data":
            let patterns = pattern.childElements.filter { $0.name == "param" && $0.attribute("name") == "pattern" }.map(\.text)
            return .data(type: pattern.attribute("type") ?? "string", patterns: patterns, hint: Self.hint(of: pattern))
        case "choice":
            let options = pattern.childElements.filter { $0.namespaceURI == Self.relaxNG }.map { valueRule($0, visiting: visiting) }
            var values: [String] = []
            for option in options {
                guard case let .choice(found) = option else { return .either(options, hint: Self.hint(of: pattern)) }
                values += found
            }
            return .choice(values)
        case "list":
            return .list(valueRule(pattern.childElements, visiting: visiting))
        case "oneOrMore", "zeroOrMore", "group":
            return valueRule(pattern.childElements, visiting: visiting)
        case "ref":
            guard let name = pattern.attribute("name"), !visiting.contains(name), let define = defines[name] else { return .any }
            return valueRule(define.childElements, visiting: visiting.union([name])).hinted(Self.hint(of: pattern) ?? Self.hint(of: define))
        default:
            return .any
        }
    }
}
