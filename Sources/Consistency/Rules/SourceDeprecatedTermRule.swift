/// `source-deprecated-term` (warning): the source itself uses a deprecated or superseded
/// term of a concept, where it has no accepted term of it.
struct SourceDeprecatedTermRule: UnitRule {
    static let reports: Set<CheckRule> = [.sourceDeprecatedTerm]

    func check(_ context: UnitContext, into findings: inout UnitFindings) {
        guard let occurrences = context.occurrences else { return }
        for found in occurrences.deprecatedInSource {
            let entry = found.entry
            findings.report(.sourceDeprecatedTerm, "the source uses '\(found.match.surface)', a \(entry.status.rawValue) term for \(entry.conceptID)"
                            + (context.preferred(entry.conceptIndex, context.unit.sourceLanguage).map { "; prefer '\($0)'" } ?? ""),
                            concept: entry.conceptID, sourceTerm: found.match.surface, sourceOffset: found.offset)
        }
    }
}
