import Base
import Foundation
import XMLSupport

/// Checks an XLIFF 2.x document against the constraints of the XLIFF 2 core
/// specification that a reader must enforce: structure and attribute values (what its
/// XML Schema says) and the processing requirements (unique ids, languages, inline code
/// pairing and references, fragment identifiers ...). Each problem is reported at the
/// element's file:line:column.
///
/// Elements and attributes of the XLIFF modules (mtc, gls, fs, mda, res, ctr, slr, val,
/// and 2.2's pgs) are checked only where the core rules reach them.
///
/// XLIFF 2.0 and 2.1 share the namespace `urn:oasis:names:tc:xliff:document:2.0`; XLIFF
/// 2.2 has its own, and adds `<notes>` and `<mda:metadata>` before the files, `ref` on
/// `<note>` and the plural, gender and select module (`pgs:switch`, `pgs:case`).
struct XLIFF2Validator {
    /// The core namespace of XLIFF 2.0 and 2.1.
    static let core20 = "urn:oasis:names:tc:xliff:document:2.0"
    /// The core namespace of XLIFF 2.2.
    static let core22 = "urn:oasis:names:tc:xliff:document:2.2"
    static let coreNamespaces: Set<String> = [core20, core22]
    /// XLIFF 2.2's plural, gender and select module.
    static let pgs = "urn:oasis:names:tc:xliff:pgs:1.0"
    /// The core namespace of the document being checked.
    private(set) var coreNS = XLIFF2Validator.core20
    /// True for an XLIFF 2.2 document.
    private var is22: Bool { coreNS == Self.core22 }
    static let moduleNamespaces: Set<String> = [
        pgs,
        "urn:oasis:names:tc:xliff:matches:2.0", "urn:oasis:names:tc:xliff:glossary:2.0", "urn:oasis:names:tc:xliff:fs:2.0",
        "urn:oasis:names:tc:xliff:metadata:2.0", "urn:oasis:names:tc:xliff:resourcedata:2.0",
        "urn:oasis:names:tc:xliff:changetracking:2.0", "urn:oasis:names:tc:xliff:sizerestriction:2.0",
        "urn:oasis:names:tc:xliff:validation:2.0", "http://www.w3.org/2005/11/its", "urn:oasis:names:tc:xliff:itsm:2.1",
    ]
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// Core attributes each element may have (xml: attributes listed as "xml:NAME").
    static let attributes: [String: Set<String>] = [
        "xliff": ["version", "srcLang", "trgLang", "xml:space", "xml:lang"],
        "file": ["id", "canResegment", "original", "translate", "srcDir", "trgDir", "xml:space", "xml:lang"],
        "skeleton": ["href"],
        "group": ["id", "name", "canResegment", "translate", "srcDir", "trgDir", "type", "xml:space", "xml:lang"],
        "unit": ["id", "name", "canResegment", "translate", "srcDir", "trgDir", "xml:space", "type", "xml:lang"],
        "notes": [],
        "note": ["id", "appliesTo", "category", "priority"],
        "originalData": [],
        "data": ["id", "dir", "xml:space"],
        "segment": ["id", "canResegment", "state", "subState"],
        "ignorable": ["id"],
        "source": ["xml:lang", "xml:space"],
        "target": ["xml:lang", "xml:space", "order"],
        "cp": ["hex"],
        "ph": ["id", "canCopy", "canDelete", "canReorder", "copyOf", "disp", "equiv", "dataRef", "subFlows", "subType", "type"],
        "pc": ["id", "canCopy", "canDelete", "canOverlap", "canReorder", "copyOf", "dispEnd", "dispStart", "equivEnd", "equivStart",
               "dataRefEnd", "dataRefStart", "subFlowsEnd", "subFlowsStart", "subType", "type", "dir"],
        "sc": ["id", "canCopy", "canDelete", "canOverlap", "canReorder", "copyOf", "dataRef", "dir", "disp", "equiv", "isolated",
               "subFlows", "subType", "type"],
        "ec": ["id", "canCopy", "canDelete", "canOverlap", "canReorder", "copyOf", "dataRef", "dir", "disp", "equiv", "isolated",
               "startRef", "subFlows", "subType", "type"],
        "mrk": ["id", "translate", "type", "ref", "value"],
        "sm": ["id", "translate", "type", "ref", "value"],
        "em": ["startRef"],
    ]
    /// Elements that accept attributes of other namespaces.
    static let extensibleAttributes: Set<String> = ["xliff", "file", "group", "unit", "note", "mrk", "sm"]
    static let inline: Set<String> = ["cp", "ph", "pc", "sc", "ec", "mrk", "sm", "em"]

    /// The most problems kept for one document: a large file with one mistake made in every
    /// unit would otherwise print millions of lines (the last problem says how many more).
    static let problemLimit = 1_000

