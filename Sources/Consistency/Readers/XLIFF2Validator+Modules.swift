import Base
import XMLSupport

/// The constraints of the XLIFF 2 modules a reader can check on their own: translation
/// candidates (mtc), metadata (mda), glossary (gls), validation (val), resource data (res)
/// and size restriction (slr). Change tracking (ctr) references are not checked yet.
extension XLIFF2Validator {
    static let matches = "urn:oasis:names:tc:xliff:matches:2.0"
    static let metadata = "urn:oasis:names:tc:xliff:metadata:2.0"
    static let glossary = "urn:oasis:names:tc:xliff:glossary:2.0"
    static let validation = "urn:oasis:names:tc:xliff:validation:2.0"
    static let resourceData = "urn:oasis:names:tc:xliff:resourcedata:2.0"
    static let sizeRestriction = "urn:oasis:names:tc:xliff:sizerestriction:2.0"
    static let changeTracking = "urn:oasis:names:tc:xliff:changetracking:2.0"

    /// Checks the module elements and attributes of `element` and of everything inside it
    /// (a unit, notes or an extension element, read whole). `unitIDs` are the ids a match
    /// may point to: those of the unit around.
    mutating func checkModules(of element: XMLTree.Element, unitIDs: Set<String>) {
        var ids = unitIDs
        if element.namespaceURI == coreNS && element.name == "unit" { ids = Self.idsInside(element) }
        checkModuleAttributes(element)
        switch element.namespaceURI {
        case Self.matches where element.name == "matches": checkMatches(element, unitIDs: ids)
        case Self.metadata where element.name == "metadata": checkMetadata(element)
        case Self.glossary where element.name == "glossary": checkGlossary(element)
        case Self.validation where element.name == "validation": checkValidation(element)
        case Self.resourceData where element.name == "resourceData": checkResourceData(element)
        case Self.changeTracking where element.name == "changeTrack": checkChangeTrack(element, scope: element.parent)
        default: break
        }
        for child in element.childElements { checkModules(of: child, unitIDs: ids) }
    }

    /// The module attributes of one element (size restriction, pgs), without its content.
    mutating func checkModuleAttributes(_ element: XMLTree.Element) {
        checkSizeAttributes(element)
        checkPGS(element)
    }

    /// The ids of every element inside `element`.
    static func idsBelow(_ element: XMLTree.Element) -> Set<String> {
        var ids: Set<String> = []
        for child in element.childElements {
            if let id = child.attribute("id") { ids.insert(id) }
            ids.formUnion(idsBelow(child))
        }
        return ids
    }

    /// Ids of the segments and inline elements of a unit (what a match may point to).
    static func idsInside(_ element: XMLTree.Element) -> Set<String> {
        var ids: Set<String> = []
        for child in element.childElements where coreNamespaces.contains(child.namespaceURI ?? "") {
            if let id = child.attribute("id") { ids.insert(id) }
            ids.formUnion(idsInside(child))
        }
        return ids
    }

    private mutating func checkMatches(_ matches: XMLTree.Element, unitIDs: Set<String>) {
        var seen: Set<String> = []
        for match in matches.childElements where match.namespaceURI == Self.matches && match.name == "match" {
            if let id = match.attribute("id") {
                if !Self.isNMTOKEN(id) { report(match, "mtc:match id '\(id)' is not an NMTOKEN") }
                if !seen.insert(id).inserted { report(match, "mtc:match id '\(id)' is used twice") }
            }
            if match.attribute("lang", namespace: Self.xmlNamespace) != nil { report(match, "xml:lang is not allowed on mtc:match") }
            let ref = match.attribute("ref") ?? ""
            let target = Self.fragmentPairs(ref).last?.1 ?? String(ref.drop { $0 == "#" })
            if !ref.hasPrefix("#") { report(match, "mtc:match ref '\(ref)' must be a fragment identifier (#id)") }
            else if !unitIDs.contains(target) { report(match, "mtc:match ref '\(ref)' names nothing in this unit") }
            if let type = match.attribute("type"), !["am", "mt", "icm", "idm", "tb", "tm", "other"].contains(type) {
                report(match, "mtc:match type '\(type)' must be am, mt, icm, idm, tb, tm or other")
            }
            if match.attribute("subType") != nil && match.attribute("type") == nil { report(match, "mtc:match subType needs type") }
        }
    }

