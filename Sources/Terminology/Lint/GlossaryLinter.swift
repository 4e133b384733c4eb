import Base
import Linguistics

/// Checks a termbase for what makes it unreliable for translators.
///
/// Rules (errors unless said):
/// - `duplicate-concept-id`: two concepts share an id;
/// - `duplicate-term`: one concept has two terms equal at primary strength in a language
///   ("Economie sociale" and "économie sociale"), unless they are one word with a status per
///   region (Belgian "volontariat" preferred, French and Luxembourg "volontariat" deprecated);
/// - `shared-term` (warning): one term is in use (preferred or admitted) for several concepts:
///   say which is meant. A deprecated term that names another concept ("Philanthropie" deprecated
///   for the social and solidarity economy, preferred for philanthropy) is the intended warning
///   to translators, not a conflict;
/// - `missing-language`: a required language (fr, de, en by default) is missing;
/// - `no-preferred-term`: a language has terms but none preferred (unless equivalence is none);
/// - `several-preferred-terms`: more than one preferred term, unless each names its own regions
///   (one of them may name none: it is preferred outside the others' regions);
/// - `missing-paraphrase`: equivalence none without a recommended paraphrase;
/// - `broken-relation`: a relation points to no concept;
/// - `mixed-script`: a term's letters come from several scripts (a Cyrillic "с" in a Latin
///   word), by ICU's script property;
/// - `definition-without-source` (warning).
public struct GlossaryLinter: Sendable {
    /// Every rule, by id.
    public static let rules: [String] = [
        "duplicate-concept-id", "duplicate-term", "shared-term", "missing-language", "no-preferred-term",
        "several-preferred-terms", "missing-paraphrase", "broken-relation", "mixed-script", "definition-without-source",
    ]

    /// Languages every concept must have.
    public var requiredLanguages: [String]
    /// The rules applied (default: all).
    public var enabledRules: Set<String>

    public init(requiredLanguages: [String] = ["fr", "de", "en"], enabledRules: Set<String> = Set(GlossaryLinter.rules)) {
        self.requiredLanguages = requiredLanguages
        self.enabledRules = enabledRules
    }

    /// The findings, errors first, then by concept order.
    public func lint(_ termbase: Termbase) throws -> [LintFinding] {
        var findings: [LintFinding] = []
        let ids = Set(termbase.concepts.map(\.id))
        var seenIDs: Set<String> = []
        var collators: [String: Collator] = [:]
        /// language -> term key -> concept ids and the term's text, for terms in use.
        var owners: [String: [CollationKey: [(String, String)]]] = [:]

        for concept in termbase.concepts {
            func report(_ rule: String, _ language: String?, _ message: String, severity: Severity = .error) {
                guard enabledRules.contains(rule) else { return }
                findings.append(LintFinding(rule: rule, severity: severity, conceptID: concept.id, language: language,
                                            message: message, location: concept.origin))
            }
            if !seenIDs.insert(concept.id).inserted { report("duplicate-concept-id", nil, "the id is used by another concept") }
            for language in requiredLanguages where concept.section(language) == nil {
                report("missing-language", language, "no \(language) section; add its terms, or equivalence=\"none\" with a paraphrase")
            }
            for relation in concept.relations where !ids.contains(relation.target) {
                report("broken-relation", nil, "\(relation.kind.rawValue) relation to unknown concept '\(relation.target)'")
            }
            for section in concept.languages {
                let language = section.language
                let primary = LanguageTag.primary(language)
                if collators[primary] == nil { collators[primary] = try Collator(locale: primary, strength: .primary) }
                let collator = collators[primary]!
                var keys: [CollationKey: Term] = [:]
                for term in section.terms {
                    let scripts = ScriptMix.scripts(of: term.text)
                    if scripts.count > 1 {
                        report("mixed-script", language, "'\(term.text)' mixes \(scripts.joined(separator: " and ")) letters "
                            + "(a look-alike letter?): retype the term")
                    }
                    let key = collator.sortKey(term.text)
                    if let other = keys[key] {
                        if !regionsAreDisjoint([other, term]) {
                            report("duplicate-term", language, "'\(term.text)' and '\(other.text)' are the same term (equal ignoring case and accents)"
                                + "; give each its regions if its status differs by region")
                            continue
                        }
                    } else {
                        keys[key] = term
                    }
                    if term.status.isAccepted {
                        owners[primary, default: [:]][key, default: []].append((concept.id, term.text))
                    }
                }
                let preferred = section.preferredTerms
                if section.equivalence == Equivalence.none {
                    if section.paraphrase?.isEmpty ?? true {
                        report("missing-paraphrase", language, "equivalence is none: give the recommended paraphrase")
                    }
                } else if preferred.isEmpty && !section.terms.isEmpty {
                    report("no-preferred-term", language, "no preferred term among \(section.terms.map { "'\($0.text)'" }.joined(separator: ", "))")
                } else if section.terms.isEmpty {
                    report("no-preferred-term", language, "no term; add one, or set equivalence=\"none\" with a paraphrase")
                }
                if preferred.count > 1 && !regionsAreDisjoint(preferred.filter { !$0.regions.isEmpty })
                    || preferred.filter({ $0.regions.isEmpty }).count > 1 {
                    report("several-preferred-terms", language,
                           "\(preferred.map { "'\($0.text)'" }.joined(separator: ", ")) are all preferred; keep one, or give each its regions")
                }
                for definition in section.definitions where definition.source?.isEmpty ?? true {
                    report("definition-without-source", language, "the definition has no source", severity: .warning)
                }
            }
        }
        for (language, terms) in owners.sorted(by: { $0.key < $1.key }) where enabledRules.contains("shared-term") {
            for (_, users) in terms where Set(users.map(\.0)).count > 1 {
                let concepts = users.map(\.0)
                for id in concepts {
                    let origin = termbase.concept(id: id)?.origin
                    findings.append(LintFinding(
                        rule: "shared-term", severity: .warning, conceptID: id, language: language,
                        message: "'\(users[0].1)' also designates \(concepts.filter { $0 != id }.joined(separator: ", ")); say which concept is meant (note or region)",
                        location: origin))
                }
            }
        }
        return findings.enumerated().sorted { a, b in
            a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
        }.map(\.element)
    }

    private func regionsAreDisjoint(_ terms: [Term]) -> Bool {
        var seen: Set<String> = []
        for term in terms {
            if term.regions.isEmpty { return false }
            for region in term.regions where !seen.insert(region).inserted { return false }
        }
        return true
    }
}
