import Content

/// Writes a text's inline content in one output format: typography for its
/// language, dates and numbers by ICU, terms annotated, links checked, every
/// source string escaped.
struct InlineRenderer {
    let markup: InlineMarkup
    let formatter: LocaleFormatter
    let terms: TermAnnotator
    let footnotes: FootnoteCollector
    /// Which occurrences of a term carry a note.
    let termNotes: RenderOptions.TermNotes
    /// Soft hyphens in the text (HTML).
    let hyphenation: Hyphenation
    /// The concepts already noted, per language (for `.first`).
    let noted = NotedTerms()

    func render(_ text: LanguageText) -> String {
        var typographer = Typographer(language: text.language)
        return render(text.inlines, language: text.language, typographer: &typographer)
    }

    /// Plain text for attribute-like places (alt text, titles): typography, no markup.
    func plain(_ text: LanguageText) -> String { Self.plain(text) }

    /// The same, where no renderer is at hand (link labels, subjects, preheaders).
    static func plain(_ text: LanguageText) -> String {
        var typographer = Typographer(language: text.language)
        return typographer.apply(text.inlines.plainText)
    }

    /// Keys already seen.
    final class NotedTerms {
        private var keys: Set<String> = []
        /// True the first time `key` is inserted.
        func insert(_ key: String) -> Bool { keys.insert(key).inserted }
    }

    private func render(_ inlines: [Inline], language: String, typographer: inout Typographer) -> String {
        var output = ""
        for inline in inlines {
            switch inline {
            case let .text(text):
                output += markup.escape(hyphenation.apply(typographer.apply(text), language: language))
            case let .emphasis(children):
                output += markup.emphasis(render(children, language: language, typographer: &typographer))
            case let .strong(children):
                output += markup.strong(render(children, language: language, typographer: &typographer))
            case let .link(href, children):
                let inner = render(children, language: language, typographer: &typographer)
                output += LinkPolicy.allows(href) ? markup.link(href: href, inner) : inner
            case .lineBreak:
                output += markup.lineBreak
            case let .term(conceptID, children, _):
                let inner = render(children, language: language, typographer: &typographer)
                let key = "\(conceptID)@\(language)"
                guard termNotes == .all || (termNotes == .first && noted.insert(key)) else {
                    output += inner
                    continue
                }
                output += markup.term(inner, conceptID: conceptID, note: terms.note(for: conceptID, in: language),
                                      noteKey: key, footnotes: footnotes)
            case let .date(date, style):
                output += markup.escape(formatter.date(date, language: language, style: style))
            case let .number(value):
                output += markup.escape(formatter.number(value, language: language))
            }
        }
        return output
    }
}