    private var problems: [Diagnostic] = []
    private var problemsLeftOut = 0
    /// The note ids of the unit being checked.
    private var unitNoteIDs: Set<String> = []
    private var srcLang = ""
    private var trgLang: String?
    var srcLanguage: String? { srcLang.isEmpty ? nil : srcLang }
    /// The ids of the units and groups of the file being read (unique in the file), and
    /// those of its groups (fewer: a unit's id is one of the first but not of the second).
    private var fileContentIDs: Set<String> = []
    private var fileGroupIDs: Set<String> = []
    /// Units named by subFlows in the file being read, resolved at the end of the file
    /// (a unit may name one that comes later).
    private var subFlowReferences: [(unit: String, problem: Diagnostic)] = []
    /// The ids inside the slr:data of the file and groups being read, innermost last: what
    /// slr:sizeInfoRef may name (a streamed file no longer holds them when a unit is read).
    private var sizeDataScopes: [Set<String>] = []
    /// False while a file is streamed: a file's or group's content is then not at hand when
    /// its extension elements are checked (change-tracking references to it are not resolved).
    private(set) var containersComplete = true

    /// Every problem of a parsed document, in document order.
    func validating(_ tree: XMLTree) -> [Diagnostic] {
        (try? validating(XMLTreeEvents(tree: tree))) ?? []
    }

    /// Every problem of a document read from `source`, in document order: a parsed tree, or a
    /// file streamed from disk (``XMLStreamReader``), which then holds one unit at a time
    /// whatever the file's size. Throws when a streamed file is not well-formed.
    func validating(_ source: some XMLElementSource) throws(XMLSupportError) -> [Diagnostic] {
        var validator = self
        validator.containersComplete = source is XMLTreeEvents
        try validator.validate(source)
        var sorted = validator.problems.enumerated().sorted { left, right in
            let (a, b) = (left.element.location, right.element.location)
            return (a.line, a.column, left.offset) < (b.line, b.column, right.offset)
        }.map(\.element)
        if validator.problemsLeftOut > 0, let last = sorted.last {
            sorted.append(Diagnostic(file: last.location.file, line: 0,
                                     message: "XLIFF 2: \(validator.problemsLeftOut) more problems not shown (the first \(Self.problemLimit) are above)"))
        }
        return sorted
    }

    private mutating func validate(_ source: some XMLElementSource) throws(XMLSupportError) {
        guard let (root, _) = try Self.nextChild(source) else { return }
        guard root.name == "xliff", let namespace = root.namespaceURI, Self.coreNamespaces.contains(namespace) else {
            report(root, "the root must be <xliff xmlns=\"\(Self.core20)\"> (XLIFF 2.0 and 2.1) or <xliff xmlns=\"\(Self.core22)\"> (XLIFF 2.2)")
            return
        }
        coreNS = namespace
        checkElement(root)
        srcLang = root.attribute("srcLang") ?? ""
        trgLang = root.attribute("trgLang")
        if !Self.isLanguageTag(srcLang) { report(root, "srcLang '\(srcLang)' is not a BCP 47 language tag") }
        if let trgLang, !Self.isLanguageTag(trgLang) { report(root, "trgLang '\(trgLang)' is not a BCP 47 language tag") }
        let version = root.attribute("version") ?? ""
        if is22 {
            if version != "2.2" { report(root, "version must be 2.2 in the XLIFF 2.2 namespace (2.0 and 2.1 files use \(Self.core20))") }
        } else if version != "2.0" && version != "2.1" {
            report(root, version == "2.2" ? "version 2.2 needs the XLIFF 2.2 namespace: xmlns=\"\(Self.core22)\""
                : "version must be 2.0, 2.1 or 2.2 (the versions Passerelle reads)")
        }
        try checkXLIFFChildren(root, source)
    }

    /// The next child element of the element `source` is in (with true for `<x/>`), nil at its end.
    private static func nextChild(_ source: some XMLElementSource) throws(XMLSupportError) -> (XMLTree.Element, isEmpty: Bool)? {
        while let event = try source.next() {
            switch event {
            case let .start(start): return (try source.currentElement(), start.isEmpty)
            case .end: return nil
            case .text: continue
            }
        }
        return nil
    }

    /// The element `source` stands on, whole, checked by `check`; then moves past it.
    private mutating func checkWhole(_ source: some XMLElementSource, _ check: (inout Self, XMLTree.Element) -> Void) throws(XMLSupportError) {
        let element = try source.expandCurrentElement()
        check(&self, element)
        checkModules(of: element, unitIDs: [])
        source.skipSubtree()
    }

    // MARK: Structure

    /// `<file>` elements only; in 2.2, one `<notes>` then one `<mda:metadata>` may come first.
    private mutating func checkXLIFFChildren(_ root: XMLTree.Element, _ source: some XMLElementSource) throws(XMLSupportError) {
        var rank = 0
        var fileIDs: Set<String> = []
        while let (element, isEmpty) = try Self.nextChild(source) {
            let isCore = element.namespaceURI == coreNS
            let elementRank: Int
            switch (isCore, element.name, element.namespaceURI) {
            case (true, "file", _): elementRank = 3
            case (true, "notes", _) where is22: elementRank = 1
            case (false, "metadata", Self.metadata) where is22: elementRank = 2
            default:
                report(element, is22 ? "<\(element.name)> is not allowed in <xliff>; only <notes>, <mda:metadata> and <file>, in that order"
                    : "<\(element.name)> is not allowed in <xliff>; only <file>")
                source.skipSubtree()
                continue
            }
            if elementRank < rank || (elementRank == rank && elementRank < 3) {
                report(element, "<\(element.name)> is out of place in <xliff>: at most one <notes>, then at most one <mda:metadata>, then the <file> elements")
            }
            rank = elementRank
            switch elementRank {
            case 1: try checkWhole(source) { $0.checkNotes($1) }
            case 2: try checkWhole(source) { _, _ in }
            default:
                if let id = element.attribute("id"), !fileIDs.insert(id).inserted { report(element, "id '\(id)' is used twice for a file") }
                try checkFile(element, isEmpty: isEmpty, source)
            }
        }
        if rank < 3 { report(root, "<xliff> needs at least one <file>") }
    }

