import Linguistics
import Terminology

/// Runs the per-unit rules on units, with one ``TermMatcher`` per language, built on
/// first use. Not thread-safe: one per task.
final class UnitChecker {
    private let termbase: Termbase
    private let concepts: [String: Concept]
    private let rules: Set<CheckRule>
    private let strength: TermMatcherStrength
    private var matchers: [String: TermMatcher] = [:]
    /// Accepted target terms used per concept and language, for inconsistent-term.
    private(set) var renderings: [Rendering] = []

    /// One accepted rendering of a concept in a unit.
    struct Rendering {
        let conceptID: String
        let language: String
        let term: String
        let finding: Finding
    }

    init(termbase: Termbase, concepts: [String: Concept], rules: Set<CheckRule>, strength: TermMatcherStrength) {
        self.termbase = termbase
        self.concepts = concepts
        self.rules = rules
        self.strength = strength
    }

    func matcher(_ language: String) throws -> TermMatcher {
        let key = LanguageTag.primary(language)
        if let matcher = matchers[key] { return matcher }
        let matcher = try TermMatcher(termbase: termbase, language: key, strength: strength.collationStrength)
        matchers[key] = matcher
        return matcher
    }

    func check(_ unit: BilingualUnit) throws -> [Finding] {
        var findings: [Finding] = []
        func report(_ rule: CheckRule, _ message: String, concept: String? = nil, sourceTerm: String? = nil, targetTerm: String? = nil) {
            guard rules.contains(rule) else { return }
            findings.append(Finding(file: unit.file, line: unit.line, unit: unit.id, rule: rule, severity: rule.severity,
                                    conceptID: concept, sourceTerm: sourceTerm, targetTerm: targetTerm, message: message,
                                    source: unit.source, target: unit.target,
                                    sourceLanguage: unit.sourceLanguage, targetLanguage: unit.targetLanguage))
        }
        let sourceHasWords = unit.source.contains { $0.isLetter }
        let target = unit.target ?? ""
        if sourceHasWords {
            if target.allSatisfy(\.isWhitespace) {
                report(.untranslated, unit.target == nil ? "no \(unit.targetLanguage) translation" : "the \(unit.targetLanguage) translation is empty")
                return findings
            }
            // One word may rightly be the same in both languages ("Articles", "Cluster").
            if normalized(target) == normalized(unit.source) && unit.source.split(whereSeparator: \.isWhitespace).count > 1 {
                report(.untranslated, "the \(unit.targetLanguage) text is a copy of the \(unit.sourceLanguage) source")
                return findings
            }
        }
        guard !target.isEmpty else { return findings }

        let sourceMatches = try matcher(unit.sourceLanguage).matches(in: unit.source)
        let targetMatches = try matcher(unit.targetLanguage).matches(in: target)
        // The concepts of the source, in order; a deprecated source term still names its concept.
        var sourceConcepts: [(id: String, surface: String)] = []
        for match in sourceMatches {
            let accepted = match.entries.filter { $0.status.isAccepted }
            if accepted.isEmpty {
                for entry in match.entries {
                    report(.sourceDeprecatedTerm, "the source uses '\(match.surface)', a \(entry.status.rawValue) term for \(entry.conceptID)"
                           + (preferred(entry.conceptID, unit.sourceLanguage).map { "; prefer '\($0)'" } ?? ""),
                           concept: entry.conceptID, sourceTerm: match.surface)
                }
            }
            for entry in accepted.isEmpty ? match.entries : accepted where !sourceConcepts.contains(where: { $0.id == entry.conceptID }) {
                sourceConcepts.append((entry.conceptID, match.surface))
            }
        }
        for (conceptID, surface) in sourceConcepts {
            guard let section = concepts[conceptID]?.section(unit.targetLanguage),
                  section.equivalence != Equivalence.none, section.terms.contains(where: { $0.status.isAccepted }) else { continue }
            var acceptedHit: (TermMatcher.Match, TermMatcher.Entry)?
            var deprecatedHits: [(TermMatcher.Match, TermMatcher.Entry)] = []
            for match in targetMatches {
                for entry in match.entries where entry.conceptID == conceptID {
                    if entry.status.isAccepted {
                        if acceptedHit == nil { acceptedHit = (match, entry) }
                    } else {
                        deprecatedHits.append((match, entry))
                    }
                }
            }
            let expected = section.preferredTerms.first?.text ?? section.terms.first { $0.status.isAccepted }?.text ?? ""
            for (match, entry) in deprecatedHits {
                report(.deprecatedTerm, "'\(match.surface)' is a \(entry.status.rawValue) \(unit.targetLanguage) term for \(conceptID) ('\(surface)'); use '\(expected)'",
                       concept: conceptID, sourceTerm: surface, targetTerm: match.surface)
            }
            if let (match, entry) = acceptedHit {
                let finding = Finding(file: unit.file, line: unit.line, unit: unit.id, rule: .inconsistentTerm, severity: .warning,
                                      conceptID: conceptID, sourceTerm: surface, targetTerm: match.surface, message: "",
                                      source: unit.source, target: unit.target,
                                      sourceLanguage: unit.sourceLanguage, targetLanguage: unit.targetLanguage)
                renderings.append(Rendering(conceptID: conceptID, language: LanguageTag.primary(unit.targetLanguage), term: entry.text, finding: finding))
            } else if deprecatedHits.isEmpty {
                let accepted = section.terms.filter { $0.status.isAccepted }.map { "'\($0.text)'" }.joined(separator: ", ")
                report(.missingTerm, "the source has '\(surface)' (\(conceptID)); the \(unit.targetLanguage) target has none of \(accepted)",
                       concept: conceptID, sourceTerm: surface, targetTerm: expected)
            }
        }
        let sourceNumbers = NumberExtractor.numbers(in: unit.source)
        let targetNumbers = NumberExtractor.numbers(in: target)
        if sourceNumbers != targetNumbers {
            report(.numberMismatch, "numbers differ: source \(sourceNumbers.isEmpty ? "none" : sourceNumbers.joined(separator: " ")), target \(targetNumbers.isEmpty ? "none" : targetNumbers.joined(separator: " "))")
        }
        return findings
    }

    private func preferred(_ conceptID: String, _ language: String) -> String? {
        concepts[conceptID]?.section(language)?.preferredTerms.first?.text
    }

    private func normalized(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
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
