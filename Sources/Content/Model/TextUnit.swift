import Base
import Linguistics

/// One translatable unit (a paragraph, a heading, a list item, a clause ...): the same
/// content in several languages, aligned by structure, under one stable id.
public struct TextUnit: Equatable, Sendable {
    /// Unique in the document; written in the source, or derived from the parent's
    /// (`news-1.heading`).
    public var id: String
    /// The language variants, in source order.
    public var texts: [LanguageText]
    /// The unit's element in the source.
    public var location: SourceLocation

    public init(id: String, texts: [LanguageText], location: SourceLocation) {
        self.id = id
        self.texts = texts
        self.location = location
    }

    /// The variant in `language` (matched on the primary subtag: `de` finds `de-LU`).
    public func text(in language: String) -> LanguageText? {
        texts.first { $0.language == language } ?? texts.first { LanguageTag.primary($0.language) == LanguageTag.primary(language) }
    }
}

/// A unit's text in one language.
public struct LanguageText: Equatable, Sendable {
    /// BCP 47 tag from `xml:lang`.
    public var language: String
    public var inlines: [Inline]
    /// The short hash of the source-language text this translation was made from
    /// (`from="..."`), when the translator recorded it.
    public var translatedFrom: String?
    public var location: SourceLocation

    public init(language: String, inlines: [Inline], translatedFrom: String? = nil, location: SourceLocation) {
        self.language = language
        self.inlines = inlines
        self.translatedFrom = translatedFrom
        self.location = location
    }

    /// True when the text has no words (only spaces or nothing).
    public var isBlank: Bool { inlines.plainText.allSatisfy(\.isWhitespace) }
}