    private mutating func checkFile(_ file: XMLTree.Element, isEmpty: Bool, _ source: some XMLElementSource) throws(XMLSupportError) {
        fileContentIDs = []
        fileGroupIDs = []
        subFlowReferences = []
        try checkContainer(file, isEmpty: isEmpty, source)
        for (unit, problem) in subFlowReferences where !fileContentIDs.contains(unit) || fileGroupIDs.contains(unit) { record(problem) }
        fileContentIDs = []
    }

    /// A file or a group and what it holds, in the order the core allows: (in a file, a
    /// skeleton first), extension elements, notes, then units and groups, whose ids are
    /// unique across the file. Units are read whole, one at a time.
    private mutating func checkContainer(_ container: XMLTree.Element, isEmpty: Bool, _ source: some XMLElementSource) throws(XMLSupportError) {
        checkElement(container)
        checkModuleAttributes(container)
        sizeDataScopes.append([])
        defer { sizeDataScopes.removeLast() }
        var seenContent = false, seenNotes = false, position = 0
        while !isEmpty, let (child, childIsEmpty) = try Self.nextChild(source) {
            position += 1
            let isCore = child.namespaceURI == coreNS
            switch (isCore, child.name) {
            case (true, "skeleton") where container.name == "file":
                if position != 1 { report(child, "<skeleton> must come first in <file>") }
                try checkWhole(source) { $0.checkSkeleton($1) }
            case (true, "notes"):
                if seenContent || seenNotes { report(child, "<notes> must come before the units and groups") }
                seenNotes = true
                try checkWhole(source) { $0.checkNotes($1) }
            case (true, "unit"), (true, "group"):
                seenContent = true
                if let id = child.attribute("id"), !fileContentIDs.insert(id).inserted {
                    report(child, "id '\(id)' is already used by another unit or group of this file")
                }
                if child.name == "group" {
                    if let id = child.attribute("id") { fileGroupIDs.insert(id) }
                    try checkContainer(child, isEmpty: childIsEmpty, source)
                } else {
                    try checkWhole(source) { validator, unit in
                        validator.checkElement(unit)
                        validator.checkUnit(unit)
                    }
                }
            case (true, _):
                report(child, "<\(child.name)> is not allowed in <\(container.name)>")
                source.skipSubtree()
            case (false, _):
                if seenContent || seenNotes { report(child, "extension element <\(child.name)> must come before <notes>, units and groups") }
                try checkWhole(source) { validator, element in
                    validator.checkExtension(element)
                    if element.namespaceURI == Self.sizeRestriction && element.name == "data" {
                        validator.sizeDataScopes[validator.sizeDataScopes.count - 1].formUnion(Self.idsBelow(element))
                    }
                }
            }
        }
        if container.name == "file" && !seenContent { report(container, "<file> needs at least one <unit> or <group>") }
    }

    private mutating func checkSkeleton(_ skeleton: XMLTree.Element) {
        checkElement(skeleton)
        let hasContent = !skeleton.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || !skeleton.childElements.isEmpty
        if skeleton.attribute("href") != nil && hasContent { report(skeleton, "<skeleton> has both href and content") }
        if skeleton.attribute("href") == nil && !hasContent { report(skeleton, "<skeleton> needs href or content") }
    }

    /// The ids slr:sizeInfoRef may name: those of the slr:data of the files and groups being read.
    var outerSizeDataIDs: Set<String> {
        sizeDataScopes.reduce(into: []) { $0.formUnion($1) }
    }

    private mutating func checkNotes(_ notes: XMLTree.Element) {
        checkElement(notes)
        let list = notes.childElements
        if core(list).isEmpty { report(notes, "<notes> needs at least one <note>") }
        for note in list {
            guard note.namespaceURI == coreNS, note.name == "note" else {
                report(note, "<\(note.name)> is not allowed in <notes>")
                continue
            }
            checkElement(note)
            if let priority = note.attribute("priority"), !(Int(priority).map { (1...10).contains($0) } ?? false) {
                report(note, "priority must be 1 to 10")
            }
            if let applies = note.attribute("appliesTo"), !["source", "target"].contains(applies) {
                report(note, "appliesTo must be source or target")
            }
        }
        unique(core(list).filter { $0.attribute("id") != nil }, scope: "note")
    }

