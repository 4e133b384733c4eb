import Content
import Foundation

/// A document laid out for rendering, the same for every output format: sections of
/// rows, one row per translatable unit, one cell per shown language, with what each
/// language shows (its text, or the source's when the translation is missing) and its
/// translation state. ``RenderModelBuilder`` makes it from a ``ContentDocument``; a
/// ``FormatWriter`` (HTML, Markdown, text ...) turns it into the values of a theme's
/// templates, with its own inline markup, composites and image policy.
struct RenderedDocument {
    let id: String
    let kind: ContentDocument.Kind
    /// The languages shown, in column order.
    let languages: [String]
    let sourceLanguage: String
    /// The title in each language, then the subtitle if any.
    let title: [RenderedCell]
    let subtitle: [RenderedCell]?
    /// The summary in each language (an e-mail's preheader), if the document has one.
    var summary: [RenderedCell]? = nil
    /// Per language: the kind of document, its issue and its date ("Lettre n° 3 · juillet 2019").
    let meta: [String]
    /// Per language: the authors as written in it, with its typography.
    let authors: [String]
    let hasAuthors: Bool
    let sections: [RenderedSection]
    /// Per language, the concepts the document uses (empty unless asked).
    let glossary: [GlossaryColumn]
}

/// A section: its heading row first, then its blocks' rows.
struct RenderedSection {
    let id: String
    let level: Int
    let rows: [RenderedRow]
}

/// One translatable unit aligned across languages (or an event's or a call's details).
struct RenderedRow {
    /// What the unit is; writers lay each kind out in their own way.
    enum Kind: Equatable {
        case heading(level: Int)
        case paragraph
        /// A list item: its 1-based number when the list is ordered.
        case item(number: Int?)
        case clause
        case quote
        case figure
        /// An event's or a call's date, place, deadline and link.
        case details
        /// A question of a questionnaire: its number and the room for its answer.
        case question(number: Int, answer: Questionnaire.Answer)
        /// One signatory's lines (``RenderedRow/signature``).
        case signature
    }

    let id: String
    let kind: Kind
    let cells: [RenderedCell]
    /// A clause's number ("1.", "a)").
    var marker: String? = nil
    /// An article heading's label per language ("Article 3", "Artikel 3").
    var cellMarkers: [String]? = nil
    /// A portrait heading's link (already checked by ``LinkPolicy``).
    var link: String? = nil
    /// A quote's attribution per language.
    var attribution: [RenderedCell]? = nil
    /// A figure's image, its captions and credits per language.
    var image: RenderedImage? = nil
    var captions: [RenderedCell]? = nil
    var credits: [RenderedCell]? = nil
    /// The details of an event or a call, per language.
    var details: [DetailsCell]? = nil
    /// A signatory's lines, per language.
    var signature: [SignatureCell]? = nil

    /// The kind's name, as templates test it (`isHeading` ...).
    var kindName: String {
        switch kind {
        case .heading: "heading"
        case .paragraph: "paragraph"
        case .item: "item"
        case .clause: "clause"
        case .quote: "quote"
        case .figure: "figure"
        case .details: "details"
        case .question: "question"
        case .signature: "signature"
        }
    }
}

/// One language's text of a unit.
struct RenderedCell {
    /// How far the text shown can be trusted.
    enum State: Equatable {
        /// The source, a current translation, or one not tracked.
        case current
        /// No translation: the source language's text is shown instead when there is one.
        case missing
        case outdated
    }

    /// The language of the column.
    let column: String
    /// The text shown (nil: nothing to show); for a missing translation, the source's.
    let text: LanguageText?
    let state: State
    /// The badge's label in the column's language ("traduction manquante").
    let notice: String?

    /// The language the text shown is in.
    var language: String { text?.language ?? column }
}

/// An image of a figure, checked: a remote https image, or a local file inside the
/// content root with its media type and bytes. Each writer decides how to refer to it.
struct RenderedImage {
    enum Source {
        case remote(url: String)
        case local(path: String, mediaType: String, data: Data)
    }

    let source: Source
    /// The figure's `src` as written, relative to the document.
    let written: String
    /// Sizes in pixels, from the figure or the file header (0: unknown).
    let width: Int
    let height: Int
}

/// One language's details of an event or a call; labels not yet hyphenated.
struct DetailsCell {
    let column: String
    var whenLabel: String? = nil
    var when: String? = nil
    var placeLabel: String? = nil
    var place: RenderedCell? = nil
    var deadlineLabel: String? = nil
    var deadline: String? = nil
    var link: String? = nil
    var linkLabel: String? = nil
}

/// One language's lines of a signatory: who signs (if the source says), then each line
/// with its label and what the source prints on it (nothing: a line to fill in).
struct SignatureCell {
    struct Line {
        let label: String
        /// A translated value (organisation, role).
        var text: RenderedCell? = nil
        /// A value written the same in every language (a person's name).
        var plain: String? = nil
        /// Nothing printed: the line is left to fill in.
        var isBlank: Bool { text?.text == nil && plain == nil }
    }

    let column: String
    let heading: RenderedCell?
    let lines: [Line]
}

/// The glossary appendix in one language: concepts in its collation order.
struct GlossaryColumn {
    struct Entry {
        let term: String
        let conceptID: String
        /// "de: Sozial- und Solidarwirtschaft · en: social and solidarity economy".
        let equivalents: String
        /// The definition with its language's typography, and its source.
        let definition: String?
        let source: String
    }

    let language: String
    let label: String
    let entries: [Entry]
}
