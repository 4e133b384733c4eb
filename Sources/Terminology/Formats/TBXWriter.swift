import Linguistics
import XMLSupport

/// Writes a ``Termbase`` as TBX-Basic, v3 (ISO 30042:2019, DCA style) or v2
/// (martif, as CAT tools read it).
///
/// TBX-Basic has no place for equivalence, paraphrase, exact matching or typed
/// relations: they are written as notes with a prefix ("Equivalence: partial",
/// "Paraphrase: ...", "Match: exact", "Reliability: 2") and as cross-references whose text names the
/// relation ("broader: social-economy"), which ``TBXReader`` reads back. TBX-Default (v2
/// only) has IATE's reliability code as a data category: `descrip type="reliabilityCode"`,
/// where IATE puts it. A term whose source gave no status is written without one.
enum TBXWriter {
    static func write(_ termbase: Termbase, version: TBXVersion, dialect: TBXDialect = .basic) -> String {
        var writer = XMLWriter()
        writer.declaration()
        let isV3 = version == .v3
        let language = termbase.languages.first.map(LanguageTag.primary) ?? "en"
        if isV3 {
            writer.start("tbx", attributes: [("type", "TBX-Basic"), ("style", "dca"), ("xml:lang", language), ("xmlns", TBXDialect.v3Namespace)])
            writer.start("tbxHeader")
        } else {
            writer.start("martif", attributes: [("type", dialect.name), ("xml:lang", language)])
            writer.start("martifHeader")
        }
        writer.start("fileDesc")
        if let title = termbase.title {
            writer.start("titleStmt")
            writer.element("title", text: title)
            writer.end()
        }
        writer.start("sourceDesc")
        writer.element("p", text: "Exported by Passerelle")
        writer.end()
        writer.end()
        if !isV3 {
            writer.start("encodingDesc")
            writer.element("p", attributes: [("type", "XCSURI")], text: dialect.xcs ?? "TBXBasicXCSV02.xcs")
            writer.end()
        }
        writer.end()
        writer.start("text")
        writer.start("body")
        for concept in termbase.concepts { write(concept, version: version, dialect: dialect, to: &writer) }
        writer.end()
        writer.end()
        writer.end()
        return writer.output
    }

    private static func write(_ concept: Concept, version: TBXVersion, dialect: TBXDialect, to writer: inout XMLWriter) {
        let isV3 = version == .v3
        writer.start(isV3 ? "conceptEntry" : "termEntry", attributes: [("id", concept.id)])
        if let subject = concept.subjectField { writer.element("descrip", attributes: [("type", "subjectField")], text: subject) }
        for note in concept.notes { writer.element("note", text: note) }
        for relation in concept.relations {
            writer.element("ref", attributes: [("type", "crossReference"), ("target", relation.target)],
                           text: "\(relation.kind.rawValue): \(relation.target)")
        }
        for section in concept.languages {
            writer.start(isV3 ? "langSec" : "langSet", attributes: [("xml:lang", section.language)])
            for definition in section.definitions {
                writer.start("descripGrp")
                writer.element("descrip", attributes: [("type", "definition")], text: definition.text)
                if let source = definition.source { writer.element("admin", attributes: [("type", "source")], text: source) }
                writer.end()
            }
            if let equivalence = section.equivalence { writer.element("note", text: "Equivalence: \(equivalence.rawValue)") }
            // TBX needs a term in every language section: a lone paraphrase is written as one.
            let paraphraseTerm = section.terms.isEmpty ? section.paraphrase.map {
                Term($0, status: .admitted, type: .phrase, note: TBXDialect.paraphraseTermNote)
            } : nil
            if let paraphrase = section.paraphrase, paraphraseTerm == nil { writer.element("note", text: "Paraphrase: \(paraphrase)") }
            for note in section.notes { writer.element("note", text: note) }
            for term in section.terms + [paraphraseTerm].compactMap({ $0 }) {
                write(term, language: section.language, version: version, dialect: dialect, to: &writer)
            }
            writer.end()
        }
        writer.end()
    }

    private static func write(_ term: Term, language: String, version: TBXVersion, dialect: TBXDialect, to writer: inout XMLWriter) {
        writer.start(version == .v3 ? "termSec" : "tig")
        writer.element("term", text: term.text)
        if let pos = term.partOfSpeech { writer.element("termNote", attributes: [("type", "partOfSpeech")], text: pos.rawValue) }
        if let type = term.type { writer.element("termNote", attributes: [("type", "termType")], text: type.rawValue) }
        if let gender = term.gender { writer.element("termNote", attributes: [("type", "grammaticalGender")], text: gender.rawValue) }
        if term.statusIsRecorded {
            writer.element("termNote", attributes: [("type", "administrativeStatus")], text: term.status.tbxValue)
        }
        for region in term.regions {
            writer.element("termNote", attributes: [("type", "geographicalUsage")], text: "\(LanguageTag.primary(language))-\(region)")
        }
        if let source = term.source { writer.element("admin", attributes: [("type", "source")], text: source) }
        let codeIsCategory = dialect.allows("descrip", type: "reliabilityCode")
        if let code = term.reliability, codeIsCategory {
            writer.element("descrip", attributes: [("type", "reliabilityCode")], text: String(code))
        }
        if let note = term.note { writer.element("note", text: note) }
        if term.exactMatch { writer.element("note", text: "Match: exact") }
        if let code = term.reliability, !codeIsCategory { writer.element("note", text: "Reliability: \(code)") }
        if term.isForbidden { writer.element("note", text: "Usage: forbidden") }
        writer.end()
    }
}