    /// Element names of the XLIFF 2 modules: an unknown name in a module's namespace is an error.
    static let moduleElements: [String: Set<String>] = [
        pgs: [],
        "urn:oasis:names:tc:xliff:matches:2.0": ["matches", "match"],
        "urn:oasis:names:tc:xliff:glossary:2.0": ["glossary", "glossEntry", "term", "translation", "definition"],
        "urn:oasis:names:tc:xliff:metadata:2.0": ["metadata", "metaGroup", "meta"],
        "urn:oasis:names:tc:xliff:resourcedata:2.0": ["resourceData", "resourceItemRef", "resourceItem", "source", "target", "reference"],
        "urn:oasis:names:tc:xliff:changetracking:2.0": ["changeTrack", "revisions", "revision", "item"],
        "urn:oasis:names:tc:xliff:sizerestriction:2.0": ["profiles", "normalization", "data"],
        "urn:oasis:names:tc:xliff:validation:2.0": ["validation", "rule"],
    ]

    private mutating func checkExtension(_ element: XMLTree.Element) {
        guard let namespace = element.namespaceURI, !namespace.isEmpty else {
            report(element, "<\(element.name)> is in no namespace; extension elements need their own namespace")
            return
        }
        if namespace == coreNS { report(element, "<\(element.name)> is not allowed here") }
        if let names = Self.moduleElements[namespace], !names.contains(element.name) {
            report(element, "<\(element.name)> is not an element of the module \(namespace)")
        }
        // Ids (id or xml:id) of the children of one extension element are unique.
        var seen: Set<String> = []
        for child in element.childElements {
            guard let id = child.attribute("id") ?? child.attribute("id", namespace: Self.xmlNamespace) else { continue }
            if !seen.insert(id).inserted { report(child, "id '\(id)' is used twice among the children of <\(element.name)>") }
        }
        for child in element.childElements where child.namespaceURI != coreNS { checkExtension(child) }
    }

    // MARK: Units

    private mutating func checkUnit(_ unit: XMLTree.Element) {
        let children = unit.childElements
        var parts: [XMLTree.Element] = []
        var originalData: XMLTree.Element?
        var seenNotes = false, seenData = false
        for child in children {
            if child.namespaceURI != coreNS {
                if seenNotes || seenData || !parts.isEmpty { report(child, "extension element <\(child.name)> must come first in <unit>") }
                checkExtension(child)
                continue
            }
            switch child.name {
            case "notes":
                if seenData || !parts.isEmpty || seenNotes { report(child, "<notes> must come before <originalData> and the segments") }
                seenNotes = true
                checkNotes(child)
            case "originalData":
                if !parts.isEmpty || seenData { report(child, "<originalData> must come before the segments") }
                seenData = true
                originalData = child
                checkElement(child)
                let data = child.childElements
                if core(data).isEmpty { report(child, "<originalData> needs at least one <data>") }
                for item in data {
                    guard item.namespaceURI == coreNS, item.name == "data" else { report(item, "<\(item.name)> is not allowed in <originalData>"); continue }
                    checkElement(item)
                    for inner in item.childElements where !(inner.namespaceURI == coreNS && inner.name == "cp") {
                        report(inner, "<\(inner.name)> is not allowed in <data>")
                    }
                    for inner in item.childElements where inner.name == "cp" { checkElement(inner) }
                }
                unique(core(data), scope: "data")
            case "segment", "ignorable":
                parts.append(child)
            default:
                report(child, "<\(child.name)> is not allowed in <unit>")
            }
        }
        if !parts.contains(where: { $0.name == "segment" }) { report(unit, "<unit> needs at least one <segment>") }
        unique(parts.filter { $0.attribute("id") != nil }, scope: "segment or ignorable")
        let dataIDs = Set(originalData.map { core($0.childElements).compactMap { $0.attribute("id") } } ?? [])
        unitNoteIDs = Set(core(children).filter { $0.name == "notes" }.flatMap { core($0.childElements) }.compactMap { $0.attribute("id") })
        var sourceCodes: [XMLTree.Element] = []
        var targetCodes: [XMLTree.Element] = []
        var orders: [Int: XMLTree.Element] = [:]
        for (index, part) in parts.enumerated() {
            checkElement(part)
            if let state = part.attribute("state"), !["initial", "translated", "reviewed", "final"].contains(state) {
                report(part, "state must be initial, translated, reviewed or final")
            }
            if part.attribute("subState") != nil && part.attribute("state") == nil { report(part, "subState needs state") }
            if let subState = part.attribute("subState"), !Self.isPrefixedValue(subState) { report(part, "subState must be prefix:value") }
            let texts = part.childElements
            let sources = texts.filter { $0.namespaceURI == coreNS && $0.name == "source" }
            let targets = texts.filter { $0.namespaceURI == coreNS && $0.name == "target" }
            if sources.count != 1 { report(part, "<\(part.name)> needs exactly one <source>") }
            if targets.count > 1 { report(part, "<\(part.name)> has more than one <target>") }
            for text in texts where !(text.namespaceURI == coreNS && (text.name == "source" || text.name == "target")) {
                report(text, "<\(text.name)> is not allowed in <\(part.name)>")
            }
            if let first = texts.first, first.name != "source" { report(first, "<source> must come first") }
            for source in sources {
                checkElement(source)
                if let lang = source.language, lang.lowercased() != srcLang.lowercased() {
                    report(source, "xml:lang '\(lang)' on <source> differs from srcLang '\(srcLang)'")
                }
                sourceCodes += checkInline(source, dataIDs: dataIDs)
            }
            for target in targets {
                checkElement(target)
                guard let trgLang else { report(target, "<target> in a document without trgLang on <xliff>"); continue }
                if let lang = target.language, lang.lowercased() != trgLang.lowercased() {
                    report(target, "xml:lang '\(lang)' on <target> differs from trgLang '\(trgLang)'")
                }
                if let source = sources.first, Self.space(of: source) != Self.space(of: target) {
                    report(target, "xml:space on <target> differs from its <source>")
                }
                // A target without order takes its part's position.
                let position = index + 1
                let order = target.attribute("order").map { Int($0) ?? 0 } ?? position
                if order >= 1 && order <= parts.count {
                    if orders[order] != nil { report(target, "order \(order) is used twice in this unit (a target without order takes its position)") }
                    orders[order] = target
                } else {
                    report(target, "order must be a position from 1 to \(parts.count)")
                }
                targetCodes += checkInline(target, dataIDs: dataIDs)
                // Codes that may not be reordered keep their order and nesting in the target.
                if let source = sources.first, Self.fixedCodes(in: source) != Self.fixedCodes(in: target) {
                    report(target, "codes with canReorder=\"firstNo\"/\"no\" are moved or nested differently than in the source")
                }
            }
        }
        checkPairing(sourceCodes, unit: unit)
        checkPairing(targetCodes, unit: unit)
        checkCopies(sourceCodes + targetCodes)
        unique(sourceCodes.filter { ["ph", "pc", "sc", "mrk", "sm"].contains($0.name) || ($0.name == "ec" && $0.attribute("id") != nil) }, scope: "inline code in the source")
        unique(targetCodes.filter { ["ph", "pc", "sc", "mrk", "sm"].contains($0.name) || ($0.name == "ec" && $0.attribute("id") != nil) }, scope: "inline code in the target")
        // Codes that may not be deleted must be in every target.
        if !targetCodes.isEmpty || parts.contains(where: { $0.childElements.contains { $0.name == "target" } }) {
            let targetIDs = Set(targetCodes.compactMap { $0.attribute("id") ?? $0.attribute("startRef") })
            for code in sourceCodes where code.attribute("canDelete") == "no" && ["ph", "pc", "sc", "ec"].contains(code.name) {
                let id = code.attribute("id") ?? code.attribute("startRef") ?? ""
                if !targetIDs.contains(id) { report(code, "code '\(id)' has canDelete=\"no\" but is missing from the target") }
            }
        }
    }

