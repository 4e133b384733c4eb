/// `deprecated-term-anywhere` (warning), and `forbidden-term` (error) for a forbidden
/// term: the target uses a deprecated term of a concept the source does not name
/// ("SaarLorLux" in any German text), unless the word is an accepted term of another
/// concept there.
struct DeprecatedTermAnywhereRule: UnitRule {
    static let reports: Set<CheckRule> = [.deprecatedTermAnywhere, .forbiddenTerm]

    func check(_ context: UnitContext, into findings: inout UnitFindings) {
        guard let occurrences = context.occurrences else { return }
        let language = context.unit.targetLanguage
        for found in occurrences.strayDeprecated {
            let entry = found.entry, surface = found.match.surface
            let advice = context.preferred(entry.conceptIndex, language).map { "; write '\($0)'" } ?? ""
            if entry.isForbidden {
                findings.report(.forbiddenTerm, "'\(surface)' is forbidden in \(language) (\(entry.conceptID))\(advice)",
                                concept: entry.conceptID, targetTerm: surface, targetOffset: found.offset)
            } else {
                findings.report(.deprecatedTermAnywhere, "'\(surface)' is a \(entry.status.rawValue) \(language) term for \(entry.conceptID)\(advice)",
                                concept: entry.conceptID, targetTerm: surface, targetOffset: found.offset)
            }
        }
    }
}
