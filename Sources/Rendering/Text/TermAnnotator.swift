import Base
import Content
import Linguistics
import Terminology
import XMLSupport

/// Resolves a document's `term` references against the termbase: checks that each
/// names a known concept, and says what the concept is called in the other languages.
public struct TermAnnotator: Sendable {
    private let concepts: [String: Concept]
    /// The languages equivalents are given in.
    private let languages: [String]

    /// `languages`: the document's languages; a term's note names the others.
    public init(termbase: Termbase, languages: [String]) {
        concepts = Dictionary(termbase.concepts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.languages = languages
    }

    /// The concept with this id.
    public func concept(_ id: String) -> Concept? { concepts[id] }

    /// "de: Sozial- und Solidarwirtschaft · en: social and solidarity economy" for a
    /// term written in `language`; nil for an unknown concept.
    func note(for conceptID: String, in language: String) -> String? {
        guard let equivalents = concepts[conceptID]?.equivalents(besides: language, in: languages), !equivalents.isEmpty else { return nil }
        // The termbase's straight apostrophes as the document writes them.
        return equivalents.replacingOccurrences(of: "'", with: "\u{2019}")
    }

    /// An error, with file:line:column, for every reference to a concept the termbase lacks.
    public func problems(in document: ContentDocument) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for unit in document.units {
            for text in unit.texts {
                for reference in text.inlines.termReferences where concepts[reference.conceptID] == nil {
                    let place = reference.location
                    problems.append(Diagnostic(file: place.file, line: place.line, column: place.column,
                                                  message: "unknown concept '\(reference.conceptID)' in <term ref>; `passerelle terms lookup` finds concept ids"))
                }
            }
        }
        return problems
    }

    /// The concepts the document refers to, in first-use order.
    public func conceptsUsed(in document: ContentDocument) -> [Concept] {
        var seen: Set<String> = []
        var result: [Concept] = []
        for unit in document.units {
            for text in unit.texts {
                for reference in text.inlines.termReferences where seen.insert(reference.conceptID).inserted {
                    if let concept = concepts[reference.conceptID] { result.append(concept) }
                }
            }
        }
        return result
    }
}