    /// Inline content: allowed elements, attribute values, data references.
    /// Returns the inline elements in document order.
    private mutating func checkInline(_ text: XMLTree.Element, dataIDs: Set<String>) -> [XMLTree.Element] {
        var codes: [XMLTree.Element] = []
        for child in text.childElements {
            guard child.namespaceURI == coreNS, Self.inline.contains(child.name) else {
                report(child, "<\(child.name)> is not allowed in inline content")
                continue
            }
            checkElement(child)
            codes.append(child)
            for reference in ["dataRef", "dataRefStart", "dataRefEnd"] {
                guard let value = child.attribute(reference) else { continue }
                if dataIDs.isEmpty { report(child, "\(reference) '\(value)' but the unit has no <originalData>") }
                else if !dataIDs.contains(value) { report(child, "\(reference) '\(value)' names no <data> of the unit") }
            }
            for flows in ["subFlows", "subFlowsStart", "subFlowsEnd"] {
                guard let value = child.attribute(flows) else { continue }
                for id in value.split(separator: " ") {
                    subFlowReferences.append((String(id), child.diagnostic("XLIFF 2: \(flows) names unit '\(id)', which is not in this file")))
                }
            }
            if child.attribute("subType") != nil && child.attribute("type") == nil { report(child, "subType needs type") }
            if let subType = child.attribute("subType"), !Self.isPrefixedValue(subType) { report(child, "subType must be prefix:value") }
            if let subType = child.attribute("subType"), subType.hasPrefix("xlf:") {
                let expected = ["xlf:lb": "fmt", "xlf:pb": "fmt", "xlf:b": "fmt", "xlf:i": "fmt", "xlf:u": "fmt", "xlf:var": "ui"][subType]
                if expected == nil { report(child, "subType '\(subType)' is not an xlf: value (xlf:lb, xlf:pb, xlf:b, xlf:i, xlf:u, xlf:var)") }
                else if child.attribute("type") != expected { report(child, "subType '\(subType)' needs type=\"\(expected!)\"") }
            }
            if let reorder = child.attribute("canReorder"), reorder != "yes", child.name != "ec",
               child.attribute("canCopy") != "no" || child.attribute("canDelete") != "no" {
                report(child, "canReorder=\"\(reorder)\" needs canCopy=\"no\" and canDelete=\"no\"")
            }
            if let type = child.attribute("type") {
                let allowed: Set<String> = ["mrk", "sm"].contains(child.name) ? ["generic", "comment", "term"] : ["fmt", "ui", "quote", "link", "image", "other"]
                if !allowed.contains(type) && !(["mrk", "sm"].contains(child.name) && Self.isPrefixedValue(type)) {
                    report(child, "type '\(type)' is not allowed on <\(child.name)>")
                }
            }
            if ["mrk", "sm"].contains(child.name) && child.attribute("type") == "comment" {
                if (child.attribute("value") != nil) == (child.attribute("ref") != nil) {
                    report(child, "a comment annotation needs either value or ref, not both")
                } else if let ref = child.attribute("ref") {
                    let pairs = Self.fragmentPairs(ref)
                    let note = pairs.first { $0.0 == "n" }?.1
                    let pointsElsewhere = pairs.contains { $0.0 == "g" } || (pairs.contains { $0.0 == "f" } && !pairs.contains { $0.0 == "u" })
                    if note == nil || pointsElsewhere || !unitNoteIDs.contains(note!) {
                        report(child, "the comment reference '\(ref)' must name a <note> of this unit (#n=ID)")
                    }
                }
            }
            if let ref = child.attribute("ref"), child.name != "em", !Self.isFragmentReference(ref) {
                report(child, "ref '\(ref)' is not a valid XLIFF fragment identifier")
            }
            if child.name == "cp" {
                let hex = child.attribute("hex") ?? ""
                if hex.isEmpty || hex.count > 6 || UInt32(hex, radix: 16) == nil || UInt32(hex, radix: 16)! > 0x10FFFF {
                    report(child, "hex '\(hex)' is not a Unicode code point")
                } else if let value = UInt32(hex, radix: 16), Self.isXMLCharacter(value) {
                    report(child, "<cp hex=\"\(hex)\"> is for characters XML cannot hold; write U+\(hex) as text")
                }
            }
            if child.name == "pc" { codes += checkInline(child, dataIDs: dataIDs) }
            if child.name == "mrk" { codes += checkInline(child, dataIDs: dataIDs) }
        }
        return codes
    }

