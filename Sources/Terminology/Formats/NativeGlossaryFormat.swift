import Base
import Foundation
import XMLSupport

/// Passerelle's own glossary format: readable XML, validated by `schemas/glossary.rng`.
///
/// ```xml
/// <glossary xmlns="urn:passerelle:glossary:1">
///   <concept id="social-economy" subject="social economy">
///     <relation type="broader" ref="social-solidarity-economy"/>
///     <lang code="fr" equivalence="exact">
///       <definition source="Loi n° 2014-856 du 31 juillet 2014, art. 1">...</definition>
///       <term status="preferred" pos="noun" gender="feminine">économie sociale</term>
///     </lang>
///   </concept>
/// </glossary>
/// ```
///
/// Reading and writing keep elements and attributes of other namespaces, and
/// comments inside concepts, so that an edit by Passerelle loses nothing.
public enum NativeGlossaryFormat {
    /// The namespace of the format.
    public static let namespace = "urn:passerelle:glossary:1"
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    // MARK: Reading

    /// Reads a parsed glossary after validating it against the schema.
    public static func read(_ tree: XMLTree) throws -> Termbase {
        try validate(tree)
        let root = tree.root
        var termbase = Termbase(namespaces: root.namespaceDeclarations.filter { $0.value != namespace })
        for element in root.childElements where element.namespaceURI == namespace {
            switch element.name {
            case "title": termbase.title = element.text
            case "concept": termbase.concepts.append(readConcept(element))
            default: break
            }
        }
        return termbase
    }

    /// Validates the glossary. Small files are checked whole against glossary.rng;
    /// large ones concept by concept (glossary-concept.rng), because libxml2's
    /// validation of one huge document is slower than linear.
    public static func validate(_ tree: XMLTree) throws {
        let concepts = tree.root.childElements
        guard concepts.count > 500 else {
            let problems = try bundledSchema("glossary.rng").diagnostics(for: tree)
            if !problems.isEmpty { throw TerminologyError.invalid(problems) }
            return
        }
        var problems: [Diagnostic] = []
        let root = tree.root
        if root.name != "glossary" || root.namespaceURI != namespace {
            problems.append(root.diagnostic("the root must be <glossary xmlns=\"\(namespace)\">"))
        }
        let conceptSchema = try bundledSchema("glossary-concept.rng")
        for element in concepts where element.namespaceURI == namespace {
            switch element.name {
            case "concept": problems += conceptSchema.diagnostics(forElement: element)
            case "title": break
            default: problems.append(element.diagnostic("<\(element.name)> is not allowed in <glossary>; expected <title> or <concept>"))
            }
            if problems.count >= 200 { break }
        }
        if !problems.isEmpty { throw TerminologyError.invalid(problems) }
    }

    private static func bundledSchema(_ name: String) throws(TerminologyError) -> RelaxNGSchema {
        do {
            return try RelaxNGSchema.bundled(named: name)
        } catch {
            throw TerminologyError(error)
        }
    }

    private static func readConcept(_ element: XMLTree.Element) -> Concept {
        var concept = Concept(
            id: element.attribute("id") ?? "", subjectField: element.attribute("subject"),
            extensions: extensions(of: element), origin: SourceLocation(file: element.file, line: element.line))
        for child in element.childElements where child.namespaceURI == namespace {
            switch child.name {
            case "note": concept.notes.append(child.text)
            case "relation":
                if let kind = RelationKind(rawValue: child.attribute("type") ?? ""), let target = child.attribute("ref") {
                    concept.relations.append(ConceptRelation(kind, target))
                }
            case "lang": concept.languages.append(readLanguage(child))
            default: break
            }
        }
        return concept
    }

    private static func readLanguage(_ element: XMLTree.Element) -> LanguageSection {
        var section = LanguageSection(
            language: element.attribute("code") ?? "", equivalence: element.attribute("equivalence").flatMap(Equivalence.init(rawValue:)),
            extensions: extensions(of: element))
        for child in element.childElements where child.namespaceURI == namespace {
            switch child.name {
            case "definition": section.definitions.append(Definition(child.text, source: child.attribute("source")))
            case "paraphrase": section.paraphrase = child.text
            case "note": section.notes.append(child.text)
            case "term": section.terms.append(readTerm(child))
            default: break
            }
        }
        return section
    }

