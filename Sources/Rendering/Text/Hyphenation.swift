import Base
import Content
import Linguistics
import XMLSupport

/// Soft hyphens for HTML, from libhyphen's patterns (through ``HyphenationCache``):
/// browsers and WeasyPrint then break long German and French words where they may be
/// broken, in narrow columns and labels alike, whether or not they have hyphenation
/// dictionaries of their own.
struct Hyphenation {
    /// The breaks of the document's words, by primary language.
    private var breaks: [String: [String: [Int]]] = [:]

    /// The cache all renders of this process share.
    static let cache = HyphenationCache()

    /// No hyphenation (Markdown, text).
    static let none = Hyphenation()

    /// The breaks of every word of `document` (and of the labels a render adds) in
    /// each of `languages`; a language whose patterns are not installed is told once.
    static func prepare(_ document: ContentDocument, languages: [String], warnings: inout [Diagnostic]) -> Hyphenation {
        var words: [String: Set<String>] = [:]
        for language in languages { words[LanguageTag.primary(language), default: []].formUnion(Labels.for(language).words) }
        for unit in document.units {
            for text in unit.texts where languages.contains(where: { LanguageTag.primary($0) == LanguageTag.primary(text.language) }) {
                words[LanguageTag.primary(text.language), default: []].formUnion(Self.words(in: text.inlines.plainText))
            }
        }
        var result = Hyphenation()
        for (language, found) in words.sorted(by: { $0.key < $1.key }) {
            do {
                result.breaks[language] = try cache.breaks(of: found, language: language)
            } catch {
                // Only where Debian has the patterns is their absence worth a word.
                if ["de", "fr", "en"].contains(language) {
                    warnings.append(Diagnostic(file: document.file, line: 0, message: "\(error)", severity: .warning))
                }
            }
        }
        return result
    }

    /// The runs of letters long enough to be hyphenated.
    static func words(in text: String) -> Set<String> {
        var found: Set<String> = []
        Hyphenator.forEachWord(in: text) { range in
            let word = text[range]
            if word.count >= Hyphenator.minimumWordLength { found.insert(String(word)) }
        }
        return found
    }

    /// The same breaks, for `languages` only (a stacked part hyphenates its own language).
    func only(_ languages: [String]) -> Hyphenation {
        var copy = Hyphenation()
        let kept = Set(languages.map(LanguageTag.primary))
        copy.breaks = breaks.filter { kept.contains($0.key) }
        return copy
    }

    /// `text`, in `language`, with soft hyphens.
    func apply(_ text: String, language: String) -> String {
        guard let known = breaks[LanguageTag.primary(language)] else { return text }
        return Hyphenator.softHyphenated(text) { known[$0] ?? [] }
    }
}