    /// The codes with canReorder "firstNo" or "no", in order, each with the id of the
    /// <pc> it is in (empty at the top).
    static func fixedCodes(in element: XMLTree.Element, container: String = "") -> [String] {
        var result: [String] = []
        for child in element.childElements where coreNamespaces.contains(child.namespaceURI ?? "") {
            if let value = child.attribute("canReorder"), value != "yes", let id = child.attribute("id") ?? child.attribute("startRef") {
                result.append("\(child.name):\(id)@\(container)")
            }
            if child.name == "pc" || child.name == "mrk" {
                result += fixedCodes(in: child, container: child.name == "pc" ? (child.attribute("id") ?? "") : container)
            }
        }
        return result
    }

    /// sc/ec and sm/em: an end after its start, isolated codes without partner, same
    /// editing hints on both ends.
    private mutating func checkPairing(_ codes: [XMLTree.Element], unit: XMLTree.Element) {
        var openSC: [String: XMLTree.Element] = [:]
        var openSM: Set<String> = []
        for code in codes {
            switch code.name {
            case "sc":
                let id = code.attribute("id") ?? ""
                let isolated = code.attribute("isolated") == "yes"
                let hasEnd = codes.contains { $0.name == "ec" && $0.attribute("startRef") == id }
                if isolated && hasEnd { report(code, "isolated <sc id=\"\(id)\"> has an <ec> in this unit") }
                if !isolated && !hasEnd { report(code, "<sc id=\"\(id)\"> has no <ec> in this unit; mark it isolated=\"yes\"") }
                if !isolated { openSC[id] = code }
            case "ec":
                let isolated = code.attribute("isolated") == "yes"
                if isolated {
                    if code.attribute("startRef") != nil { report(code, "an isolated <ec> takes id, not startRef") }
                    if code.attribute("id") == nil { report(code, "an isolated <ec> needs an id") }
                } else {
                    guard let start = code.attribute("startRef") else { report(code, "<ec> needs startRef (or isolated=\"yes\" and id)"); continue }
                    if code.attribute("id") != nil { report(code, "a paired <ec> takes startRef, not id") }
                    guard let sc = openSC[start] else { report(code, "<ec startRef=\"\(start)\"> comes before its <sc> or has none"); continue }
                    for hint in ["canCopy", "canDelete", "canOverlap", "canReorder"] where (sc.attribute(hint) ?? "yes") != (code.attribute(hint) ?? "yes") {
                        if hint == "canReorder" && sc.attribute(hint) == "firstNo" && code.attribute(hint) == "no" { continue }
                        report(code, "\(hint) differs between <sc id=\"\(start)\"> and its <ec>")
                    }
                    openSC[start] = nil
                }
            case "sm":
                let id = code.attribute("id") ?? ""
                if !codes.contains(where: { $0.name == "em" && $0.attribute("startRef") == id }) { report(code, "<sm id=\"\(id)\"> has no <em> in this unit") }
                openSM.insert(id)
            case "em":
                let start = code.attribute("startRef") ?? ""
                if !openSM.contains(start) { report(code, "<em startRef=\"\(start)\"> comes before its <sm> or has none") }
                openSM.remove(start)
            default:
                break
            }
        }
        // canReorder="firstNo" opens a sequence of codes that must not move: the following
        // codes of the sequence say canReorder="no".
        var afterFirstNo = false
        for code in codes where ["ph", "pc", "sc"].contains(code.name) {
            let value = code.attribute("canReorder") ?? "yes"
            if value == "firstNo" { afterFirstNo = true; continue }
            if value == "no" && !afterFirstNo { report(code, "canReorder=\"no\" must follow a code with canReorder=\"firstNo\"") }
            if value == "yes" { afterFirstNo = false }
        }
    }

