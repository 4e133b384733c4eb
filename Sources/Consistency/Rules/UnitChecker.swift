import Foundation
import Linguistics
import Terminology

/// Runs the per-unit rules on units, with one ``TermMatcher`` per language, built on
/// first use. Not thread-safe: each checker is used by one thread at a time (the
/// parallel batches give each worker its own), hence `@unchecked Sendable`.
final class UnitChecker: @unchecked Sendable {
    /// The termbase's concepts: dictionary entries point into it by index.
    private let concepts: [Concept]
    private let rules: Set<CheckRule>
    /// True when a rule about terms is to run.
    private let usesTerms: Bool
    private let dictionaries: DictionaryCache
    /// Placeholders, markup and URLs are blanked out of both texts before matching.
    private let masker: TextMasker
    private var matchers: [String: TermMatcher] = [:]
    /// The two languages used last, as written in the units, with their matchers.
    private var lastMatcher: [(String, TermMatcher)] = []
    /// Accepted target terms used per concept and language, for inconsistent-term.
    private(set) var renderings = TermRenderings()

    init(concepts: [Concept], rules: Set<CheckRule>, dictionaries: DictionaryCache, masker: TextMasker) {
        self.masker = masker
        self.concepts = concepts
        self.rules = rules
        usesTerms = rules.contains { $0.usesTerms }
        activeRules = Self.unitRules.filter { !rules.isDisjoint(with: type(of: $0).reports) }
        findsStray = !rules.isDisjoint(with: DeprecatedTermAnywhereRule.reports)
        self.dictionaries = dictionaries
    }

    func matcher(_ language: String) throws -> TermMatcher {
        // Units of one file share their languages: skip the tag parsing for them.
        if let cached = lastMatcher.first(where: { $0.0 == language }) { return cached.1 }
        let key = LanguageTag.primary(language)
        let matcher: TermMatcher
        if let known = matchers[key] {
            matcher = known
        } else {
            matcher = try TermMatcher(dictionary: try dictionaries.dictionary(for: key))
            matchers[key] = matcher
        }
        lastMatcher = Array(([(language, matcher)] + lastMatcher).prefix(2))
        return matcher
    }

    /// The last target language seen, as written, with its region and normalized tag
    /// (units of one file share it: worked out once).
    private var lastTarget: (tag: String, region: String?, normalized: String) = ("", nil, "")

    private func targetTag(_ tag: String) -> (region: String?, normalized: String) {
        if lastTarget.tag != tag { lastTarget = (tag, LanguageTag.region(tag), LanguageTag.normalized(tag)) }
        return (lastTarget.region, lastTarget.normalized)
    }

    /// The rules run on each unit, in order, when asked for.
    private static let unitRules: [any UnitRule] = [
        SourceDeprecatedTermRule(), DeprecatedTermRule(), MissingTermRule(), DeprecatedTermAnywhereRule(), NumberMismatchRule(),
    ]
    /// Those of ``unitRules`` asked for.
    private let activeRules: [any UnitRule]
    /// Whether the target's deprecated terms of other concepts are looked for.
    private let findsStray: Bool

    func check(_ unit: BilingualUnit) throws -> [Finding] {
        var findings = UnitFindings(rules: rules, unit: unit)
        if let problem = UntranslatedRule.problem(unit) {
            findings.report(.untranslated, problem)
            return findings.all
        }
        let rawTarget = unit.target ?? ""
        guard !rawTarget.isEmpty else { return findings.all }
        guard usesTerms || rules.contains(.numberMismatch) else { return findings.all }
        // Placeholders, markup, URLs ... are not prose: neither terms nor numbers.
        let source = masker.mask(unit.source), target = masker.mask(rawTarget)

        // The terms: not looked for (and no dictionary built) when no term rule was asked for.
        var occurrences: TermOccurrences?
        var targetMatcher: TermMatcher?
        if usesTerms {
            let (region, variant) = targetTag(unit.targetLanguage)
            let matcher = try self.matcher(unit.targetLanguage)
            occurrences = TermOccurrences(unit: unit, source: source, target: target, concepts: concepts,
                                          sourceMatcher: try self.matcher(unit.sourceLanguage), targetMatcher: matcher,
                                          targetRegion: region, targetVariant: variant,
                                          findsStray: findsStray)
            targetMatcher = matcher
        }
        let context = UnitContext(unit: unit, source: source, target: target, occurrences: occurrences, concepts: concepts, targetMatcher: targetMatcher)
        for rule in activeRules { rule.check(context, into: &findings) }
        if rules.contains(.inconsistentTerm) { InconsistentTermRule().record(context, into: &renderings) }
        return findings.all
    }
}

/// How strictly terms are compared.
public enum TermMatcherStrength: String, CaseIterable, Sendable {
    /// Case and accents ignored.
    case primary
    /// Accents count, case ignored.
    case secondary

    var collationStrength: Linguistics.CollationStrength { self == .primary ? .primary : .secondary }
}
