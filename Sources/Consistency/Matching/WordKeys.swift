import Linguistics

/// Turns words into the keys a ``TermDictionary`` stores: Snowball stem of the lowercase
/// word, as an ICU collation key. Holds ICU handles: one per task.
final class WordKeys {
    let tokenizer: WordTokenizer
    private let stemmer: Stemmer?
    private let collator: Collator

    init(language: String, strength: CollationStrength) throws {
        tokenizer = try WordTokenizer(locale: language)
        stemmer = try? Stemmer(language: language)
        collator = try Collator(locale: language, strength: strength)
    }

    func stem(_ lowercased: String) -> String { stemmer?.stem(lowercased) ?? lowercased }

    func fuzzyKey(_ word: String) -> CollationKey { collator.sortKey(stem(word.lowercased())) }

    /// The stem of a lowercase word and its collation key (the fuzzy key), stemmed once.
    func stemAndKey(_ lowercased: String) -> (stem: String, key: CollationKey) {
        let stem = stem(lowercased)
        return (stem, collator.sortKey(stem))
    }
}
