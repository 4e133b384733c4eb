/// A collection of concepts, from one or several glossary files.
///
/// ```swift
/// let termbase = try GlossaryLoader().load(paths: ["glossaries/"])
/// termbase.concept(id: "social-solidarity-economy")?.section("de")?.preferredTerms
/// ```
public struct Termbase: Equatable, Sendable {
    /// A title, when the file had one.
    public var title: String?
    /// The concepts, in the order they were read.
    public var concepts: [Concept]
    /// Namespace declarations of the source root (prefix to URI), kept so that
    /// preserved foreign markup is written back with the same prefixes.
    public var namespaces: [String: String]

    public init(title: String? = nil, concepts: [Concept] = [], namespaces: [String: String] = [:]) {
        self.title = title
        self.concepts = concepts
        self.namespaces = namespaces
    }

    /// The concept with an id.
    public func concept(id: String) -> Concept? {
        concepts.first { $0.id == id }
    }

    /// Every language used, in first-seen order.
    public var languages: [String] {
        var seen: [String] = []
        for concept in concepts {
            for section in concept.languages where !seen.contains(section.language) { seen.append(section.language) }
        }
        return seen
    }

    /// The number of terms in all languages.
    public var termCount: Int {
        concepts.reduce(0) { $0 + $1.languages.reduce(0) { $0 + $1.terms.count } }
    }

    /// Adds the concepts of another termbase.
    public mutating func merge(_ other: Termbase) {
        if title == nil { title = other.title }
        concepts += other.concepts
        namespaces.merge(other.namespaces) { current, _ in current }
    }
}