    private static func readTerm(_ element: XMLTree.Element) -> Term {
        let status = element.attribute("status").flatMap(TermStatus.init(rawValue:))
        return Term(
            element.text, status: status ?? .admitted,
            type: element.attribute("type").flatMap(TermType.init(rawValue:)),
            partOfSpeech: element.attribute("pos").flatMap(PartOfSpeech.init(rawValue:)),
            gender: element.attribute("gender").flatMap(GrammaticalGender.init(rawValue:)),
            regions: (element.attribute("region") ?? "").split(separator: " ").map(String.init),
            exactMatch: element.attribute("match") == "exact", note: element.attribute("note"),
            source: element.attribute("source"), reliability: element.attribute("reliability").flatMap { Int($0) },
            isForbidden: element.attribute("usage") == "forbidden", extensions: extensions(of: element),
            statusIsRecorded: status != nil)
    }

    /// Attributes and child elements of other namespaces, and comments.
    private static func extensions(of element: XMLTree.Element) -> Extensions {
        var result = Extensions()
        for attribute in element.attributes {
            guard let uri = attribute.namespaceURI, uri != namespace, uri != xmlNamespace else { continue }
            result.attributes.append(.init(namespaceURI: uri, prefix: attribute.prefix ?? "ns", name: attribute.name, value: attribute.value))
        }
        for child in element.children {
            switch child {
            case let .element(nested) where nested.namespaceURI != namespace && nested.namespaceURI != nil:
                result.markup.append(nested.outerXML)
            case let .comment(text):
                result.markup.append("<!--\(text)-->")
            default:
                break
            }
        }
        return result
    }

    // MARK: Writing

    /// The glossary as XML text, in a stable order that makes diffs readable.
    public static func write(_ termbase: Termbase) -> String {
        var writer = XMLWriter()
        writer.declaration()
        var rootAttributes = [("xmlns", namespace)]
        for (prefix, uri) in termbase.namespaces.sorted(by: { $0.key < $1.key }) where !prefix.isEmpty {
            rootAttributes.append(("xmlns:\(prefix)", uri))
        }
        writer.start("glossary", attributes: rootAttributes)
        if let title = termbase.title { writer.element("title", text: title) }
        for concept in termbase.concepts {
            var attributes = [("id", concept.id)]
            if let subject = concept.subjectField { attributes.append(("subject", subject)) }
            writer.start("concept", attributes: attributes + foreign(concept.extensions))
            for note in concept.notes { writer.element("note", text: note) }
            for relation in concept.relations {
                writer.element("relation", attributes: [("type", relation.kind.rawValue), ("ref", relation.target)])
            }
            for section in concept.languages { write(section, to: &writer) }
            for markup in concept.extensions.markup { writer.raw(markup) }
            writer.end()
        }
        writer.end()
        return writer.output
    }

    private static func write(_ section: LanguageSection, to writer: inout XMLWriter) {
        var attributes = [("code", section.language)]
        if let equivalence = section.equivalence { attributes.append(("equivalence", equivalence.rawValue)) }
        writer.start("lang", attributes: attributes + foreign(section.extensions))
        for definition in section.definitions {
            writer.element("definition", attributes: definition.source.map { [("source", $0)] } ?? [], text: definition.text)
        }
        if let paraphrase = section.paraphrase { writer.element("paraphrase", text: paraphrase) }
        for note in section.notes { writer.element("note", text: note) }
        for term in section.terms {
            var termAttributes = term.statusIsRecorded ? [("status", term.status.rawValue)] : []
            if let type = term.type { termAttributes.append(("type", type.rawValue)) }
            if let pos = term.partOfSpeech { termAttributes.append(("pos", pos.rawValue)) }
            if let gender = term.gender { termAttributes.append(("gender", gender.rawValue)) }
            if !term.regions.isEmpty { termAttributes.append(("region", term.regions.joined(separator: " "))) }
            if term.exactMatch { termAttributes.append(("match", "exact")) }
            if let note = term.note { termAttributes.append(("note", note)) }
            if let source = term.source { termAttributes.append(("source", source)) }
            if let reliability = term.reliability { termAttributes.append(("reliability", String(reliability))) }
            if term.isForbidden { termAttributes.append(("usage", "forbidden")) }
            writer.start("term", attributes: termAttributes + foreign(term.extensions))
            writer.text(term.text)
            for markup in term.extensions.markup { writer.raw(markup) }
            writer.end()
        }
        for markup in section.extensions.markup { writer.raw(markup) }
        writer.end()
    }

    private static func foreign(_ extensions: Extensions) -> [(String, String)] {
        var declared: [String: String] = [:]
        var attributes: [(String, String)] = []
        for attribute in extensions.attributes {
            if declared[attribute.prefix] == nil {
                declared[attribute.prefix] = attribute.namespaceURI
                attributes.append(("xmlns:\(attribute.prefix)", attribute.namespaceURI))
            }
            attributes.append(("\(attribute.prefix):\(attribute.name)", attribute.value))
        }
        return attributes
    }
}