    private mutating func checkMetadata(_ metadata: XMLTree.Element) {
        if let id = metadata.attribute("id"), !Self.isNMTOKEN(id) { report(metadata, "mda:metadata id '\(id)' is not an NMTOKEN") }
        let children = metadata.childElements.filter { $0.namespaceURI == Self.metadata }
        if children.isEmpty || children.contains(where: { $0.name != "metaGroup" }) {
            report(metadata, "mda:metadata holds mda:metaGroup elements only")
        }
        var seen: Set<String> = []
        func walk(_ group: XMLTree.Element) {
            if let id = group.attribute("id") {
                if !Self.isNMTOKEN(id) { report(group, "mda:metaGroup id '\(id)' is not an NMTOKEN") }
                if !seen.insert(id).inserted { report(group, "mda:metaGroup id '\(id)' is used twice") }
            }
            if let applies = group.attribute("appliesTo"), !["source", "target", "ignorable"].contains(applies) {
                report(group, "mda:metaGroup appliesTo must be source, target or ignorable")
            }
            for child in group.childElements where child.namespaceURI == Self.metadata {
                switch child.name {
                case "metaGroup": walk(child)
                case "meta":
                    if child.attribute("type") == nil { report(child, "mda:meta needs a type") }
                    if child.attribute("appliesTo") != nil { report(child, "appliesTo belongs on mda:metaGroup, not mda:meta") }
                default: report(child, "mda:\(child.name) is not allowed in mda:metaGroup")
                }
            }
        }
        for group in children where group.name == "metaGroup" { walk(group) }
    }

    private mutating func checkGlossary(_ glossary: XMLTree.Element) {
        var entries: Set<String> = [], translations: Set<String> = []
        for entry in glossary.childElements where entry.namespaceURI == Self.glossary && entry.name == "glossEntry" {
            if let id = entry.attribute("id"), !entries.insert(id).inserted { report(entry, "gls:glossEntry id '\(id)' is used twice") }
            let parts = entry.childElements
            if !parts.contains(where: { $0.namespaceURI == Self.glossary && ($0.name == "translation" || $0.name == "definition") }) {
                report(entry, "gls:glossEntry needs a gls:translation or a gls:definition")
            }
            for part in parts {
                if let namespace = part.namespaceURI, namespace != Self.glossary, Self.moduleNamespaces.contains(namespace) || namespace == coreNS {
                    report(part, "<\(part.name)> of another XLIFF module is not allowed in gls:glossEntry")
                }
                if part.name == "translation", let id = part.attribute("id"), !translations.insert(id).inserted {
                    report(part, "gls:translation id '\(id)' is used twice")
                }
            }
        }
    }

    private mutating func checkValidation(_ validation: XMLTree.Element) {
        let kinds = ["isPresent", "isNotPresent", "startsWith", "endsWith"]
        for rule in validation.childElements where rule.namespaceURI == Self.validation && rule.name == "rule" {
            let standard = kinds.filter { rule.attribute($0) != nil }
            let custom = rule.attributes.filter { ($0.namespaceURI ?? "") != "" && $0.namespaceURI != Self.validation && $0.namespaceURI != Self.xmlNamespace }
            if standard.count + custom.count != 1 {
                report(rule, "val:rule needs exactly one of \(kinds.joined(separator: ", ")) or one custom rule attribute")
            }
            if rule.attribute("existsInSource") != nil && !(standard.count == 1 && ["isPresent", "startsWith", "endsWith"].contains(standard[0])) {
                report(rule, "existsInSource goes with isPresent, startsWith or endsWith")
            }
            if let value = rule.attribute("caseSensitive"), value != "yes" && value != "no" { report(rule, "caseSensitive must be yes or no") }
            if let value = rule.attribute("normalization"), !["none", "nfc", "nfd"].contains(value) { report(rule, "normalization must be none, nfc or nfd") }
            if let value = rule.attribute("occurs"), (Int(value) ?? 0) < 1 { report(rule, "occurs must be a positive integer") }
        }
    }

