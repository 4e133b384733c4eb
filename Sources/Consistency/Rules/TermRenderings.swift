import Linguistics
import Terminology

/// Which accepted term rendered each concept in each unit, for `inconsistent-term`.
/// Each parallel ``UnitChecker`` keeps its own; ``inconsistencies(_:concepts:)`` merges them.
struct TermRenderings {
    /// A concept in a target language variant (`fr-BE`), and part of speech when known (`fr/noun`).
    struct Key: Hashable {
        let concept: Int
        let language: String
    }

    /// One accepted rendering of a concept in a unit. The unit's texts are dropped when
    /// its term leads so far: on 200,000 units they would hold hundreds of megabytes for
    /// warnings that are unlikely to be given.
    struct Rendering {
        let key: Key
        let term: String
        let unit: BilingualUnit
        let sourceTerm: String
        let targetTerm: String
        /// The other accepted terms of the concept in the same unit: a unit that also uses the
        /// majority's term is not inconsistent.
        let alternatives: [String]
    }

    /// How often each accepted term rendered a concept so far: the first term inline (most
    /// concepts are rendered one way), the others in a dictionary made only when needed.
    struct Tally {
        private var first = ""
        private var firstCount = 0
        private var others: [String: Int] = [:]

        /// Counts `count` more uses of `term`; returns its count now.
        mutating func add(_ term: String, count: Int = 1) -> Int {
            if firstCount == 0 || term == first {
                first = term
                firstCount += count
                return firstCount
            }
            others[term, default: 0] += count
            return others[term] ?? 0
        }

        /// Counts one more use of `term`; true when `term` now leads alone, used more than once.
        mutating func addLeading(_ term: String) -> Bool {
            let mine = add(term)
            guard mine > 1, term == first || firstCount < mine else { return false }
            return !others.contains { $0.key != term && $0.value >= mine }
        }

        /// Adds the counts of another tally.
        mutating func merge(_ other: Tally) {
            if other.firstCount > 0 { _ = add(other.first, count: other.firstCount) }
            for (term, count) in other.others { _ = add(term, count: count) }
        }

        /// True when more than one term was used.
        var isMixed: Bool { !others.isEmpty }

        /// The term used most and its count; a tie goes to the term `favoured` says first
        /// (the glossary's preferred term), then to the term first in order.
        func leader(favoured: (String) -> Bool = { _ in false }) -> (term: String, count: Int) {
            var best = (term: first, count: firstCount)
            for (term, count) in others {
                let better = count > best.count
                    || (count == best.count && (favoured(term) != favoured(best.term) ? favoured(term) : term < best.term))
                if better { best = (term, count) }
            }
            return best
        }
    }

    private(set) var tallies: [Key: Tally] = [:]
    private(set) var renderings: [Rendering] = []

    mutating func record(concept: Int, language: String, term: String, unit: BilingualUnit, sourceTerm: String, targetTerm: String,
                         alternatives: [String] = []) {
        let key = Key(concept: concept, language: language)
        // Texts are kept for the first rendering of each term and for any term not leading.
        var kept = unit
        if tallies[key, default: Tally()].addLeading(term) {
            kept.source = ""
            kept.target = nil
        }
        renderings.append(Rendering(key: key, term: term, unit: kept, sourceTerm: sourceTerm, targetTerm: targetTerm, alternatives: alternatives))
    }

    /// One concept rendered with several accepted terms in one language: a warning on each
    /// unit that does not use the most frequent term (ties go to the preferred term, then to
    /// the term first in order).
    static func inconsistencies(_ parts: [TermRenderings], concepts: [Concept]) -> [Finding] {
        var totals = parts.first?.tallies ?? [:]
        for part in parts.dropFirst() {
            for (key, tally) in part.tallies { totals[key, default: Tally()].merge(tally) }
        }
        var majorities: [Key: (term: String, count: Int)] = [:]
        for (key, tally) in totals where tally.isMixed {
            // A tie goes to the preferred term of the concept in that language.
            let language = LanguageTag.primary(String(key.language.prefix { $0 != "/" }))
            let preferred = Set(concepts[key.concept].languages.filter { LanguageTag.primary($0.language) == language }
                .flatMap(\.terms).filter { $0.status == .preferred }.map(\.text))
            majorities[key] = tally.leader { preferred.contains($0) }
        }
        guard !majorities.isEmpty else { return [] }
        // The example of the majority: its earliest unit.
        var examples: [Key: BilingualUnit] = [:]
        for part in parts {
            for rendering in part.renderings {
                guard let majority = majorities[rendering.key], rendering.term == majority.term else { continue }
                if let example = examples[rendering.key], (example.file, example.line) <= (rendering.unit.file, rendering.unit.line) { continue }
                examples[rendering.key] = rendering.unit
            }
        }
        var findings: [Finding] = []
        for part in parts {
            for rendering in part.renderings {
                guard let majority = majorities[rendering.key], rendering.term != majority.term,
                      !rendering.alternatives.contains(majority.term), let example = examples[rendering.key] else { continue }
                let unit = rendering.unit, conceptID = concepts[rendering.key.concept].id
                let location = example.line > 0 ? "\(example.file):\(example.line)" : example.file
                findings.append(Finding(unit, rule: .inconsistentTerm, conceptID: conceptID, sourceTerm: rendering.sourceTerm,
                    targetTerm: rendering.targetTerm,
                    message: "\(conceptID) is rendered '\(rendering.term)' here but '\(majority.term)' in \(majority.count) other unit(s), e.g. \(location) (\(example.displayID))"))
            }
        }
        return findings
    }
}
