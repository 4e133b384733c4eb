import Base
import Foundation
import Linguistics
import XMLSupport

/// Reads TBX v2 (martif) and v3 (DCA and DCT styles) into a ``Termbase``,
/// keeping every language and mapping the status values found in the wild.
///
/// What Passerelle's model has no place for (transactions, contexts, graphics)
/// is left out; notes written by ``TBXWriter`` with a known prefix
/// ("Equivalence:", "Paraphrase:", "Match: exact", "Reliability:", "Relation:") are read back
/// into the model, so that native -> TBX -> native loses nothing.
enum TBXReader {
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    static let tbxNamespaceMessage = "<tbx> must be in the namespace \(TBXDialect.v3Namespace) (TBX v3)"

    static func read(_ tree: XMLTree) throws -> Termbase {
        let root = tree.root
        let version: TBXVersion
        switch (root.name, root.namespaceURI) {
        case ("martif", nil): version = .v2
        case ("tbx", TBXDialect.v3Namespace?): version = .v3
        case ("tbx", _):
            throw TerminologyError.invalid([root.diagnostic(tbxNamespaceMessage)])
        default:
            throw TerminologyError.invalid([root.diagnostic("not a TBX file: the root is <\(root.name)>, expected <martif> (TBX v2) or <tbx> (TBX v3)")])
        }
        let problems = TBXValidator.problems(of: tree, version: version)
        if !problems.isEmpty { throw TerminologyError.invalid(problems) }

        let documentLanguage = root.attribute("lang", namespace: xmlNamespace) ?? "en"
        var termbase = Termbase()
        if let header = root.childElements.first(where: { $0.name == "martifHeader" || $0.name == "tbxHeader" }) {
            termbase.title = firstDescendant(of: header, path: ["titleStmt", "title"]).map(\.text.trimmedWhitespace)
                .flatMap { $0.isEmpty ? nil : $0 }
        }
        let entries = root.descendants(named: version == .v2 ? "termEntry" : "conceptEntry")
        for (index, entry) in entries.enumerated() {
            termbase.concepts.append(readEntry(entry, number: index + 1, documentLanguage: documentLanguage))
        }
        return termbase
    }

    /// Reads a TBX file as a stream: the header and each entry are expanded one at a time,
    /// checked and read with the same code as ``read(_:)``, then freed, so memory holds the
    /// termbase, not the document; the elements between them are checked one by one.
    static func read(streaming file: String) throws -> Termbase {
        do {
            let reader = try XMLStreamReader(file: file)
            var version: TBXVersion?
            var validator = TBXValidator(type: nil, version: .v2)
            var termbase = Termbase()
            var documentLanguage = "en"
            var number = 0
            /// The names of the open elements, by depth.
            var open: [String] = []
            while let event = try reader.next() {
                guard case let .start(element) = event else { continue }
                open.removeLast(max(0, open.count - element.depth))
                let parent = open.last
                open.append(element.name)
                guard let known = version else {
                    switch (element.name, element.namespaceURI) {
                    case ("martif", nil): version = .v2
                    case ("tbx", TBXDialect.v3Namespace?): version = .v3
                    case ("tbx", _):
                        throw TerminologyError.invalid([Diagnostic(file: file, line: element.line, column: element.column,
                                                                      message: Self.tbxNamespaceMessage)])
                    default:
                        throw TerminologyError.invalid([Diagnostic(file: file, line: element.line, column: element.column,
                                                                      message: "not a TBX file: the root is <\(element.name)>, expected <martif> (TBX v2) or <tbx> (TBX v3)")])
                    }
                    validator = TBXValidator(type: element.attribute("type"), version: version!)
                    documentLanguage = element.attributes.first { $0.name == "lang" && $0.namespaceURI == xmlNamespace }?.value ?? "en"
                    continue
                }
                switch element.name {
                case "martifHeader", "tbxHeader":
                    let header = try reader.expandCurrentElement()
                    validator.checkPart(header)
                    termbase.title = firstDescendant(of: header, path: ["titleStmt", "title"])?.text.trimmedWhitespace
                    reader.skipSubtree()
                case known == .v2 ? "termEntry" : "conceptEntry":
                    let entry = try reader.expandCurrentElement()
                    number += 1
                    validator.checkPart(entry)
                    if validator.problems.count < 200 { termbase.concepts.append(readEntry(entry, number: number, documentLanguage: documentLanguage)) }
                    reader.skipSubtree()
                default:
                    validator.checkBetweenParts(element, parent: parent, file: file)
                }
            }
            if !validator.problems.isEmpty { throw TerminologyError.invalid(validator.problems) }
            return termbase
        } catch let error as XMLSupportError {
            throw TerminologyError(error)
        }
    }