    /// copyOf names a code of the same kind, which may be copied and carries the data.
    private mutating func checkCopies(_ codes: [XMLTree.Element]) {
        for (position, code) in codes.enumerated() {
            guard let original = code.attribute("copyOf") else { continue }
            if code.attribute("dataRef") != nil || code.attribute("dataRefStart") != nil { report(code, "a copy (copyOf) must not have its own dataRef") }
            guard let source = codes.enumerated().first(where: { $0.element.attribute("id") == original && $0.element.name == code.name && $0.offset != position })?.element else {
                report(code, "copyOf '\(original)' names no <\(code.name)> of this unit")
                continue
            }
            if source.attribute("canCopy") == "no" { report(code, "copyOf '\(original)' names a code with canCopy=\"no\"") }
        }
    }

    // MARK: Attributes

    private mutating func checkElement(_ element: XMLTree.Element) {
        guard let allowed = Self.attributes[element.name] else { return }
        for attribute in element.attributes {
            let namespace = attribute.namespaceURI ?? ""
            if namespace.isEmpty {
                if is22 && element.name == "note" && attribute.name == "ref" {
                    if !Self.isFragmentReference(attribute.value) { report(element, "ref '\(attribute.value)' is not a fragment identifier") }
                    continue
                }
                if !allowed.contains(attribute.name) { report(element, "attribute \(attribute.name) is not allowed on <\(element.name)>") }
            } else if namespace == Self.xmlNamespace {
                if !allowed.contains("xml:\(attribute.name)") && attribute.name != "base" {
                    report(element, "xml:\(attribute.name) is not allowed on <\(element.name)>")
                }
            } else if namespace == Self.formatStyle {
                checkFormatStyle(element, attribute: attribute.name, value: attribute.value)
            } else if !Self.extensibleAttributes.contains(element.name) && !Self.moduleNamespaces.contains(namespace) {
                report(element, "attribute \(attribute.name) of namespace \(namespace) is not allowed on <\(element.name)>")
            }
        }
        for name in ["id", "startRef", "copyOf"] {
            if let value = element.attribute(name), !Self.isNMTOKEN(value) { report(element, "\(name) '\(value)' is not an NMTOKEN") }
        }
        if element.attribute("id") == nil && ["file", "group", "unit", "data", "ph", "pc", "sc", "mrk", "sm"].contains(element.name) {
            report(element, "<\(element.name)> needs an id")
        }
        if element.name == "em" && element.attribute("startRef") == nil { report(element, "<em> needs startRef") }
        for name in ["canResegment", "translate", "canCopy", "canDelete", "canOverlap", "isolated"] {
            if let value = element.attribute(name), value != "yes" && value != "no" { report(element, "\(name) must be yes or no") }
        }
        if let value = element.attribute("canReorder"), !["yes", "no", "firstNo"].contains(value) { report(element, "canReorder must be yes, no or firstNo") }
        for name in ["dir", "srcDir", "trgDir"] {
            if let value = element.attribute(name), !["ltr", "rtl", "auto"].contains(value) { report(element, "\(name) must be ltr, rtl or auto") }
        }
        if let value = element.attribute("space", namespace: Self.xmlNamespace), value != "default" && value != "preserve" {
            report(element, "xml:space must be default or preserve")
        }
        if let value = element.attribute("lang", namespace: Self.xmlNamespace), !Self.isLanguageTag(value) {
            report(element, "xml:lang '\(value)' is not a BCP 47 language tag")
        }
        if ["group", "unit"].contains(element.name), let type = element.attribute("type"), !Self.isPrefixedValue(type) {
            report(element, "type on <\(element.name)> must be prefix:value")
        }
    }

    // MARK: Format style module

    static let formatStyle = "urn:oasis:names:tc:xliff:fs:2.0"
    /// The HTML elements fs:fs may name.
    static let htmlElements: Set<String> = [
        "a", "abbr", "acronym", "address", "applet", "area", "b", "base", "basefont", "bdo", "big", "blockquote", "body", "br",
        "button", "caption", "center", "cite", "code", "col", "colgroup", "dd", "del", "dfn", "dir", "div", "dl", "dt", "em",
        "fieldset", "font", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "html", "i", "iframe",
        "img", "input", "ins", "isindex", "kbd", "label", "legend", "li", "link", "map", "menu", "meta", "noframes", "noscript",
        "object", "ol", "optgroup", "option", "p", "param", "pre", "q", "s", "samp", "script", "select", "small", "span",
        "strike", "strong", "style", "sub", "sup", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "title", "tr",
        "tt", "u", "ul", "var",
    ]

