import Foundation
import XMLSupport

/// XLIFF 2.1: one `unit` per aligned unit, under its id, with in this order (as the
/// schema requires) the glossary module's entries, the notes (where the unit is, its
/// section, a source changed since the translation, terms without an equivalent), the
/// original data of its codes, and one segment: the source with `pc`/`ph` codes
/// (`canCopy="no"`: none twice; `canDelete="no"` on links, line breaks, dates and numbers,
/// which must come back) and term markers, and the
/// target when there is one (`state="final"` when current, `"initial"` when outdated).
struct XLIFF2Writer {
    let document: XLIFFDocument

    static let core = "urn:oasis:names:tc:xliff:document:2.0"
    static let glossary = "urn:oasis:names:tc:xliff:glossary:2.0"

    func xml() -> String {
        var writer = XMLWriter()
        func attribute(_ value: String) -> String { writer.escape(attribute: value) }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<xliff xmlns=\"\(Self.core)\" xmlns:gls=\"\(Self.glossary)\" xmlns:psl=\"\(XLIFFDocument.namespace)\" version=\"2.1\" "
            + "srcLang=\"\(attribute(document.sourceLanguage))\" trgLang=\"\(attribute(document.targetLanguage))\">\n"
            + "  <file id=\"f1\" original=\"\(attribute(document.original))\" psl:document=\"\(attribute(document.documentID))\">\n"
        for unit in document.units { xml += self.unit(unit) }
        return xml + "  </file>\n</xliff>\n"
    }

    private func unit(_ unit: ExchangeUnit) -> String {
        var writer = XMLWriter()
        func text(_ value: String) -> String { writer.escape(text: value) }
        func attribute(_ value: String) -> String { writer.escape(attribute: value) }
        let tokens = unit.sourceTokens
        let codes = InlineToken.codes(of: tokens)
        let inline = XLIFFText(
            open: { id, code in "<pc id=\"\(id)\" dataRefStart=\"s\(id)\" dataRefEnd=\"e\(id)\" canCopy=\"no\"\(code.canDelete ? "" : " canDelete=\"no\"")>" },
            close: { _, _ in "</pc>" },
            placeholder: { id, _ in "<ph id=\"\(id)\" dataRef=\"p\(id)\" canCopy=\"no\" canDelete=\"no\"/>" },
            term: { number, inner in "<mrk id=\"m\(number)\" type=\"term\">\(inner)</mrk>" })
        let source = inline.write(tokens, terms: unit.glossary.map(\.range))

        var xml = "    <unit id=\"\(attribute(unit.id))\" psl:sourceHash=\"\(unit.sourceHash)\">\n"
        if !unit.glossary.isEmpty {
            xml += "      <gls:glossary>\n"
            for (index, entry) in unit.glossary.enumerated() {
                xml += "        <gls:glossEntry" + (source.marked[index].map { " ref=\"#m\($0)\"" } ?? "") + ">"
                    + "<gls:term source=\"\(attribute(entry.conceptID))\">\(text(entry.sourceTerm))</gls:term>"
                for term in entry.targetTerms { xml += "<gls:translation>\(text(term))</gls:translation>" }
                if entry.targetTerms.isEmpty, let paraphrase = entry.paraphrase {
                    xml += "<gls:translation source=\"paraphrase\">\(text(paraphrase))</gls:translation>"
                }
                if let definition = entry.definition {
                    xml += "<gls:definition" + (entry.definitionSource.map { " source=\"\(attribute($0))\"" } ?? "") + ">\(text(definition))</gls:definition>"
                }
                xml += "</gls:glossEntry>\n"
            }
            xml += "      </gls:glossary>\n"
        }
        var notes = [("location", "\(unit.location.file):\(unit.location.line):\(unit.location.column)"), ("context", unit.section)]
        if case let .outdated(recorded) = unit.state {
            notes.append(("source-changed", "The source changed since this translation was made (from \(recorded), now \(unit.sourceHash)): "
                + "review the target against the new source."))
        }
        notes += unit.glossary.compactMap(\.equivalenceNote).map { ("terminology", $0) }
        xml += "      <notes>\n"
        for (index, note) in notes.enumerated() {
            xml += "        <note id=\"n\(index + 1)\" category=\"\(note.0)\">\(text(note.1))</note>\n"
        }
        xml += "      </notes>\n"
        if !codes.isEmpty {
            xml += "      <originalData>\n"
            for (id, code) in codes.sorted(by: { Int($0.key) ?? 0 < Int($1.key) ?? 0 }) {
                let markup = code.markup(prefix: "")
                if code.isPaired {
                    xml += "        <data id=\"s\(id)\">\(text(markup.start))</data>\n        <data id=\"e\(id)\">\(text(markup.end))</data>\n"
                } else {
                    xml += "        <data id=\"p\(id)\">\(text(markup.start))</data>\n"
                }
            }
            xml += "      </originalData>\n"
        }
        let state = unit.state == .current ? " state=\"final\"" : " state=\"initial\""
        xml += "      <segment id=\"s1\"\(state)>\n        <source>\(source.xml)</source>\n"
        if let target = unit.target {
            xml += "        <target>\(inline.write(InlineToken.tokens(of: target.inlines)).xml)</target>\n"
        }
        return xml + "      </segment>\n    </unit>\n"
    }
}
