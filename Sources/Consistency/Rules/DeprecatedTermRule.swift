/// `deprecated-term` (and `forbidden-term` for a forbidden one): the target renders a
/// concept of the source with a deprecated, superseded or forbidden term of it, and with no
/// accepted term at the same place.
struct DeprecatedTermRule: UnitRule {
    static let reports: Set<CheckRule> = [.deprecatedTerm, .forbiddenTerm]

    func check(_ context: UnitContext, into findings: inout UnitFindings) {
        guard let occurrences = context.occurrences else { return }
        let language = context.unit.targetLanguage
        for concept in occurrences.concepts {
            for found in concept.deprecated {
                let entry = found.entry
                findings.report(entry.isForbidden ? .forbiddenTerm : .deprecatedTerm,
                                "'\(found.match.surface)' is a \(entry.isForbidden ? "forbidden" : entry.status.rawValue) \(language) term for \(concept.id) ('\(concept.surface)'); use '\(context.expected(concept))'",
                                concept: concept.id, sourceTerm: concept.surface, targetTerm: found.match.surface,
                                sourceOffset: concept.sourceOffset, targetOffset: found.offset)
            }
        }
    }
}
