import Terminology

/// `missing-term`: the source has a term of a concept; the target has no accepted term of
/// it (in the target's region, when the concept has terms there), nor a deprecated one
/// (reported by ``DeprecatedTermRule`` instead).
struct MissingTermRule: UnitRule {
    static let reports: Set<CheckRule> = [.missingTerm]

    func check(_ context: UnitContext, into findings: inout UnitFindings) {
        guard let occurrences = context.occurrences, let matcher = context.targetMatcher else { return }
        let unit = context.unit
        for concept in occurrences.concepts where concept.accepted == nil && concept.deprecated.isEmpty {
            let terms = context.concepts[concept.index].languages[concept.section].terms
            guard !Self.isInOtherForm(terms.filter(\.status.isAccepted), context.target, matcher) else { continue }
            let accepted = terms.filter { $0.status.isAccepted && RegionCode.covers($0.regions, concept.region) }.map { "'\($0.text)'" }
            let regional = concept.otherRegion.map { "; '\($0.text)' is the term in \($0.regions.joined(separator: " ")), not in \(concept.region ?? "")" } ?? ""
            findings.report(.missingTerm, "the source has '\(concept.surface)' (\(concept.id)); the \(unit.targetLanguage) target has none of \(accepted.joined(separator: ", "))\(regional)",
                            concept: concept.id, sourceTerm: concept.surface, targetTerm: context.expected(concept), sourceOffset: concept.sourceOffset)
        }
    }

    /// True when an accepted term of the concept is in `target` in a form the matcher's one
    /// pass does not see: inside a compound that is a term of its own ("Datei" in
    /// "Dateiendung"), or a German verb split in two ("Laden Sie ... hoch"). Asked only before
    /// a missing term is reported, so it costs nothing on the units that are right.
    static func isInOtherForm(_ accepted: [Term], _ target: String, _ matcher: TermMatcher) -> Bool {
        if matcher.hasCompoundPart(accepted.map(\.text), in: target) { return true }
        guard matcher.language == "de" else { return false }
        return accepted.contains { term in
            !term.text.contains(" ") && term.partOfSpeech != .noun && matcher.hasSplitVerb(term.text, in: target)
        }
    }
}