    /// The first element reached by following `path` (element names) below `element`.
    private static func firstDescendant(of element: XMLTree.Element, path: [String]) -> XMLTree.Element? {
        guard let name = path.first else { return element }
        for child in element.childElements {
            if child.name == name, let found = firstDescendant(of: child, path: Array(path.dropFirst())) { return found }
            if child.name != name, let found = firstDescendant(of: child, path: path) { return found }
        }
        return nil
    }

    /// The TBX elements whose type attribute names their data category (DCA style).
    private static let typedElements: Set<String> = ["descrip", "termNote", "admin", "ref", "xref", "transac"]

    /// The data category of a DCA element (its type) or a DCT element (its name).
    private static func category(of element: XMLTree.Element) -> String? {
        if typedElements.contains(element.name),
           element.namespaceURI == nil || element.namespaceURI == TBXDialect.v3Namespace {
            return element.attribute("type")
        }
        if let namespace = element.namespaceURI, namespace != TBXDialect.v3Namespace { return element.name }
        return nil
    }

    private static func readEntry(_ entry: XMLTree.Element, number: Int, documentLanguage: String) -> Concept {
        var concept = Concept(id: entry.attribute("id") ?? "entry-\(number)", origin: SourceLocation(file: entry.file, line: entry.line))
        var looseDefinitions: [Definition] = []
        for child in entry.childElements {
            switch child.name {
            case "langSet", "langSec":
                concept.languages.append(readLanguage(child))
            case "note":
                concept.notes.append(child.text)
            case "descripGrp":
                let group = readDescripGroup(child)
                looseDefinitions += group.definitions
                concept.notes += group.notes
                if let subject = group.subjectField { concept.subjectField = subject }
            case "ref" where category(of: child) == "crossReference":
                readRelation(child, into: &concept)
            default:
                switch category(of: child) {
                case "subjectField": concept.subjectField = child.text
                case "definition": looseDefinitions.append(Definition(child.text))
                case "crossReference": readRelation(child, into: &concept)
                default: break
                }
            }
        }
        if !looseDefinitions.isEmpty {
            // A concept-level definition is in the document's language.
            if let index = concept.languages.firstIndex(where: { LanguageTag.primary($0.language) == LanguageTag.primary(documentLanguage) }) {
                concept.languages[index].definitions.insert(contentsOf: looseDefinitions, at: 0)
            } else {
                concept.languages.append(LanguageSection(language: documentLanguage, definitions: looseDefinitions))
            }
        }
        return concept
    }

    private static func readRelation(_ element: XMLTree.Element, into concept: inout Concept) {
        var target = element.attribute("target") ?? element.text
        if target.hasPrefix("#") { target.removeFirst() }
        let label = element.text.lowercased()
        let kind = RelationKind.allCases.first { label.hasPrefix($0.rawValue) } ?? .related
        if !target.isEmpty { concept.relations.append(ConceptRelation(kind, target)) }
    }

