import Linguistics

/// Turns words into keys that ignore case, accents (at primary strength) and inflection:
/// the Snowball stem of the lowercase word, as an ICU collation key. "économie sociale",
/// "Economies sociales" and "ÉCONOMIE SOCIALE" get the same keys. Used by the termbase's
/// lookup and by `check`'s term dictionaries. Holds ICU handles: one per task.
public final class WordKeys {
    public let tokenizer: WordTokenizer
    private let stemmer: Stemmer?
    private let collator: Collator

    public init(language: String, strength: CollationStrength = .primary) throws {
        tokenizer = try WordTokenizer(locale: language)
        stemmer = try? Stemmer(language: language)
        // Longest first.
        endings = language == "lb" ? ["en", "er", "es", "e", "n", "s"] : ["s"]
        collator = try Collator(locale: language, strength: strength)
    }

    /// Languages without a Snowball stemmer here: plural and case endings cut by rule.
    private let endings: [String]

    public func stem(_ lowercased: String) -> String {
        if let stemmer { return stemmer.stem(lowercased) }
        // Twice, so that a plural on a plural-like ending meets its singular: "nummeren",
        // "nummer" -> "numm".
        var word = lowercased
        for _ in 0..<2 {
            guard let ending = endings.first(where: { word.hasSuffix($0) && word.count >= $0.count + 3 }) else { break }
            word.removeLast(ending.count)
        }
        return word
    }

    /// How words of `language` are reduced to their keys, for `check --stats`.
    public static func method(language: String) -> String {
        if (try? Stemmer(language: language)) != nil { return "Snowball stemmer" }
        return language == "lb" ? "no stemmer: plural and case endings by rule (-en -er -es -e -n -s)"
            : "no stemmer: exact words and the plural -s"
    }

    public func fuzzyKey(_ word: String) -> CollationKey { collator.sortKey(stem(word.lowercased())) }

    /// One key per word of `text`.
    public func keys(_ text: String) -> [CollationKey] {
        tokenizer.words(in: text).map { fuzzyKey(String(text[$0.range])) }
    }

    /// The stem of a lowercase word and its collation key (the fuzzy key), stemmed once.
    public func stemAndKey(_ lowercased: String) -> (stem: String, key: CollationKey) {
        let stem = stem(lowercased)
        return (stem, collator.sortKey(stem))
    }
}
