/// `number-mismatch` (warning): the numbers of source and target differ (written in
/// figures or in words, in each language's conventions), except the numbers inside terms.
struct NumberMismatchRule: UnitRule {
    static let reports: Set<CheckRule> = [.numberMismatch]

    func check(_ context: UnitContext, into findings: inout UnitFindings) {
        let unit = context.unit
        if let difference = NumberExtractor.difference(context.source, unit.sourceLanguage, context.target, unit.targetLanguage,
                                                       excusing: context.occurrences?.termNumbers ?? []) {
            findings.report(.numberMismatch, difference)
        }
    }
}
