import Base
import XMLSupport

/// A charter or a newsletter, in several languages side by side.
///
/// Readers build it from the XML source (``ContentLoader``); renderers and checks read
/// only from it.
public struct ContentDocument: Equatable, Sendable {
    /// What the document is.
    public enum Kind: String, Sendable {
        case charter, newsletter
    }

    public var kind: Kind
    public var id: String
    /// The declared languages; the first is the source language that translations
    /// are made from and fall back to.
    public var languages: [String]
    public var metadata: DocumentMetadata
    public var sections: [Section]
    /// The source file.
    public var file: String
    /// Fingerprints of the bytes of the source file and of the files it includes, as
    /// read when the document was loaded (an edit refuses a file that changed since).
    public var sourceFingerprints: [String: UInt64] = [:]
    /// What loading found allowed but likely a mistake (a relative link in a newsletter).
    public var warnings: [Diagnostic] = []

    public init(kind: Kind, id: String, languages: [String], metadata: DocumentMetadata, sections: [Section], file: String) {
        self.kind = kind
        self.id = id
        self.languages = languages
        self.metadata = metadata
        self.sections = sections
        self.file = file
    }

    /// The language translations are made from.
    public var sourceLanguage: String { languages.first ?? "und" }
}

/// Title, subtitle, summary, date, issue number and authors.
public struct DocumentMetadata: Equatable, Sendable {
    public var title: TextUnit
    public var subtitle: TextUnit?
    /// A sentence or two on what the document holds: the line an e-mail client shows after
    /// the subject (the preheader).
    public var summary: TextUnit?
    public var date: ContentDate?
    /// The newsletter's issue number.
    public var issue: Int?
    public var authors: [Author]

    public init(title: TextUnit, subtitle: TextUnit? = nil, summary: TextUnit? = nil, date: ContentDate? = nil, issue: Int? = nil,
                authors: [Author] = []) {
        self.title = title
        self.subtitle = subtitle
        self.summary = summary
        self.date = date
        self.issue = issue
        self.authors = authors
    }
}

/// Who wrote the document: a person's name, the same in every language, or a name
/// that is translated ("Équipe de rédaction", "Redaktionsteam"): a unit like any text.
public enum Author: Equatable, Sendable {
    case name(String)
    case translated(TextUnit)

    /// The author as written in `language` (the name; a translation, else the text in
    /// `fallback`, the source language).
    public func text(in language: String, fallback: String) -> String {
        switch self {
        case let .name(name): name
        case let .translated(unit): (unit.text(in: language) ?? unit.text(in: fallback))?.inlines.plainText ?? ""
        }
    }
}

/// A section: a heading, blocks, then subsections.
public struct Section: Equatable, Sendable {
    public var id: String
    public var heading: TextUnit
    public var blocks: [Block]
    public var subsections: [Section]

    public init(id: String, heading: TextUnit, blocks: [Block], subsections: [Section] = []) {
        self.id = id
        self.heading = heading
        self.blocks = blocks
        self.subsections = subsections
    }
}