    private mutating func checkResourceData(_ data: XMLTree.Element) {
        var ids: Set<String> = []
        for item in data.childElements where item.namespaceURI == Self.resourceData {
            if let id = item.attribute("id"), !ids.insert(id).inserted { report(item, "res:\(item.name) id '\(id)' is used twice") }
            for part in item.childElements where part.namespaceURI == Self.resourceData && (part.name == "source" || part.name == "target") {
                let hasContent = !part.childElements.isEmpty || !part.text.trimmedWhitespace.isEmpty
                if part.attribute("href") != nil && hasContent { report(part, "res:\(part.name) has both href and content") }
                // res:target may name another language (a resource in a third language); res:source may not.
                if part.name == "source", let lang = part.attribute("lang", namespace: Self.xmlNamespace), let expected = srcLanguage,
                   lang.lowercased() != expected.lowercased() {
                    report(part, "xml:lang '\(lang)' on res:source differs from srcLang '\(expected)'")
                }
            }
        }
    }

    /// pgs (XLIFF 2.2): `switch` ("plural:n gender:g", items `keyword:variable`) on a unit or
    /// group, `case` (one value per switch item) on a segment or unit below that switch; plural
    /// and ordinal values are numbers or CLDR categories.
    private mutating func checkPGS(_ element: XMLTree.Element) {
        let attributes = element.attributes.filter { $0.namespaceURI == Self.pgs }
        guard !attributes.isEmpty else { return }
        guard coreNS == Self.core22 else { report(element, "pgs attributes belong to XLIFF 2.2 (xmlns=\"\(Self.core22)\")"); return }
        let categories: Set<String> = ["zero", "one", "two", "few", "many", "other"]
        for attribute in attributes {
            switch attribute.name {
            case "switch":
                guard ["unit", "group"].contains(element.name) else { report(element, "pgs:switch goes on <unit> or <group>"); continue }
                for item in Self.pgsItems(attribute.value) {
                    let parts = item.split(separator: ":", maxSplits: 1)
                    if parts.count != 2 || !["plural", "ordinal", "gender", "select"].contains(String(parts[0])) {
                        report(element, "pgs:switch item '\(item)' must be plural:NAME, ordinal:NAME, gender:NAME or select:NAME")
                    }
                }
            case "case":
                guard ["segment", "unit"].contains(element.name) else { report(element, "pgs:case goes on <segment> or <unit>"); continue }
                var ancestor = element.parent
                var switchValue: String?
                while let node = ancestor, switchValue == nil {
                    switchValue = node.attribute("switch", namespace: Self.pgs)
                    ancestor = node.parent
                }
                guard let switchValue else { report(element, "pgs:case needs a pgs:switch on its unit or group"); continue }
                let items = Self.pgsItems(switchValue), values = Self.pgsItems(attribute.value)
                guard items.count == values.count else {
                    report(element, "pgs:case has \(values.count) value(s) but the pgs:switch '\(switchValue)' has \(items.count) item(s)")
                    continue
                }
                for (item, value) in zip(items, values) where item.hasPrefix("plural:") || item.hasPrefix("ordinal:") {
                    if !categories.contains(value) && Double(value) == nil {
                        report(element, "pgs:case value '\(value)' for \(item) must be a number or zero, one, two, few, many, other")
                    }
                }
            default:
                report(element, "attribute pgs:\(attribute.name) does not exist; the pgs module has switch and case")
            }
        }
    }