    private mutating func checkFormatStyle(_ element: XMLTree.Element, attribute: String, value: String) {
        switch attribute {
        case "fs":
            if (element.name == "ec" && element.attribute("isolated") != "yes") || element.name == "em" {
                report(element, "fs:fs is not allowed on a closing <\(element.name)>; put it on its start")
            }
            if !Self.htmlElements.contains(value) { report(element, "fs:fs '\(value)' is not an HTML element name") }
        case "subFs":
            if element.attribute("fs", namespace: Self.formatStyle) == nil { report(element, "fs:subFs needs fs:fs") }
        default:
            report(element, "fs:\(attribute) is not an attribute of the format style module (fs:fs, fs:subFs)")
        }
    }

    // MARK: Helpers

    private func core(_ elements: [XMLTree.Element]) -> [XMLTree.Element] {
        elements.filter { $0.namespaceURI == coreNS }
    }

    private mutating func unique(_ elements: [XMLTree.Element], scope: String) {
        var seen: [String: XMLTree.Element] = [:]
        for element in elements {
            guard let id = element.attribute("id") else { continue }
            if seen[id] != nil { report(element, "id '\(id)' is used twice for a \(scope)") }
            seen[id] = element
        }
    }

    mutating func report(_ element: XMLTree.Element, _ message: String) {
        guard problems.count < Self.problemLimit else { problemsLeftOut += 1; return }
        record(element.diagnostic("XLIFF 2: " + message))
    }

    private mutating func record(_ problem: Diagnostic) {
        if problems.count < Self.problemLimit { problems.append(problem) } else { problemsLeftOut += 1 }
    }

    /// The xml:space in force on an element (inherited), "default" when none is set.
    static func space(of element: XMLTree.Element) -> String {
        var current: XMLTree.Element? = element
        while let candidate = current {
            if let value = candidate.attribute("space", namespace: xmlNamespace) { return value }
            current = candidate.parent
        }
        return "default"
    }

    /// True for characters XML 1.0 allows in a document.
    static func isXMLCharacter(_ value: UInt32) -> Bool {
        value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value)
            || (0x10000...0x10FFFF).contains(value)
    }

    /// The prefix=id pairs of a fragment identifier ("#/f=f1/u=1/n=n1").
    static func fragmentPairs(_ ref: String) -> [(String, String)] {
        guard let hash = ref.firstIndex(of: "#") else { return [] }
        return ref[ref.index(after: hash)...].split(separator: "/").compactMap { segment in
            let pair = segment.split(separator: "=", maxSplits: 1)
            return pair.count == 2 ? (String(pair[0]), String(pair[1])) : nil
        }
    }

    static func isNMTOKEN(_ value: String) -> Bool {
        !value.isEmpty && value.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-._:".unicodeScalars.contains(scalar)
                || scalar.properties.generalCategory == .nonspacingMark
        }
    }

    /// BCP 47: letters and digits in subtags of 1 to 8, the first 2-3 letters (or i/x).
    static func isLanguageTag(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count) || first == "i" || first == "x",
              first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    static func isPrefixedValue(_ value: String) -> Bool {
        let parts = value.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && isNMTOKEN(String(parts[0]))
    }

    /// `#f=file/u=unit/sm=id`-style fragment identifiers (or a plain URI without '#').
    static func isFragmentReference(_ value: String) -> Bool {
        guard let hash = value.firstIndex(of: "#") else { return true }
        var fragment = value[value.index(after: hash)...]
        if fragment.hasPrefix("/") { fragment = fragment.dropFirst() }
        guard !fragment.isEmpty else { return false }
        let segments = fragment.split(separator: "/", omittingEmptySubsequences: false)
        let known: Set<String> = ["f", "g", "u", "n", "d", "t", "mtc", "gls", "res", "ctr", "mda", "slr", "val", "tbx", "pgs"]
        var seenPrefixes: Set<String> = []
        var sawLeaf = false
        var lastRank = -1
        for (index, segment) in segments.enumerated() {
            if sawLeaf { return false }
            let pair = segment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if pair.count == 1 {
                // A leaf without prefix: an inline element id; must be last.
                guard isNMTOKEN(String(pair[0])), index == segments.count - 1 else { return false }
                sawLeaf = true
                continue
            }
            let prefix = String(pair[0]), id = String(pair[1])
            guard prefix.count >= 1, known.contains(prefix) || prefix.count > 1, isNMTOKEN(prefix), isNMTOKEN(id) else { return false }
            guard seenPrefixes.insert(prefix).inserted else { return false }
            if !known.contains(prefix) { return false }
            // f, then g, then u, then one of n, d, t or a module prefix.
            let rank = ["f": 0, "g": 1, "u": 2][prefix] ?? 3
            if rank < lastRank || (rank == 3 && lastRank == 3) { return false }
            lastRank = rank
        }
        return true
    }
}
