import Base
import Linguistics

/// A definition with the source it is taken from.
public struct Definition: Equatable, Sendable {
    public var text: String
    /// Named precisely: a law and its date, an EU act with its reference, an institution.
    public var source: String?
    public init(_ text: String, source: String? = nil) {
        self.text = text
        self.source = source
    }
}

/// A relation to another concept of the termbase.
public struct ConceptRelation: Equatable, Sendable {
    public var kind: RelationKind
    /// The id of the other concept.
    public var target: String
    public init(_ kind: RelationKind, _ target: String) {
        self.kind = kind
        self.target = target
    }
}

/// Everything a concept says in one language.
public struct LanguageSection: Equatable, Sendable {
    /// A BCP 47 tag: fr, de, en, lb, nl-BE ...
    public var language: String
    /// How well this language's designations render the concept; nil when not assessed.
    public var equivalence: Equivalence?
    /// The wording to use when no term exists (equivalence `none`) or as an explanation.
    public var paraphrase: String?
    public var definitions: [Definition]
    public var notes: [String]
    public var terms: [Term]
    public var extensions: Extensions

    public init(
        language: String, equivalence: Equivalence? = nil, paraphrase: String? = nil, definitions: [Definition] = [],
        notes: [String] = [], terms: [Term] = [], extensions: Extensions = Extensions()
    ) {
        self.language = language
        self.equivalence = equivalence
        self.paraphrase = paraphrase
        self.definitions = definitions
        self.notes = notes
        self.terms = terms
        self.extensions = extensions
    }

    /// The preferred terms (normally exactly one).
    public var preferredTerms: [Term] { terms.filter { $0.status == .preferred } }

    /// What a writer should use for the concept in this language: the first preferred term
    /// (the first admitted one if none is preferred), or the recommended paraphrase when the
    /// language has no equivalent term.
    public var recommendedWording: String? {
        if equivalence != Equivalence.none, let term = preferredTerms.first ?? terms.first(where: { $0.status == .admitted }) {
            return term.text
        }
        return paraphrase ?? preferredTerms.first?.text
    }
}

/// A unit of meaning, designated by terms in several languages.
public struct Concept: Equatable, Sendable, Identifiable {
    /// A stable id, e.g. `social-solidarity-economy`.
    public var id: String
    /// The subject field, e.g. "social economy / legal forms".
    public var subjectField: String?
    public var notes: [String]
    public var relations: [ConceptRelation]
    /// One section per language, in the order of the source.
    public var languages: [LanguageSection]
    public var extensions: Extensions
    /// Where the concept was read from (file and line), for messages.
    public var origin: SourceLocation?

    public init(
        id: String, subjectField: String? = nil, notes: [String] = [], relations: [ConceptRelation] = [],
        languages: [LanguageSection] = [], extensions: Extensions = Extensions(), origin: SourceLocation? = nil
    ) {
        self.id = id
        self.subjectField = subjectField
        self.notes = notes
        self.relations = relations
        self.languages = languages
        self.extensions = extensions
        self.origin = origin
    }

    /// The section of a language (matching `de` for a request of `de` or `de-DE`).
    public func section(_ language: String) -> LanguageSection? {
        languages.first { $0.language == language }
            ?? languages.first { LanguageTag.primary($0.language) == LanguageTag.primary(language) }
    }

    /// Equality of content, ignoring where it was read from.
    public static func == (lhs: Concept, rhs: Concept) -> Bool {
        lhs.id == rhs.id && lhs.subjectField == rhs.subjectField && lhs.notes == rhs.notes
            && lhs.relations == rhs.relations && lhs.languages == rhs.languages && lhs.extensions == rhs.extensions
    }
}

