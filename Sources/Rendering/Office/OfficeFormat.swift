import Linguistics

/// A paragraph's role in an office document; each format names its own style for it
/// (DOCX `Heading1`, ODT `Heading_20_1` ...), so that an editor restyles the document
/// from the style list, as a reference document does.
enum OfficeStyle: Equatable {
    case title, subtitle, meta
    /// Heading 1-4: a document's sections are level 1.
    case heading(Int)
    case body
    /// A list item with a bullet, and one with its number written before it.
    case bullet, numbered
    /// A clause with its number written before it.
    case clause
    case quote, attribution, caption, credit, details
    /// A column's language name, atop each page of the parallel table.
    case tableHeader
    /// A translation's state ("Traduction manquante").
    case badge
    /// A question, with its number; kept with its answer area.
    case question
    /// One ruled line to write an answer on; a line of a framed answer box.
    case answerLine, answerBox
    /// Yes / no boxes to tick.
    case choice
    /// Who signs ("Pour l'organisation membre"), then a label and a line to write on
    /// (kept together on one page), the last with room to sign above it.
    case signatory, signatureLine, signatureLast
}

/// What an office format (DOCX, ODT) writes for the parts of a document. ``OfficeLayout``
/// decides what goes where for each layout and calls these; the format owns its markup,
/// its styles and how it embeds images. Formats are classes: they gather links, notes
/// and images while the body is written.
protocol OfficeFormat: AnyObject {
    /// How inline text is written (runs, spans).
    var markup: InlineMarkup { get }
    /// A tab between a marker ("1.", "a)") and its text.
    var tab: String { get }
    /// A page break between two languages' parts.
    var pageBreak: String { get }
    /// One paragraph of `style` in `language`; `content` is in ``markup``.
    func paragraph(_ style: OfficeStyle, language: String, _ content: String) -> String
    /// One ruled line, `width` cm long, to write an answer on.
    func answerLine(language: String, width: Double) -> String
    /// A paragraph holding `image` at most `maxWidth` cm wide, or nil when the format
    /// cannot embed it (its alt text is shown instead).
    func image(_ image: RenderedImage, alt: String, language: String, maxWidth: Double) -> String?
    /// A table with one column per language: `header` (repeated atop each page), then
    /// one row per aligned unit, never split across pages; cells hold paragraphs.
    func table(languages: [String], header: [String], rows: [[String]]) -> String
}

/// The language tag an office application understands, with a region: `fr-FR` for `fr`,
/// `de-DE` for `de`, `en-GB` for `en`; a tag with a region is kept (`fr-BE`).
enum OfficeLanguage {
    static func tag(_ language: String) -> (language: String, country: String) {
        let primary = LanguageTag.primary(language)
        if let region = LanguageTag.region(language) { return (primary, region) }
        let defaults = ["fr": "FR", "de": "DE", "en": "GB", "lb": "LU", "nl": "BE", "it": "IT", "es": "ES", "pt": "PT"]
        return (primary, defaults[primary] ?? primary.uppercased())
    }
}
