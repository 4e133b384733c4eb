import Linguistics

/// Turns terms and queries into keys that ignore case, accents and inflection:
/// each word is stemmed (Snowball) and keyed by primary-strength ICU collation.
///
/// "économie sociale", "Economies sociales" and "ÉCONOMIE SOCIALE" get the same key.
/// Not thread-safe (it holds a tokenizer and a stemmer): one per task.
public final class TermKeyMaker {
    public let language: String
    private let tokenizer: WordTokenizer
    private let stemmer: Stemmer?
    private let collator: Collator

    public init(language: String) throws {
        self.language = language
        tokenizer = try WordTokenizer(locale: language)
        stemmer = try? Stemmer(language: LanguageTag.primary(language))
        collator = try Collator(locale: language, strength: .primary)
    }

    /// One key per word of `text`.
    public func keys(_ text: String) -> [CollationKey] {
        tokenizer.words(in: text).map { word in
            let token = String(text[word.range])
            return collator.sortKey(stemmer?.stem(token) ?? token)
        }
    }
}
