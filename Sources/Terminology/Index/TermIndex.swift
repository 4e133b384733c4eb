import Linguistics

/// The terms of a termbase in one language, sorted by that language's ICU
/// collation, with A-Z sections and tolerant lookup.
///
/// ```swift
/// let index = try TermIndex(termbase: termbase, language: "de", collation: "phonebook")
/// for section in index.sections() { print(section.label, section.entries.map(\.term.text)) }
/// ```
public struct TermIndex: Sendable {
    /// One term with the concept it designates.
    public struct Entry: Sendable {
        public let term: Term
        public let conceptID: String
        public let language: String
    }

    /// Entries under one heading letter.
    public struct Section: Sendable {
        public let label: String
        public let entries: [Entry]
        public init(label: String, entries: [Entry]) {
            self.label = label
            self.entries = entries
        }
    }

    public let language: String
    /// The entries, in collation order.
    public let entries: [Entry]
    private let collator: Collator

    /// Builds the index of `language` (`collation` is an ICU collation type such as
    /// "phonebook"), keeping only the given statuses.
    public init(termbase: Termbase, language: String, collation: String? = nil, statuses: Set<TermStatus> = Set(TermStatus.allCases)) throws {
        let tag = collation.map { "\(language)-u-co-\($0 == "phonebook" ? "phonebk" : $0)" } ?? language
        collator = try Collator(locale: tag)
        self.language = language
        var entries: [Entry] = []
        for concept in termbase.concepts {
            for section in concept.languages where LanguageTag.primary(section.language) == LanguageTag.primary(language) {
                for term in section.terms where statuses.contains(term.status) {
                    entries.append(Entry(term: term, conceptID: concept.id, language: section.language))
                }
            }
        }
        let collator = self.collator
        let keyed: [(key: CollationKey, entry: Entry)] = entries.map { (collator.sortKey($0.term.text), $0) }
        self.entries = keyed.sorted { a, b in
            if a.key != b.key { return a.key < b.key }
            return a.entry.conceptID < b.entry.conceptID
        }.map(\.entry)
    }

    /// The entries grouped under heading letters, at primary strength: É under E,
    /// Ä under A (German), digits and symbols under "#".
    public func sections() throws -> [Section] {
        let primary = try collator.withStrength(.primary)
        var sections: [Section] = []
        var current: (label: String, key: CollationKey, entries: [Entry])?
        for entry in entries {
            let first = entry.term.text.first.map(String.init) ?? "#"
            let base = TextNormalizer.normalize(first, to: .nfd).unicodeScalars.first.map { String($0) } ?? first
            let isLetter = first.unicodeScalars.first.map { $0.properties.isAlphabetic } ?? false
            let label = isLetter ? ((try? TextNormalizer.uppercase(base, locale: language)) ?? base) : "#"
            let key = primary.sortKey(isLetter ? base : "#")
            if let open = current, open.key == key {
                current?.entries.append(entry)
            } else {
                if let open = current { sections.append(Section(label: open.label, entries: open.entries)) }
                current = (label, key, [entry])
            }
        }
        if let open = current { sections.append(Section(label: open.label, entries: open.entries)) }
        return sections
    }
}
