import Terminology

/// A rule run on each unit (one per file, as swift-format keeps its rules). The term rules
/// read what ``TermOccurrences`` found once for all of them; every rule reports through
/// ``UnitFindings``, which keeps only the rules asked for.
protocol UnitRule: Sendable {
    /// The rules this type reports.
    static var reports: Set<CheckRule> { get }
    func check(_ context: UnitContext, into findings: inout UnitFindings)
}

/// What the rules see of one unit: the unit, its texts with placeholders, markup and
/// URLs masked, and the terms found in them (nil when no term rule runs).
struct UnitContext {
    let unit: BilingualUnit
    let source: String
    let target: String
    let occurrences: TermOccurrences?
    /// The termbase's concepts: the occurrences point into them by index.
    let concepts: [Concept]
    /// The matcher of the target's language (nil when no term rule runs).
    let targetMatcher: TermMatcher?

    /// The term to suggest for a concept in the target: the preferred term of `region`,
    /// else the preferred term, else an accepted one.
    func expected(_ concept: TermOccurrences.Concept) -> String {
        let terms = concepts[concept.index].languages[concept.section].terms
        let regional = concept.region.flatMap { region in terms.first { $0.status == .preferred && $0.regions.contains { $0.hasPrefix(region) } } }
        return regional?.text ?? terms.first { $0.status == .preferred && $0.regions.isEmpty }?.text
            ?? terms.first { $0.status == .preferred }?.text ?? terms.first { $0.status.isAccepted }?.text ?? ""
    }

    /// The concept's first preferred term in `language`, if any.
    func preferred(_ concept: Int, _ language: String) -> String? {
        concepts[concept].section(language)?.preferredTerms.first?.text
    }
}

/// The findings of one unit, for the rules asked for.
struct UnitFindings {
    let rules: Set<CheckRule>
    let unit: BilingualUnit
    private(set) var all: [Finding] = []

    init(rules: Set<CheckRule>, unit: BilingualUnit) {
        self.rules = rules
        self.unit = unit
    }

    mutating func report(_ rule: CheckRule, _ message: String, concept: String? = nil, sourceTerm: String? = nil, targetTerm: String? = nil,
                         sourceOffset: Int? = nil, targetOffset: Int? = nil) {
        guard rules.contains(rule) else { return }
        var finding = Finding(unit, rule: rule, conceptID: concept, sourceTerm: sourceTerm, targetTerm: targetTerm, message: message)
        finding.sourceTermOffset = sourceOffset
        finding.targetTermOffset = targetOffset
        all.append(finding)
    }
}
