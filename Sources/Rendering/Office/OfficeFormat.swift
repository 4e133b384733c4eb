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
    /// The running title atop each page.
    case pageHeader

    /// The style's name in each format: its DOCX style id and its ODT style name (the
    /// names Word and LibreOffice give their own built-in styles where there is one).
    var names: (docx: String, odt: String) {
        switch self {
        case .title: ("Title", "Title")
        case .subtitle: ("Subtitle", "Subtitle")
        case .meta: ("Meta", "Meta")
        case let .heading(level): ("Heading\(min(max(level, 1), 4))", "Heading_20_\(min(max(level, 1), 4))")
        case .body: ("BodyText", "Text_20_body")
        case .bullet: ("ListBullet", "List_20_Bullet")
        case .numbered: ("ListNumber", "List_20_Number")
        case .clause: ("Clause", "Clause")
        case .quote: ("Quote", "Quotations")
        case .attribution: ("Attribution", "Attribution")
        case .caption: ("Caption", "Caption")
        case .credit: ("Credit", "Credit")
        case .details: ("Details", "Details")
        case .tableHeader: ("TableHeader", "Table_20_Heading")
        case .badge: ("Badge", "Badge")
        case .question: ("Question", "Question")
        case .answerLine: ("AnswerLine", "Answer_20_line")
        case .answerBox: ("AnswerBox", "Answer_20_box")
        case .choice: ("Choice", "Choice")
        case .signatory: ("Signatory", "Signatory")
        case .signatureLine: ("SignatureLine", "Signature_20_line")
        case .signatureLast: ("SignatureLast", "Signature")
        case .pageHeader: ("Header", "Header")
        }
    }
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

/// An image in an office document: the file ending it is stored under (nil: the format
/// cannot show it) and the size it is shown at.
enum OfficeImage {
    /// PNG, JPEG and GIF everywhere; SVG where `svg` (LibreOffice shows it, Word needs a PNG beside it).
    static func fileExtension(_ mediaType: String, svg: Bool) -> String? {
        switch mediaType {
        case "image/png": "png"
        case "image/jpeg": "jpeg"
        case "image/gif": "gif"
        case "image/svg+xml" where svg: "svg"
        default: nil
        }
    }

    /// Its pixels at 96 dpi, no wider than `maxWidth` cm.
    static func centimetres(_ image: RenderedImage, maxWidth: Double) -> (width: Double, height: Double) {
        guard image.width > 0, image.height > 0 else { return (maxWidth, maxWidth * 0.6) }
        let width = min(Double(image.width) * 2.54 / 96, maxWidth)
        return (width, width * Double(image.height) / Double(image.width))
    }
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
