/// `inconsistent-term` (warning): one concept rendered with different target terms
/// across the files checked together. Each unit's renderings are recorded here; the
/// findings come from ``TermRenderings`` once every unit is read.
struct InconsistentTermRule {
    static let reports: Set<CheckRule> = [.inconsistentTerm]

    func record(_ context: UnitContext, into renderings: inout TermRenderings) {
        guard let occurrences = context.occurrences else { return }
        for concept in occurrences.concepts {
            guard let accepted = concept.accepted, !accepted.entry.isShortForm else { continue }
            // Renderings compete within one language variant and one part of speech.
            let variant = accepted.entry.partOfSpeech.map { "\(occurrences.targetVariant)/\($0.rawValue)" } ?? occurrences.targetVariant
            renderings.record(concept: concept.index, language: variant, term: accepted.entry.text, unit: context.unit,
                              sourceTerm: concept.surface, targetTerm: accepted.match.surface,
                              alternatives: concept.acceptedTerms.filter { $0 != accepted.entry.text })
        }
    }
}
