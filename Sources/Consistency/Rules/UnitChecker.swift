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

    func check(_ unit: BilingualUnit) throws -> [Finding] {
        var findings: [Finding] = []
        func report(_ rule: CheckRule, _ message: String, concept: String? = nil, sourceTerm: String? = nil, targetTerm: String? = nil,
                    sourceOffset: Int? = nil, targetOffset: Int? = nil) {
            guard rules.contains(rule) else { return }
            var finding = Finding(unit, rule: rule, conceptID: concept, sourceTerm: sourceTerm, targetTerm: targetTerm, message: message)
            finding.sourceTermOffset = sourceOffset
            finding.targetTermOffset = targetOffset
            findings.append(finding)
        }
        let rawTarget = unit.target ?? ""
        if Self.hasLetters(unit.source) {
            if !Self.hasVisibleCharacters(rawTarget) {
                report(.untranslated, unit.target == nil ? "no \(unit.targetLanguage) translation" : "the \(unit.targetLanguage) translation is empty")
                return findings
            }
            // One word may rightly be the same in both languages ("Articles", "Cluster"), and
            // so may names ("Metz, Arsenal", "Mont-Saint-Martin").
            if isCopy(rawTarget, of: unit.source), !Self.isName(unit.source) {
                report(.untranslated, "the \(unit.targetLanguage) text is a copy of the \(unit.sourceLanguage) source")
                return findings
            }
        }
        guard !rawTarget.isEmpty else { return findings }
        guard usesTerms || rules.contains(.numberMismatch) else { return findings }
        // Placeholders, markup, URLs ... are not prose: neither terms nor numbers.
        let source = masker.mask(unit.source), target = masker.mask(rawTarget)

        // The term rules: skipped (and no dictionary built) when none was asked for.
        var termNumbers: [String] = []
        if usesTerms {
            termNumbers = try checkTerms(unit, source: source, target: target, report: report)
        }
        if rules.contains(.numberMismatch),
           let difference = NumberExtractor.difference(source, unit.sourceLanguage, target, unit.targetLanguage, excusing: termNumbers) {
            report(.numberMismatch, difference)
        }
        return findings
    }

    /// The term rules on the masked texts of `unit`; returns the numbers written inside the
    /// terms found (a number that belongs to a term, "association loi 1901", is no mismatch).
    @discardableResult
    private func checkTerms(_ unit: BilingualUnit, source: String, target: String,
                            report: (CheckRule, String, String?, String?, String?, Int?, Int?) -> Void) throws -> [String] {
        /// Where a match starts in its (masked) text, as a UTF-8 offset: the same in the unit's text.
        func offset(_ match: TermMatcher.Match, in text: String) -> Int { text.utf8.distance(from: text.utf8.startIndex, to: match.range.lowerBound) }
        let sourceRegion = unit.sourceLanguage.contains(where: { $0 == "-" || $0 == "_" }) ? LanguageTag.region(unit.sourceLanguage) : nil
        let (targetRegion, targetVariant) = targetTag(unit.targetLanguage)

        let sourceMatches = try matcher(unit.sourceLanguage).matches(in: source)
        let targetMatcher = try matcher(unit.targetLanguage)
        // The concepts of the source, in order; a deprecated source term still names its concept.
        var sourceConcepts: [(concept: Int, id: String, surface: String, offset: Int)] = []
        var termNumbers: [String] = []
        for match in sourceMatches {
            if Self.hasDigits(match.surface) { termNumbers += NumberExtractor.numbers(in: match.surface) }
            let anyAccepted = match.entries.contains { $0.status.isAccepted && $0.applies(in: sourceRegion) }
            if !anyAccepted {
                for entry in match.entries where entry.applies(in: sourceRegion) {
                    report(.sourceDeprecatedTerm, "the source uses '\(match.surface)', a \(entry.status.rawValue) term for \(entry.conceptID)"
                           + (preferred(entry.conceptIndex, unit.sourceLanguage).map { "; prefer '\($0)'" } ?? ""),
                           entry.conceptID, match.surface, nil, offset(match, in: source), nil)
                }
            }
            for entry in match.entries where (!anyAccepted || entry.status.isAccepted)
                && !sourceConcepts.contains(where: { $0.concept == entry.conceptIndex }) {
                sourceConcepts.append((entry.conceptIndex, entry.conceptID, match.surface, offset(match, in: source)))
            }
        }
        // In the target, a term of the source's concepts inside a longer one counts too
        // ("souscription" in "demande de souscription").
        let targetMatches = targetMatcher.matches(in: target, nested: true, nestedConcepts: sourceConcepts.map(\.concept))
        for (concept, conceptID, surface, sourceOffset) in sourceConcepts {
            guard let section = targetSection(concept, unit.targetLanguage, targetMatcher.dictionary) else { continue }
            // A concept whose terms all belong to other regions (a Luxembourg a.s.b.l. in a
            // text for France) is written with those terms.
            let region = regionWithTerms(concept, section, targetRegion)
            var acceptedHit: (TermMatcher.Match, TermMatcher.Entry)?
            /// Every accepted term of the concept in the target (a unit may use two).
            var acceptedTerms: [String] = []
            var otherRegion: TermMatcher.Entry?
            var deprecatedHits: [(TermMatcher.Match, TermMatcher.Entry)] = []
            for match in targetMatches {
                for entry in match.entries where entry.conceptIndex == concept {
                    if Self.hasDigits(match.surface) { termNumbers += NumberExtractor.numbers(in: match.surface) }
                    if entry.status.isAccepted {
                        guard entry.applies(in: region) else { otherRegion = entry; continue }
                        if !entry.isShortForm && !acceptedTerms.contains(entry.text) { acceptedTerms.append(entry.text) }
                        // A full form leads: "IBAN" and its full form are one rendering.
                        if acceptedHit == nil || (acceptedHit!.1.isShortForm && !entry.isShortForm) { acceptedHit = (match, entry) }
                    } else if !match.isNested, entry.applies(in: region),
                              !match.entries.contains(where: { $0.conceptIndex == concept && $0.status.isAccepted && $0.applies(in: region) }) {
                        deprecatedHits.append((match, entry))
                    }
                }
            }
            for (match, entry) in deprecatedHits {
                report(entry.isForbidden ? .forbiddenTerm : .deprecatedTerm,
                       "'\(match.surface)' is a \(entry.isForbidden ? "forbidden" : entry.status.rawValue) \(unit.targetLanguage) term for \(conceptID) ('\(surface)'); use '\(expected(concept, section, region))'",
                       conceptID, surface, match.surface, sourceOffset, offset(match, in: target))
            }
            if let (match, entry) = acceptedHit {
                if rules.contains(.inconsistentTerm) && !entry.isShortForm {
                    // Renderings compete within one language variant and one part of speech.
                    let variant = entry.partOfSpeech.map { "\(targetVariant)/\($0.rawValue)" } ?? targetVariant
                    renderings.record(concept: concept, language: variant, term: entry.text, unit: unit,
                                      sourceTerm: surface, targetTerm: match.surface, alternatives: acceptedTerms.filter { $0 != entry.text })
                }
            } else if deprecatedHits.isEmpty && !isInOtherForm(concept, section, target, targetMatcher) {
                let accepted = concepts[concept].languages[section].terms
                    .filter { $0.status.isAccepted && RegionCode.covers($0.regions, region) }
                    .map { "'\($0.text)'" }
                let regional = otherRegion.map { "; '\($0.text)' is the term in \($0.regions.joined(separator: " ")), not in \(region ?? "")" } ?? ""
                report(.missingTerm, "the source has '\(surface)' (\(conceptID)); the \(unit.targetLanguage) target has none of \(accepted.joined(separator: ", "))\(regional)",
                       conceptID, surface, expected(concept, section, region), sourceOffset, nil)
            }
        }
        guard rules.contains(.deprecatedTermAnywhere) || rules.contains(.forbiddenTerm) else { return termNumbers }
        // Deprecated terms of concepts the source does not name: a warning, an error when forbidden.
        for match in targetMatches where !match.isNested {
            // The word is also an accepted term (of another concept): an ordinary word there.
            guard !match.entries.contains(where: { $0.status.isAccepted && $0.applies(in: targetRegion) }) else { continue }
            for entry in match.entries where entry.applies(in: targetRegion)
                && !sourceConcepts.contains(where: { $0.concept == entry.conceptIndex }) {
                let advice = preferred(entry.conceptIndex, unit.targetLanguage).map { "; write '\($0)'" } ?? ""
                if entry.isForbidden {
                    report(.forbiddenTerm, "'\(match.surface)' is forbidden in \(unit.targetLanguage) (\(entry.conceptID))\(advice)", entry.conceptID, nil, match.surface,
                           nil, offset(match, in: target))
                } else {
                    report(.deprecatedTermAnywhere, "'\(match.surface)' is a \(entry.status.rawValue) \(unit.targetLanguage) term for \(entry.conceptID)\(advice)",
                           entry.conceptID, nil, match.surface, nil, offset(match, in: target))
                }
            }
        }
        return termNumbers
    }

    /// True when an accepted term of the concept is in `target` in a form the matcher's one
    /// pass does not see: inside a compound that is a term of its own ("Datei" in
    /// "Dateiendung"), or a German verb split in two ("Laden Sie ... hoch"). Asked only before
    /// a missing term is reported, so it costs nothing on the units that are right.
    private func isInOtherForm(_ concept: Int, _ section: Int, _ target: String, _ matcher: TermMatcher) -> Bool {
        let accepted = concepts[concept].languages[section].terms.filter(\.status.isAccepted)
        if matcher.hasCompoundPart(accepted.map(\.text), in: target) { return true }
        guard matcher.language == "de" else { return false }
        return accepted.contains { term in
            !term.text.contains(" ") && term.partOfSpeech != .noun && matcher.hasSplitVerb(term.text, in: target)
        }
    }

    /// The index of the section of `language` in a concept, when it has an equivalent
    /// there with an accepted term (the missing and deprecated rules apply); read in place,
    /// as this runs for every concept of every unit.
    private func targetSection(_ concept: Int, _ language: String, _ dictionary: TermDictionary) -> Int? {
        // Worked out for every concept when the dictionary was built, but for concepts with
        // several sections in the language (regional tags), where the unit's tag decides.
        switch dictionary.ruleSections[concept] {
        case -1: nil
        case -2: findTargetSection(concept, language)
        case let index: Int(index)
        }
    }

    private func findTargetSection(_ concept: Int, _ language: String) -> Int? {
        let languages = concepts[concept].languages
        guard let index = languages.firstIndex(where: { $0.language == language })
                ?? languages.firstIndex(where: { LanguageTag.primary($0.language) == LanguageTag.primary(language) }),
              languages[index].hasAcceptedEquivalent else { return nil }
        return index
    }

    /// `region` when the section has an accepted term used there, else nil (any region).
    private func regionWithTerms(_ concept: Int, _ section: Int, _ region: String?) -> String? {
        guard let region else { return nil }
        let used = concepts[concept].languages[section].terms.contains { $0.status.isAccepted && RegionCode.covers($0.regions, region) }
        return used ? region : nil
    }

    /// The term to suggest in a section found by ``targetSection(_:_:_:)``: the preferred
    /// term of the text's region, else the preferred term, else an admitted one.
    private func expected(_ concept: Int, _ section: Int, _ region: String? = nil) -> String {
        let terms = concepts[concept].languages[section].terms
        let regional = region.flatMap { region in terms.first { $0.status == .preferred && $0.regions.contains { $0.hasPrefix(region) } } }
        return regional?.text ?? terms.first { $0.status == .preferred && $0.regions.isEmpty }?.text
            ?? terms.first { $0.status == .preferred }?.text ?? terms.first { $0.status.isAccepted }?.text ?? ""
    }

    private func preferred(_ concept: Int, _ language: String) -> String? {
        concepts[concept].section(language)?.preferredTerms.first?.text
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

    /// True when every word starts with a capital letter or is not a word ("Metz, Arsenal",
    /// "Saarbrücken – 10:30"): a name, the same in every language. A sentence has words in
    /// small letters, in French, English and German alike.
    static func isName(_ text: String) -> Bool {
        text.split(whereSeparator: { $0.isWhitespace }).allSatisfy { word in
            guard let first = word.first(where: \.isLetter) else { return true }
            return first.isUppercase
        }
    }

    /// True when the text has a letter (any non-ASCII byte counts, as a letter is likely).
    static func hasLetters(_ text: String) -> Bool {
        text.utf8.contains { $0 >= 0x80 || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
    }

    /// True when the text has an ASCII digit.
    static func hasDigits(_ text: String) -> Bool {
        text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
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

extension LanguageSection {
    /// True when the missing and deprecated rules apply to this language: the concept has
    /// an equivalent here, with an accepted term.
    var hasAcceptedEquivalent: Bool {
        equivalence != Equivalence.none && terms.contains { $0.status.isAccepted }
    }
}
