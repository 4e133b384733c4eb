/// Counts for `terms stats`.
public struct TermbaseStatistics: Sendable {
    public let concepts: Int
    public let terms: Int
    /// Per language: terms, and terms by status.
    public let byLanguage: [(language: String, terms: Int, statuses: [TermStatus: Int])]
    /// Per equivalence degree, over all language sections.
    public let equivalence: [Equivalence: Int]
    public let definitions: Int
    public let definitionsWithSource: Int

    public init(_ termbase: Termbase) {
        concepts = termbase.concepts.count
        terms = termbase.termCount
        var byLanguage: [(String, Int, [TermStatus: Int])] = []
        for language in termbase.languages {
            var statuses: [TermStatus: Int] = [:]
            var count = 0
            for concept in termbase.concepts {
                for section in concept.languages where section.language == language {
                    for term in section.terms {
                        statuses[term.status, default: 0] += 1
                        count += 1
                    }
                }
            }
            byLanguage.append((language, count, statuses))
        }
        self.byLanguage = byLanguage
        let sections = termbase.concepts.flatMap(\.languages)
        var equivalence: [Equivalence: Int] = [:]
        for section in sections { if let degree = section.equivalence { equivalence[degree, default: 0] += 1 } }
        self.equivalence = equivalence
        let allDefinitions = sections.flatMap(\.definitions)
        definitions = allDefinitions.count
        definitionsWithSource = allDefinitions.filter { !($0.source ?? "").isEmpty }.count
    }
}
