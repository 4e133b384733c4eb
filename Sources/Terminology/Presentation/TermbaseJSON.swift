import Base

/// The JSON forms of the termbase model that `terms ... --format json` prints (see
/// ``JSONText`` for the layout). A key is left out when the model has no value for it.
public enum TermbaseJSON {
    /// A term, and the concept it names when listed apart from its concept.
    public struct TermValue: Encodable, Sendable {
        let term: String
        let status: String
        /// Present (false) only when the file gave no status and `status` is the default.
        let statusRecorded: Bool?
        let type, partOfSpeech, gender: String?
        let regions: [String]?
        /// "exact" when the term matches only as written.
        let match: String?
        /// "forbidden" for a term never to be used.
        let usage: String?
        let note, source: String?
        let reliability: Int?
        let concept: String?

        public init(_ term: Term, concept: String? = nil) {
            self.term = term.text
            status = term.status.rawValue
            statusRecorded = term.statusIsRecorded ? nil : false
            type = term.type?.rawValue
            partOfSpeech = term.partOfSpeech?.rawValue
            gender = term.gender?.rawValue
            regions = term.regions.isEmpty ? nil : term.regions
            match = term.exactMatch ? "exact" : nil
            usage = term.isForbidden ? "forbidden" : nil
            note = term.note
            source = term.source
            reliability = term.reliability
            self.concept = concept
        }
    }

    /// A concept with every language.
    public struct ConceptValue: Encodable, Sendable {
        struct Relation: Encodable, Sendable {
            let type, concept: String
        }

        struct Definition: Encodable, Sendable {
            let text: String
            let source: String?
        }

        struct Language: Encodable, Sendable {
            let language: String
            let terms: [TermValue]
            let equivalence, paraphrase: String?
            let definitions: [Definition]?
            let notes: [String]?
        }

        let id: String
        let subject: String?
        let notes: [String]?
        let relations: [Relation]?
        let languages: [Language]
        /// The file and line the concept was read from.
        let origin: String?

        public init(_ concept: Concept) {
            id = concept.id
            subject = concept.subjectField
            notes = concept.notes.isEmpty ? nil : concept.notes
            relations = concept.relations.isEmpty ? nil : concept.relations.map { Relation(type: $0.kind.rawValue, concept: $0.target) }
            languages = concept.languages.map { section in
                Language(language: section.language, terms: section.terms.map { TermValue($0) },
                         equivalence: section.equivalence?.rawValue, paraphrase: section.paraphrase,
                         definitions: section.definitions.isEmpty ? nil : section.definitions.map { Definition(text: $0.text, source: $0.source) },
                         notes: section.notes.isEmpty ? nil : section.notes)
            }
            origin = concept.origin?.description
        }
    }

    /// `terms lookup`: the query and the concepts found.
    public struct Lookup: Encodable, Sendable {
        let query: String
        let concepts: [ConceptValue]

        public init(query: String, concepts: [Concept]) {
            self.query = query
            self.concepts = concepts.map(ConceptValue.init)
        }
    }

    /// `terms list --sections`: one A-Z section.
    public struct Section: Encodable, Sendable {
        let section: String
        public let terms: [TermValue]

        public init(_ section: TermIndex.Section) {
            self.section = section.label
            terms = section.entries.map { TermValue($0.term, concept: $0.conceptID) }
        }
    }

    /// `terms lint`: every finding, then the counts.
    public struct LintReport: Encodable, Sendable {
        struct Finding: Encodable, Sendable {
            let rule, severity, concept, message: String
            let language, location: String?

            enum CodingKeys: String, CodingKey { case rule, severity, concept, message, language, location }

            // `language` and `location` are written as null when absent, as before.
            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(rule, forKey: .rule)
                try container.encode(severity, forKey: .severity)
                try container.encode(concept, forKey: .concept)
                try container.encode(message, forKey: .message)
                try container.encode(language, forKey: .language)
                try container.encode(location, forKey: .location)
            }
        }

        struct Summary: Encodable, Sendable {
            let concepts, errors, warnings: Int
        }

        let findings: [Finding]
        let summary: Summary

        public init(_ findings: [LintFinding], concepts: Int) {
            self.findings = findings.map {
                Finding(rule: $0.rule, severity: $0.severity.rawValue, concept: $0.conceptID, message: $0.message,
                        language: $0.language, location: $0.location?.description)
            }
            let errors = findings.filter { $0.severity == .error }.count
            summary = Summary(concepts: concepts, errors: errors, warnings: findings.count - errors)
        }
    }

    /// `terms stats`: the counts of ``TermbaseStatistics``.
    public struct Statistics: Encodable, Sendable {
        struct Language: Encodable, Sendable {
            let language: String
            let terms: Int
            let statuses: [String: Int]
        }

        let concepts, terms, definitions, definitionsWithSource: Int
        let languages: [Language]
        let equivalence: [String: Int]

        public init(_ stats: TermbaseStatistics) {
            concepts = stats.concepts
            terms = stats.terms
            definitions = stats.definitions
            definitionsWithSource = stats.definitionsWithSource
            languages = stats.byLanguage.map { entry in
                Language(language: entry.language, terms: entry.terms,
                         statuses: Dictionary(uniqueKeysWithValues: entry.statuses.map { ($0.key.rawValue, $0.value) }))
            }
            equivalence = Dictionary(uniqueKeysWithValues: stats.equivalence.map { ($0.key.rawValue, $0.value) })
        }
    }
}