    /// The items of a pgs attribute, separated by spaces or commas.
    static func pgsItems(_ value: String) -> [String] {
        value.split { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" }.map(String.init)
    }

    /// ctr: revisions point (ref) to an element with that id in the enclosing unit, group or
    /// file; a revision of one of several elements with ids must say which (ref); each item's
    /// property is "content" or an attribute of the element it revises, once per revision.
    private mutating func checkChangeTrack(_ track: XMLTree.Element, scope: XMLTree.Element?) {
        // In a streamed file, the content of a file or group is not at hand while its
        // extension elements are read: references into it are then left unresolved.
        let resolves = containersComplete || (scope.map { $0.namespaceURI == coreNS && $0.name == "unit" } ?? false)
        guard let scope else { return }
        var elementsByID: [String: XMLTree.Element] = [:]
        func collect(_ node: XMLTree.Element) {
            for child in node.childElements where child.namespaceURI == coreNS {
                if let id = child.attribute("id") { elementsByID[id] = child }
                collect(child)
            }
        }
        collect(scope)
        for revisions in track.childElements where revisions.namespaceURI == Self.changeTracking && revisions.name == "revisions" {
            let appliesTo = revisions.attribute("appliesTo") ?? ""
            var revised: XMLTree.Element?
            if let ref = revisions.attribute("ref") {
                revised = elementsByID[ref]
                if revised == nil && resolves { report(revisions, "ctr:revisions ref '\(ref)' names no element of this \(scope.name)") }
            } else if resolves && elementsByID.values.filter({ $0.name == appliesTo }).count > 1 {
                report(revisions, "ctr:revisions applies to one of several <\(appliesTo)> with ids: say which with ref")
            }
            for revision in revisions.childElements where revision.namespaceURI == Self.changeTracking && revision.name == "revision" {
                var properties: Set<String> = []
                for item in revision.childElements where item.namespaceURI == Self.changeTracking && item.name == "item" {
                    let property = item.attribute("property") ?? ""
                    if !properties.insert(property).inserted { report(item, "ctr:item property '\(property)' appears twice in one revision") }
                    if property != "content", let revised, revised.attribute(property) == nil {
                        report(item, "ctr:item property '\(property)' is neither content nor an attribute of the revised <\(revised.name)>")
                    }
                }
            }
        }
    }

    /// Ids inside the slr:data elements that are children of the element's ancestors (its
    /// siblings and theirs, and those a streamed file has read already): what slr:sizeInfoRef
    /// may point to.
    func sizeDataIDs(around element: XMLTree.Element) -> Set<String> {
        var ids = outerSizeDataIDs
        var ancestor = element.parent
        while let current = ancestor {
            for child in current.childElements where child.namespaceURI == Self.sizeRestriction && child.name == "data" {
                ids.formUnion(Self.idsBelow(child))
            }
            ancestor = current.parent
        }
        return ids
    }

    /// slr: attributes: integers and patterns, sizeInfo or sizeInfoRef (not both), not on a closing <ec>.
    private mutating func checkSizeAttributes(_ element: XMLTree.Element) {
        let attributes = element.attributes.filter { $0.namespaceURI == Self.sizeRestriction }
        guard !attributes.isEmpty else { return }
        let names = Set(attributes.map(\.name))
        if names.contains("sizeInfo") && names.contains("sizeInfoRef") { report(element, "slr:sizeInfo and slr:sizeInfoRef exclude each other") }
        if element.namespaceURI == coreNS && element.name == "ec" && element.attribute("isolated") != "yes"
            && !names.isDisjoint(with: ["sizeInfo", "sizeInfoRef", "equivStorage"]) {
            report(element, "slr:\(names.sorted().joined(separator: ", slr:")) not allowed on a closing <ec>; put it on its start")
        }
        if let reference = element.attribute("sizeInfoRef", namespace: Self.sizeRestriction), !sizeDataIDs(around: element).contains(reference) {
            report(element, "slr:sizeInfoRef '\(reference)' names nothing in an slr:data beside this element or one of its ancestors")
        }
        for attribute in attributes {
            switch attribute.name {
            case "sizeInfo", "equivStorage":
                // A number must be a whole one; other values are left to the size profile in use.
                if attribute.value.contains(where: \.isNumber) && UInt(attribute.value) == nil {
                    report(element, "slr:\(attribute.name) must be a non-negative integer")
                }
            case "sizeRestriction", "storageRestriction":
                let parts = attribute.value.split(separator: ",", omittingEmptySubsequences: false)
                if attribute.value != "*" && !(1...2).contains(parts.count) || parts.contains(where: { UInt($0) == nil && $0 != "*" }) {
                    report(element, "slr:\(attribute.name) '\(attribute.value)' must be a number, 'min,max' or *")
                }
            default:
                break
            }
        }
    }
}
