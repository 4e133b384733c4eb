import Base
import CLibXML2

extension SchemaGuide {
    /// One validation error as libxml2 reported it.
    struct Failure {
        var diagnostic: Diagnostic
        var code: Int32
        /// The element libxml2 named (nil when it named none).
        var element: XMLTree.Element?
        var str1: String?
        var str2: String?
    }

    /// HTML habits, with the element this kind of schema uses instead.
    static let htmlHabits: [String: [String]] = [
        "b": ["strong"], "i": ["em"], "u": ["em"], "para": ["p"], "ul": ["list"], "ol": ["list"], "li": ["item"],
        "h1": ["heading"], "h2": ["heading"], "h3": ["heading"], "img": ["figure"], "blockquote": ["quote"],
        "lang": ["xml:lang"], "href": ["link", "src"], "time": ["time"],
    ]

    /// Attributes tools write, never people: left out of the lists of what an element takes.
    static let internalAttributes: Set<String> = ["xml:base"]

    /// The messages to show for a document's validation errors: attribute problems
    /// told attribute by attribute, at the attribute, with what to write; misplaced
    /// elements with the elements allowed there; libxml2's follow-on errors dropped.
    func explain(_ failures: [Failure]) -> [Diagnostic] {
        var shown: [Diagnostic] = []
        var explained: Set<xmlNodePtr> = []
        func show(_ diagnostics: [Diagnostic]) {
            for diagnostic in diagnostics where !shown.contains(diagnostic) { shown.append(diagnostic) }
        }
        // Errors about an element first: libxml2 may report a follow-on error without one
        // ("Element text failed to validate attributes") before the one that explains it.
        let ordered = failures.filter { $0.element != nil } + failures.filter { $0.element == nil }
        let followOns = [XML_RELAXNG_ERR_ATTRVALID.rawValue, XML_RELAXNG_ERR_CONTENTVALID.rawValue,
                         XML_RELAXNG_ERR_EXTRACONTENT.rawValue, XML_RELAXNG_ERR_DATATYPE.rawValue]
        for failure in ordered {
            guard let element = failure.element else {
                if !(followOns.contains(UInt32(failure.code)) && !shown.isEmpty) { show([failure.diagnostic]) }
                continue
            }
            if explained.contains(element.node) { continue }
            let code = UInt32(failure.code)
            switch code {
            case XML_RELAXNG_ERR_ELEMNONS.rawValue, XML_RELAXNG_ERR_ELEMWRONGNS.rawValue:
                let expected = namespace.map { "xmlns=\"\($0)\"" } ?? "the schema's namespace"
                show([element.diagnostic("<\(element.name)> is not in the namespace of this kind of file: write <\(element.name) \(expected) ...>")])
                explained.insert(element.node)
            case XML_RELAXNG_ERR_ELEMWRONG.rawValue, XML_RELAXNG_ERR_ELEMNAME.rawValue:
                show([misplaced(element)])
                explained.insert(element.node)
            case XML_RELAXNG_ERR_EXTRACONTENT.rawValue, XML_RELAXNG_ERR_CONTENTVALID.rawValue, XML_RELAXNG_ERR_DATATYPE.rawValue:
                // Follow-ons of an error inside the element; said alone only when nothing else was.
                if failure.diagnostic == ordered.last?.diagnostic, shown.isEmpty {
                    show([element.diagnostic("<\(element.name)> holds something its schema does not allow there")])
                }
            case XML_RELAXNG_ERR_NOELEM.rawValue:
                let problems = attributeProblems(of: element)
                if problems.isEmpty, let missing = failure.str1 {
                    show([element.diagnostic("<\(element.name)> needs a <\(missing)> inside\(childList(of: element))")])
                } else {
                    show(problems)
                }
                explained.insert(element.node)
            case XML_RELAXNG_ERR_TEXTWRONG.rawValue, XML_RELAXNG_ERR_NOTELEM.rawValue:
                show([element.diagnostic("text directly inside <\(element.name)>: put it in one of its elements\(childList(of: element))")])
                explained.insert(element.node)
            default:
                let problems = attributeProblems(of: element)
                if !problems.isEmpty {
                    show(problems)
                    explained.insert(element.node)
                } else if let message = valueMessage(failure, element) {
                    // One line for a value, though libxml2 tries each type of a choice.
                    show([message])
                    explained.insert(element.node)
                } else {
                    show([failure.diagnostic])
                }
            }
        }
        return shown
    }

