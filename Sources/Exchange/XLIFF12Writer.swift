import Foundation
import XMLSupport

/// XLIFF 1.2, for the CAT tools that import it best: one `trans-unit` per aligned unit,
/// codes as `g` (paired) and `x` (placeholders), term occurrences in `mrk mtype="term"`,
/// the target with `state="final"` when current and `"needs-review-translation"` when the
/// source changed, and the termbase's entries, the place and the context as notes (1.2 has
/// no glossary module).
struct XLIFF12Writer {
    let document: XLIFFDocument

    static let core = "urn:oasis:names:tc:xliff:document:1.2"
    /// The strict 1.2 schema takes no attribute of another namespace: the document's id is
    /// a header note, each unit's source hash a context of its own.
    static let documentNote = "passerelle-document: "
    static let hashContext = "x-passerelle-source-hash"

    func xml() -> String {
        var writer = XMLWriter()
        func attribute(_ value: String) -> String { writer.escape(attribute: value) }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<xliff xmlns=\"\(Self.core)\" version=\"1.2\">\n"
            + "  <file original=\"\(attribute(document.original))\" source-language=\"\(attribute(document.sourceLanguage))\" "
            + "target-language=\"\(attribute(document.targetLanguage))\" datatype=\"xml\">\n"
            + "    <header><tool tool-id=\"passerelle\" tool-name=\"Passerelle\"/>"
            + "<note from=\"passerelle\">\(Self.documentNote)\(writer.escape(text: document.documentID))</note></header>\n"
            + "    <body>\n"
        for unit in document.units { xml += self.unit(unit) }
        return xml + "    </body>\n  </file>\n</xliff>\n"
    }

    private func unit(_ unit: ExchangeUnit) -> String {
        var writer = XMLWriter()
        func text(_ value: String) -> String { writer.escape(text: value) }
        func attribute(_ value: String) -> String { writer.escape(attribute: value) }
        let inline = XLIFFText(
            open: { id, code in "<g id=\"\(id)\" ctype=\"\(code.ctype)\">" },
            close: { _, _ in "</g>" },
            placeholder: { id, code in "<x id=\"\(id)\" ctype=\"\(code.ctype)\"/>" },
            term: { _, inner in "<mrk mtype=\"term\">\(inner)</mrk>" })
        let source = inline.write(unit.sourceTokens, terms: unit.glossary.map(\.range)).xml
        var xml = "      <trans-unit id=\"\(attribute(unit.id))\">\n"
            + "        <source>\(source)</source>\n"
        if let target = unit.target {
            let state = unit.state == .current ? "final" : "needs-review-translation"
            xml += "        <target state=\"\(state)\">\(inline.write(InlineToken.tokens(of: target.inlines)).xml)</target>\n"
        }
        xml += "        <context-group name=\"passerelle-\(attribute(unit.id))\" purpose=\"information\"><context context-type=\"\(Self.hashContext)\">\(unit.sourceHash)</context></context-group>\n"
        var notes = ["Location: \(unit.location.file):\(unit.location.line):\(unit.location.column). Section: \(unit.section)."]
        if case let .outdated(recorded) = unit.state {
            notes.append("The source changed since this translation was made (from \(recorded), now \(unit.sourceHash)): review the target.")
        }
        for entry in unit.glossary {
            var note = "Term '\(entry.sourceTerm)' (\(entry.conceptID)): "
                + (entry.targetTerms.isEmpty ? entry.paraphrase.map { "write '\($0)'" } ?? "no approved term" : entry.targetTerms.joined(separator: " | "))
            if let definition = entry.definition { note += ". Definition: \(definition)" }
            notes.append(note)
            if let warning = entry.equivalenceNote { notes.append(warning) }
        }
        for note in notes { xml += "        <note from=\"passerelle\">\(text(note))</note>\n" }
        return xml + "      </trans-unit>\n"
    }
}
