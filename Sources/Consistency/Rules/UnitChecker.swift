import Foundation
import Linguistics
import Terminology

/// Runs the per-unit rules on units, with one ``TermMatcher`` per language, built on
/// first use. Not thread-safe: each checker is used by one thread at a time (the
/// parallel batches give each worker its own), hence `@unchecked Sendable`.
final class UnitChecker: @unchecked Sendable {
    private let concepts: [String: Concept]
    private let rules: Set<CheckRule>
    private var matchers: [String: TermMatcher] = [:]
    /// The two languages used last, as written in the units, with their matchers.
    private var lastMatcher: [(String, TermMatcher)] = []
    /// Accepted target terms used per concept and language, for inconsistent-term.
    private(set) var renderings: [Rendering] = []
    /// How often each accepted term rendered a concept so far, per concept and language.
    private var renderingCounts: [String: [String: Int]] = [:]

    /// One accepted rendering of a concept in a unit.
    struct Rendering {
        let conceptID: String
        let language: String
        let term: String
        let finding: Finding
    }

    private let dictionaries: DictionaryCache

    init(concepts: [String: Concept], rules: Set<CheckRule>, dictionaries: DictionaryCache) {
        self.dictionaries = dictionaries
        self.concepts = concepts
        self.rules = rules
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

    func check(_ unit: BilingualUnit) throws -> [Finding] {
        var findings: [Finding] = []
        func report(_ rule: CheckRule, _ message: String, concept: String? = nil, sourceTerm: String? = nil, targetTerm: String? = nil) {
            guard rules.contains(rule) else { return }
            findings.append(Finding(file: unit.file, line: unit.line, unit: unit.id, rule: rule, severity: rule.severity,
                                    conceptID: concept, sourceTerm: sourceTerm, targetTerm: targetTerm, message: message,
                                    source: unit.source, target: unit.target,
                                    sourceLanguage: unit.sourceLanguage, targetLanguage: unit.targetLanguage))
        }
        let target = unit.target ?? ""
        if Self.hasLetters(unit.source) {
            if !Self.hasVisibleCharacters(target) {
                report(.untranslated, unit.target == nil ? "no \(unit.targetLanguage) translation" : "the \(unit.targetLanguage) translation is empty")
                return findings
            }
            // One word may rightly be the same in both languages ("Articles", "Cluster").
            if isCopy(target, of: unit.source) {
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
                if rules.contains(.inconsistentTerm) { record(match: match, entry: entry, conceptID: conceptID, surface: surface, unit: unit) }
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

    /// Records an accepted rendering for inconsistent-term. Renderings with the term used
    /// most so far drop the unit's texts (kept for the report otherwise): on 200,000 units
    /// they would hold hundreds of megabytes for nothing.
    private func record(match: TermMatcher.Match, entry: TermMatcher.Entry, conceptID: String, surface: String, unit: BilingualUnit) {
        let language = unit.targetLanguage
        let key = conceptID + "\u{1F}" + language
        renderingCounts[key, default: [:]][entry.text, default: 0] += 1
        // The first rendering of each term keeps its texts, and any rendering that is not the
        // one leading term so far.
        var keepTexts = true
        if let counts = renderingCounts[key], counts[entry.text] != 1 {
            let mine = counts[entry.text] ?? 0
            keepTexts = counts.contains { $0.key != entry.text && $0.value >= mine }
        }
        let finding = Finding(file: unit.file, line: unit.line, unit: unit.id, rule: .inconsistentTerm, severity: .warning,
                              conceptID: conceptID, sourceTerm: surface, targetTerm: match.surface, message: "",
                              source: keepTexts ? unit.source : "", target: keepTexts ? unit.target : nil,
                              sourceLanguage: unit.sourceLanguage, targetLanguage: unit.targetLanguage)
        renderings.append(Rendering(conceptID: conceptID, language: LanguageTag.primary(language), term: entry.text, finding: finding))
    }

    private func preferred(_ conceptID: String, _ language: String) -> String? {
        concepts[conceptID]?.section(language)?.preferredTerms.first?.text
    }

    /// The target repeats the source (ignoring ASCII case and runs of spaces), and the source
    /// has more than one word. Compares UTF-8 bytes and stops at the first difference.
    private func isCopy(_ target: String, of source: String) -> Bool {
        var a = source.utf8.makeIterator(), b = target.utf8.makeIterator()
        var words = 1
        func next(_ iterator: inout String.UTF8View.Iterator, countingWords: Bool) -> UInt8? {
            guard var byte = iterator.next() else { return nil }
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                while let following = iterator.next() {
                    if following != 0x20 && following != 0x09 && following != 0x0A && following != 0x0D {
                        if countingWords { words += 1 }
                        return following >= 0x41 && following <= 0x5A ? following | 0x20 : following
                    }
                }
                return nil
            }
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            return byte
        }
        while true {
            let left = next(&a, countingWords: true), right = next(&b, countingWords: false)
            if left != right { return false }
            if left == nil { return words > 1 }
        }
    }

    /// True when the text has a letter (any non-ASCII byte counts, as a letter is likely).
    static func hasLetters(_ text: String) -> Bool {
        text.utf8.contains { $0 >= 0x80 || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
    }

    /// True when the text has something other than ASCII white space.
    static func hasVisibleCharacters(_ text: String) -> Bool {
        text.utf8.contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
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