    /// Every attribute of `element` its rule refuses, and every required one it lacks.
    func attributeProblems(of element: XMLTree.Element) -> [Diagnostic] {
        guard let rule = rule(for: element.name, parent: element.parent?.name) else { return [] }
        var problems: [Diagnostic] = []
        /// Attributes suggested for misspelt ones: not reported missing as well.
        var guessed: Set<String> = []
        for attribute in element.attributes {
            let written = attribute.prefix.map { "\($0):\(attribute.name)" } ?? attribute.name
            let known = attribute.namespaceURI == nil || attribute.namespaceURI == "http://www.w3.org/XML/1998/namespace"
            guard let allowed = rule.attribute(written) else {
                if known || !rule.foreignAttributes {
                    let names = rule.attributes.map(\.name).filter { !Self.internalAttributes.contains($0) }
                    let guess = Self.htmlHabits[written]?.first { names.contains($0) } ?? EditDistance.nearest(to: written, in: names)
                    if let guess { guessed.insert(guess) }
                    problems.append(element.diagnostic(
                        "<\(element.name)> has no attribute '\(written)'" + (guess.map { ": did you mean \($0)?" } ?? "")
                            + (names.isEmpty ? "; it takes none" : " (it takes \(names.joined(separator: ", ")))"),
                        attribute: written))
                }
                continue
            }
            if !allowed.value.accepts(attribute.value) {
                let suggestion = allowed.value.suggestion(for: attribute.value).map { ": did you mean \(written)=\"\($0)\"?" } ?? ""
                problems.append(element.diagnostic(
                    "\(written)=\"\(attribute.value)\" on <\(element.name)>: expected \(allowed.value.expectation)\(suggestion)", attribute: written))
            }
        }
        for required in rule.attributes where required.required && !guessed.contains(required.name) {
            let present = element.attributes.contains { ($0.prefix.map { "\($0):" } ?? "") + $0.name == required.name }
            if !present {
                problems.append(element.diagnostic("<\(element.name)> needs \(required.name)=\"...\": \(required.value.expectation)"))
            }
        }
        return problems
    }

    /// An element where its parent allows no such element.
    private func misplaced(_ element: XMLTree.Element) -> Diagnostic {
        guard let parent = element.parent else {
            let roots = rules.keys.filter { $0.hasPrefix("/") }.map { "<\($0.dropFirst())>" }.sorted()
            let isPart = rules.keys.contains { $0.hasSuffix("/\(element.name)") }
            return element.diagnostic("<\(element.name)> cannot be the root element: "
                + (isPart ? "it is a part to include in a document (with xi:include); check the file that includes it, whose root is " : "the root is ")
                + roots.joined(separator: " or "))
        }
        let allowed = rule(for: parent.name, parent: parent.parent?.name)?.children ?? []
        let guess = Self.htmlHabits[element.name]?.first { allowed.contains($0) } ?? EditDistance.nearest(to: element.name, in: allowed)
        let known = rules.keys.contains { $0.hasSuffix("/\(element.name)") }
        var message = known ? "<\(element.name)> is not allowed at this place in <\(parent.name)>"
                            : "<\(element.name)> is not an element of this kind of file"
        if let guess, guess != element.name { message += " (did you mean <\(guess)>?)" }
        message += childList(of: parent)
        if known, allowed.contains(element.name) { message += " (in the schema's order; each where it may be repeated)" }
        return element.diagnostic(message)
    }

    /// " (allowed in <x>: a, b, c)" for the children the schema allows in `element`.
    private func childList(of element: XMLTree.Element) -> String {
        guard let children = rule(for: element.name, parent: element.parent?.name)?.children, !children.isEmpty else { return "" }
        return "; allowed in <\(element.name)>: " + children.map { "<\($0)>" }.joined(separator: ", ")
    }

    /// "Type date doesn't allow value 'x'" on an element's own text.
    private func valueMessage(_ failure: Failure, _ element: XMLTree.Element) -> Diagnostic? {
        guard UInt32(failure.code) == XML_RELAXNG_ERR_TYPEVAL.rawValue, let type = failure.str1, let value = failure.str2 else { return nil }
        let rule = SchemaValueRule.data(type: type, patterns: [], hint: nil)
        let suggestion = rule.suggestion(for: value).map { ": did you mean \($0)?" } ?? ""
        return element.diagnostic("'\(value)' in <\(element.name)>: expected \(rule.expectation)\(suggestion)")
    }
}
