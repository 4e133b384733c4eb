import Linguistics
import Terminology

/// The terms of one unit, found once for every term rule: the source's concepts and, for
/// each, what its target holds (an accepted term, deprecated ones, a term of another
/// region), the source's own deprecated terms, and the target's deprecated terms of
/// concepts the source does not name.
struct TermOccurrences {
    /// A term found in a text.
    struct Found {
        let match: TermMatcher.Match
        let entry: TermMatcher.Entry
        /// Where the match starts, as a UTF-8 offset of the (masked) text: the same in the unit's.
        let offset: Int
    }

    /// A concept of the source and how the target renders it.
    struct Concept {
        let index: Int
        let id: String
        /// The source's words for it, and where they are.
        let surface: String
        let sourceOffset: Int
        /// The concept's section in the target language.
        let section: Int
        /// The target's region for this concept: nil when the concept's terms all belong to
        /// other regions (a Luxembourg a.s.b.l. in a text for France is written with them).
        let region: String?
        /// The target's accepted term that leads (a full form before its short form).
        var accepted: Found?
        /// Every accepted full form of the concept in the target (a unit may use two).
        var acceptedTerms: [String] = []
        /// An accepted term of the concept used in the target, but of another region.
        var otherRegion: TermMatcher.Entry?
        /// Deprecated or forbidden terms of the concept in the target.
        var deprecated: [Found] = []
    }

    /// The source's deprecated terms (of a concept it has no accepted term for there).
    private(set) var deprecatedInSource: [Found] = []
    private(set) var concepts: [Concept] = []
    /// The target's deprecated terms of concepts the source does not name, where the word
    /// is no accepted term of another concept.
    private(set) var strayDeprecated: [Found] = []
    /// The numbers written inside the terms found ("association loi 1901" is no mismatch).
    private(set) var termNumbers: [String] = []
    /// The target's language variant, as `inconsistent-term` groups renderings.
    let targetVariant: String
    let targetRegion: String?

    /// Finds the terms of `source` and `target` (masked texts of `unit`).
    init(unit: BilingualUnit, source: String, target: String, concepts termbase: [Terminology.Concept],
         sourceMatcher: TermMatcher, targetMatcher: TermMatcher, targetRegion: String?, targetVariant: String, findsStray: Bool = true) {
        self.targetRegion = targetRegion
        self.targetVariant = targetVariant
        func offset(_ match: TermMatcher.Match, in text: String) -> Int { text.utf8.distance(from: text.utf8.startIndex, to: match.range.lowerBound) }
        let sourceRegion = unit.sourceLanguage.contains(where: { $0 == "-" || $0 == "_" }) ? LanguageTag.region(unit.sourceLanguage) : nil

        // The concepts of the source, in order; a deprecated source term still names its concept.
        var sourceConcepts: [(concept: Int, id: String, surface: String, offset: Int)] = []
        for match in sourceMatcher.matches(in: source) {
            if Self.hasDigits(match.surface) { termNumbers += NumberExtractor.numbers(in: match.surface) }
            let anyAccepted = match.entries.contains { $0.status.isAccepted && $0.applies(in: sourceRegion) }
            if !anyAccepted {
                for entry in match.entries where entry.applies(in: sourceRegion) {
                    deprecatedInSource.append(Found(match: match, entry: entry, offset: offset(match, in: source)))
                }
            }
            for entry in match.entries where (!anyAccepted || entry.status.isAccepted)
                && !sourceConcepts.contains(where: { $0.concept == entry.conceptIndex }) {
                sourceConcepts.append((entry.conceptIndex, entry.conceptID, match.surface, offset(match, in: source)))
            }
        }
        // In the target, a term of the source's concepts inside a longer one counts too
        // ("souscription" in "demande de souscription").
        let targetMatches = targetMatcher.matches(in: target, nested: true, nestedConcepts: sourceConcepts.map(\.concept))
        for (index, id, surface, sourceOffset) in sourceConcepts {
            guard let section = Self.targetSection(index, unit.targetLanguage, targetMatcher.dictionary, termbase) else { continue }
            let region = Self.regionWithTerms(termbase[index].languages[section], targetRegion)
            var concept = Concept(index: index, id: id, surface: surface, sourceOffset: sourceOffset, section: section, region: region)
            for match in targetMatches {
                for entry in match.entries where entry.conceptIndex == index {
                    if Self.hasDigits(match.surface) { termNumbers += NumberExtractor.numbers(in: match.surface) }
                    if entry.status.isAccepted {
                        guard entry.applies(in: region) else { concept.otherRegion = entry; continue }
                        if !entry.isShortForm && !concept.acceptedTerms.contains(entry.text) { concept.acceptedTerms.append(entry.text) }
                        // A full form leads: "IBAN" and its full form are one rendering.
                        if concept.accepted == nil || (concept.accepted!.entry.isShortForm && !entry.isShortForm) {
                            concept.accepted = Found(match: match, entry: entry, offset: offset(match, in: target))
                        }
                    } else if !match.isNested, entry.applies(in: region),
                              !match.entries.contains(where: { $0.conceptIndex == index && $0.status.isAccepted && $0.applies(in: region) }) {
                        concept.deprecated.append(Found(match: match, entry: entry, offset: offset(match, in: target)))
                    }
                }
            }
            concepts.append(concept)
        }
        guard findsStray else { return }
        for match in targetMatches where !match.isNested {
            // The word is also an accepted term (of another concept): an ordinary word there.
            guard !match.entries.contains(where: { $0.status.isAccepted && $0.applies(in: targetRegion) }) else { continue }
            for entry in match.entries where entry.applies(in: targetRegion) && !sourceConcepts.contains(where: { $0.concept == entry.conceptIndex }) {
                strayDeprecated.append(Found(match: match, entry: entry, offset: offset(match, in: target)))
            }
        }
    }

    /// The index of the section of `language` in a concept, when it has an equivalent
    /// there with an accepted term (the missing and deprecated rules apply); read in place,
    /// as this runs for every concept of every unit.
    private static func targetSection(_ concept: Int, _ language: String, _ dictionary: TermDictionary, _ concepts: [Terminology.Concept]) -> Int? {
        // Worked out for every concept when the dictionary was built, but for concepts with
        // several sections in the language (regional tags), where the unit's tag decides.
        switch dictionary.ruleSections[concept] {
        case -1: return nil
        case -2:
            let languages = concepts[concept].languages
            guard let index = languages.firstIndex(where: { $0.language == language })
                    ?? languages.firstIndex(where: { LanguageTag.primary($0.language) == LanguageTag.primary(language) }),
                  languages[index].hasAcceptedEquivalent else { return nil }
            return index
        case let index: return Int(index)
        }
    }

    /// `region` when the section has an accepted term used there, else nil (any region).
    private static func regionWithTerms(_ section: LanguageSection, _ region: String?) -> String? {
        guard let region else { return nil }
        return section.terms.contains { $0.status.isAccepted && RegionCode.covers($0.regions, region) } ? region : nil
    }

    /// True when the text has an ASCII digit.
    static func hasDigits(_ text: String) -> Bool {
        text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
    }
}

extension LanguageSection {
    /// True when the missing and deprecated rules apply to this language: the concept has
    /// an equivalent here, with an accepted term.
    var hasAcceptedEquivalent: Bool {
        equivalence != Equivalence.none && terms.contains { $0.status.isAccepted }
    }
}