    /// The definitions of a descripGrp (with its source), its subject field and its notes
    /// (IATE writes an entry's note there: "JHA", "Council of Europe").
    private static func readDescripGroup(_ group: XMLTree.Element) -> (definitions: [Definition], subjectField: String?, notes: [String]) {
        var texts: [String] = []
        var subjectField: String?
        var source: String?
        var notes: [String] = []
        for child in group.childElements {
            if child.name == "note" {
                let note = child.text.trimmedWhitespace
                if !note.isEmpty { notes.append(note) }
                continue
            }
            switch category(of: child) {
            case "definition": texts.append(child.text)
            case "subjectField": subjectField = child.text
            case "source": source = child.text
            default: break
            }
        }
        return (texts.map { Definition($0, source: source) }, subjectField, notes)
    }

    private static func readLanguage(_ element: XMLTree.Element) -> LanguageSection {
        var section = LanguageSection(language: LanguageTag.normalized(element.attribute("lang", namespace: xmlNamespace) ?? "und"))
        for child in element.childElements {
            switch child.name {
            case "tig", "ntig", "termSec":
                guard let term = readTerm(child) else { break }
                if term.note == TBXDialect.paraphraseTermNote {
                    section.paraphrase = term.text
                } else {
                    section.terms.append(term)
                }
            case "descripGrp":
                let group = readDescripGroup(child)
                section.definitions += group.definitions
                section.notes += group.notes
            case "note":
                let text = child.text
                if let value = prefixed(text, "Equivalence:") {
                    section.equivalence = Equivalence(rawValue: value)
                } else if let value = prefixed(text, "Paraphrase:") {
                    section.paraphrase = value
                } else {
                    section.notes.append(text)
                }
            default:
                if category(of: child) == "definition" { section.definitions.append(Definition(child.text)) }
            }
        }
        return section
    }

    private static func readTerm(_ element: XMLTree.Element) -> Term? {
        // ntig wraps the term and its notes in a termGrp.
        let holder = element.name == "ntig" ? (element.firstChild(named: "termGrp") ?? element) : element
        let holderChildren = holder.childElements
        guard let termElement = holderChildren.first(where: { $0.name == "term" }) else { return nil }
        let text = termElement.text.trimmedWhitespace
        guard !text.isEmpty else { return nil }
        var term = Term(text)
        var explicitStatus: TermStatus?
        var fields = holderChildren
        if element.name == "ntig" { fields += element.childElements.filter { $0.name != "termGrp" } }
        for child in holderChildren where ["termNoteGrp", "descripGrp", "adminGrp"].contains(child.name) { fields += child.childElements }
        for field in fields where field.name != "term" {
            let value = field.text.trimmedWhitespace
            if field.name == "note" {
                if prefixed(value, "Match:") == "exact" {
                    term.exactMatch = true
                } else if prefixed(value, "Usage:") == "forbidden" {
                    term.isForbidden = true
                } else if let code = prefixed(value, "Reliability:").flatMap({ Int($0) }) {
                    term.reliability = code
                } else {
                    term.note = value
                }
                continue
            }
            switch category(of: field) {
            case "administrativeStatus", "usageStatus", "normativeAuthorization":
                explicitStatus = TermStatus(tbxValue: value) ?? explicitStatus
                if value.lowercased() == "forbidden" { term.isForbidden = true }
            case "termType": term.type = TermType(rawValue: value)
            case "partOfSpeech": term.partOfSpeech = PartOfSpeech(rawValue: value)
            case "grammaticalGender": term.gender = GrammaticalGender(rawValue: value)
            case "geographicalUsage":
                if let region = RegionCode.parse(value) {
                    if !term.regions.contains(region) { term.regions.append(region) }
                } else {
                    term.note = [term.note, "Geographical usage: \(value)"].compactMap { $0 }.joined(separator: "; ")
                }
            case "reliabilityCode": term.reliability = Int(value)
            case "source": term.source = value
            default: break
            }
        }
        term.status = explicitStatus ?? .admitted
        term.statusIsRecorded = explicitStatus != nil
        return term
    }

    private static func prefixed(_ text: String, _ prefix: String) -> String? {
        guard text.hasPrefix(prefix) else { return nil }
        return text.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
    }
}

