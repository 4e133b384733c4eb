import Linguistics

/// Finds concepts by a term, tolerant of case, accents and inflection:
/// "economies sociales" finds "économie sociale".
///
/// Exact matches of the whole term come first, then terms that contain the query's
/// words in sequence ("sociale" finds "économie sociale").
public final class TermLookup {
    /// One hit: a term of a concept, and whether the whole term matched.
    public struct Match: Sendable {
        public let conceptID: String
        public let language: String
        public let term: Term
        public let isExact: Bool
    }

    private struct Key: Hashable {
        let language: String
        let words: [CollationKey]
    }

    private var exact: [Key: [Match]] = [:]
    private var all: [(Key, Match)] = []
    private var keyMakers: [String: WordKeys] = [:]

    /// Indexes every term of the termbase.
    public init(termbase: Termbase) throws {
        for concept in termbase.concepts {
            for section in concept.languages {
                let maker = try keyMaker(for: section.language)
                for term in section.terms {
                    let key = Key(language: LanguageTag.primary(section.language), words: maker.keys(term.text))
                    let match = Match(conceptID: concept.id, language: section.language, term: term, isExact: true)
                    exact[key, default: []].append(match)
                    all.append((key, match))
                }
            }
        }
    }

    private func keyMaker(for language: String) throws -> WordKeys {
        let primary = LanguageTag.primary(language)
        if let maker = keyMakers[primary] { return maker }
        let maker = try WordKeys(language: primary)
        keyMakers[primary] = maker
        return maker
    }

    /// The terms equal to `query` (whole term, tolerant of case, accents and
    /// inflection): one hash lookup, whatever the size of the termbase.
    public func findExact(_ query: String, language: String) throws -> [Match] {
        let primary = LanguageTag.primary(language)
        return exact[Key(language: primary, words: try keyMaker(for: primary).keys(query))] ?? []
    }

    /// The matches of `query` in `language` (every language when nil), exact first.
    public func find(_ query: String, language: String? = nil) throws -> [Match] {
        let languages = language.map { [LanguageTag.primary($0)] } ?? Array(Set(all.map(\.0.language))).sorted()
        var exactHits: [Match] = []
        var partialHits: [Match] = []
        for language in languages {
            let words = try keyMaker(for: language).keys(query)
            guard !words.isEmpty else { continue }
            let key = Key(language: language, words: words)
            exactHits += exact[key] ?? []
            for (candidate, match) in all where candidate.language == language && candidate.words.count > words.count {
                if contains(candidate.words, words) {
                    partialHits.append(Match(conceptID: match.conceptID, language: match.language, term: match.term, isExact: false))
                }
            }
        }
        return exactHits + partialHits
    }

    private func contains(_ haystack: [CollationKey], _ needle: [CollationKey]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<(start + needle.count)]) == needle {
            return true
        }
        return false
    }
}
