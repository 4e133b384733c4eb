import XMLSupport

/// Inline text as WordprocessingML runs (`w:r`). Runs cannot nest, so each run is
/// written with empty slots in its properties (characters XML forbids, which no source
/// text can contain): emphasis, strong and links fill a slot of every run inside them,
/// and ``DOCXFormat`` puts the paragraph's language in the last slot (`w:lang` on every
/// run) and empties the others. The slots keep the schema's order of run properties.
struct DOCXMarkup: InlineMarkup {
    enum Slot {
        static let style = "\u{1}", bold = "\u{2}", italic = "\u{3}", language = "\u{4}"
        static let all = style + bold + italic + language
    }

    /// Gathers links (relationships) and footnotes while runs are written.
    let parts: DOCXParts

    func escape(_ text: String) -> String {
        var writer = XMLWriter()
        return "<w:r><w:rPr>\(Slot.all)</w:rPr><w:t xml:space=\"preserve\">\(writer.escape(text: text))</w:t></w:r>"
    }

    func emphasis(_ inner: String) -> String { inner.replacingOccurrences(of: Slot.italic, with: "<w:i/><w:iCs/>") }

    func strong(_ inner: String) -> String { inner.replacingOccurrences(of: Slot.bold, with: "<w:b/><w:bCs/>") }

    func link(href: String, _ inner: String) -> String {
        let id = parts.hyperlink(href)
        return "<w:hyperlink r:id=\"\(id)\" w:history=\"1\">"
            + inner.replacingOccurrences(of: Slot.style, with: "<w:rStyle w:val=\"Hyperlink\"/>") + "</w:hyperlink>"
    }

    var lineBreak: String { "<w:r><w:br/></w:r>" }

    /// A term with its note as a real footnote (only when `--terms` asks for notes).
    func term(_ inner: String, conceptID: String, note: String?, noteKey: String, footnotes: FootnoteCollector) -> String {
        guard let note else { return inner }
        let language = String(noteKey.split(separator: "@").last ?? "")
        let id = parts.footnote(note, language: language)
        return inner + "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"\(id)\"/></w:r>"
    }

    /// `content` with its slots filled for a paragraph in `language`.
    static func finish(_ content: String, language: String) -> String {
        guard content.contains(Slot.language) else { return content }
        let tag = OfficeLanguage.tag(language)
        let lang = "<w:lang w:val=\"\(tag.language)-\(tag.country)\"/>"
        var result = ""
        result.reserveCapacity(content.utf8.count + 32)
        for scalar in content.unicodeScalars {
            switch scalar {
            case "\u{1}", "\u{2}", "\u{3}": continue
            case "\u{4}": result += lang
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result.replacingOccurrences(of: "<w:rPr></w:rPr>", with: "")
    }
}
