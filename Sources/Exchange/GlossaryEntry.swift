import Consistency
import Linguistics
import Terminology

/// What the termbase says to the translator about one concept found in a unit's source:
/// the source term as found, every approved target term (preferred and admitted, never a
/// deprecated or superseded one, and only those of the target's region when it has one),
/// the definition, and, when the target language has only a partial equivalent or none,
/// a note with the recommended paraphrase.
public struct GlossaryEntry: Equatable, Sendable {
    public let conceptID: String
    /// The source's words, as they stand in the unit.
    public let sourceTerm: String
    /// Where they are in the source's plain text (UTF-8 offsets).
    public let range: Range<Int>
    public let targetTerms: [String]
    public let definition: String?
    public let definitionSource: String?
    /// "partial" or "none", with what to write instead.
    public let equivalence: Equivalence?
    public let paraphrase: String?

    /// The note a translator reads when the equivalence is not exact or close.
    public var equivalenceNote: String? {
        switch equivalence {
        case .partial?:
            return "'\(sourceTerm)' (\(conceptID)) has only a partial equivalent in the target language"
                + (paraphrase.map { ": explain it, e.g. '\($0)'" } ?? ": use it with care")
        case .none?:
            return "'\(sourceTerm)' (\(conceptID)) has no equivalent in the target language"
                + (paraphrase.map { ": write '\($0)'" } ?? ": paraphrase it")
        default:
            return nil
        }
    }
}

/// Finds the concepts of the termbase in source texts (the matcher `check` uses) and
/// makes their ``GlossaryEntry``s for a target language.
public final class GlossaryLookup {
    let termbase: Termbase
    let matcher: TermMatcher
    let target: String

    public init(termbase: Termbase, source: String, target: String) throws {
        self.termbase = termbase
        self.target = target
        matcher = try TermMatcher(termbase: termbase, language: source)
    }

    /// The entries of the concepts found in `text`, in order, each concept once.
    public func entries(in text: String) -> [GlossaryEntry] {
        var seen: Set<String> = []
        var entries: [GlossaryEntry] = []
        let region = LanguageTag.region(target)
        for match in matcher.matches(in: text) {
            guard let conceptID = match.entries.first?.conceptID, seen.insert(conceptID).inserted,
                  let concept = termbase.concept(id: conceptID) else { continue }
            let section = concept.section(target)
            let approved = (section?.terms ?? []).filter { term in
                (term.status == .preferred || term.status == .admitted) && !term.isForbidden
                    && (region == nil || term.regions.isEmpty || term.regions.contains(region!))
            }
            let definition = section?.definitions.first ?? concept.languages.first { !$0.definitions.isEmpty }?.definitions.first
            let start = text.utf8.distance(from: text.startIndex, to: match.range.lowerBound)
            let length = text.utf8.distance(from: match.range.lowerBound, to: match.range.upperBound)
            entries.append(GlossaryEntry(
                conceptID: conceptID, sourceTerm: match.surface, range: start..<(start + length),
                targetTerms: approved.map(\.text), definition: definition?.text, definitionSource: definition?.source,
                equivalence: section?.equivalence == .partial || section?.equivalence == Equivalence.none ? section?.equivalence : nil,
                paraphrase: section?.paraphrase))
        }
        return entries
    }
}
