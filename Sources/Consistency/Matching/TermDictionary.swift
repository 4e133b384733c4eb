import Linguistics
import Terminology

/// The terms of one language of a termbase, indexed for ``TermMatcher``: built once,
/// read-only afterwards, and shared by the matchers of parallel tasks.
///
/// Each term is cut into words (ICU word breaks, French elision), each word keyed by its
/// Snowball stem at the collation strength asked, and the key sequences stored in a trie.
public final class TermDictionary: @unchecked Sendable {
    /// A term of the dictionary.
    public struct Entry: Sendable, Equatable {
        public let conceptID: String
        public let text: String
        public let status: TermStatus
    }

    public let language: String
    let strength: CollationStrength
    let splitsCompounds: Bool
    let inflection: InflectionGuard

    private(set) var entries: [Entry] = []
    /// Each entry's words, folded (nil for words matched exactly), to check inflections.
    private(set) var entryWords: [[String?]] = []
    /// Trie nodes; node 0 is the root. Child keys: fuzzy word ids (>= 0), exact word ids (< 0).
    private(set) var children: [[Int: Int]] = [[:]]
    private(set) var terminals: [[Int]] = [[]]
    /// For each node reached by a stemmed word: the term words (folded) that lead to it.
    private(set) var edgeWords: [[String]] = [[]]
    private(set) var fuzzyIDs: [CollationKey: Int] = [:]
    private(set) var exactIDs: [String: Int] = [:]
    /// Single-word terms (lowercase surface and lowercase stem) for compounds.
    private(set) var singleWords: [String: [Int]] = [:]
    private(set) var singleStems: [String: [Int]] = [:]

    /// Indexes every term of `language` in `termbase`.
    public init(termbase: Termbase, language: String, strength: CollationStrength = .primary) throws {
        let primary = LanguageTag.primary(language)
        self.language = primary
        self.strength = strength
        splitsCompounds = ["de", "nl", "sv", "da", "nb", "no"].contains(primary)
        inflection = InflectionGuard(language: primary)
        let keys = try WordKeys(language: primary, strength: strength)
        for concept in termbase.concepts {
            for section in concept.languages where LanguageTag.primary(section.language) == primary {
                for term in section.terms {
                    add(Entry(conceptID: concept.id, text: term.text, status: term.status), exact: term.exactMatch, keys: keys)
                }
            }
        }
    }

    /// The number of terms indexed.
    public var termCount: Int { entries.count }

    private func add(_ entry: Entry, exact: Bool, keys: WordKeys) {
        let words = keys.tokenizer.wordStrings(in: entry.text)
        guard !words.isEmpty else { return }
        let index = entries.count
        entries.append(entry)
        let foldedWords = words.map { exact ? nil : inflection.fold($0) }
        entryWords.append(foldedWords)
        var node = 0
        for (position, word) in words.enumerated() {
            let key: Int
            if exact {
                let id = exactIDs[word] ?? exactIDs.count
                exactIDs[word] = id
                key = -1 - id
            } else {
                let sortKey = keys.fuzzyKey(word)
                let id = fuzzyIDs[sortKey] ?? fuzzyIDs.count
                fuzzyIDs[sortKey] = id
                key = id
            }
            if let next = children[node][key] {
                node = next
            } else {
                children.append([:])
                terminals.append([])
                edgeWords.append([])
                children[node][key] = children.count - 1
                node = children.count - 1
            }
            if !exact {
                if let folded = foldedWords[position], !edgeWords[node].contains(folded) { edgeWords[node].append(folded) }
            }
        }
        terminals[node].append(index)
        if splitsCompounds && !exact && words.count == 1 && words[0].count >= 4 {
            let lower = words[0].lowercased()
            singleWords[lower, default: []].append(index)
            singleStems[keys.stem(lower), default: []].append(index)
        }
    }

}

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
}
