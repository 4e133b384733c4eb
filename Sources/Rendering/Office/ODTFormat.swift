import Foundation
import XMLSupport

/// The body of an ODT document (OpenDocument 1.3 text): paragraphs and headings with the
/// styles of ``ODTStyles``, each paragraph's text in a span that gives its language
/// (`fo:language`, `fo:country`), the parallel table with its header row repeated on each
/// page and rows kept together, images as frames.
final class ODTFormat: OfficeFormat {
    let parts = ODTParts()
    let markup: InlineMarkup
    let settings: OfficeSettings

    init(settings: OfficeSettings) {
        self.settings = settings
        markup = ODTMarkup(parts: parts)
    }

    var tab: String { "<text:tab/>" }

    var pageBreak: String { "<text:p text:style-name=\"PageBreak\"/>" }

    func paragraph(_ style: OfficeStyle, language: String, _ content: String) -> String {
        let text = content.isEmpty ? "" : "<text:span text:style-name=\"\(parts.languageStyle(language))\">\(content)</text:span>"
        let name = style.names.odt
        switch style {
        case let .heading(level):
            return "<text:h text:style-name=\"\(name)\" text:outline-level=\"\(min(max(level, 1), 4))\">\(text)</text:h>"
        case .bullet:
            return "<text:list text:style-name=\"Bullets\"><text:list-item><text:p text:style-name=\"\(name)\">\(text)</text:p></text:list-item></text:list>"
        default:
            return "<text:p text:style-name=\"\(name)\">\(text)</text:p>"
        }
    }

    /// A paragraph ruled by its bottom border (`style:join-border="false"` keeps one per line).
    func answerLine(language: String, width: Double) -> String {
        paragraph(.answerLine, language: language, "")
    }

    func image(_ image: RenderedImage, alt: String, language: String, maxWidth: Double) -> String? {
        guard case let .local(path, mediaType, data) = image.source else { return nil }
        guard let ext = OfficeImage.fileExtension(mediaType, svg: true) else { return nil }
        let picture = parts.picture(key: path, data: data, mediaType: mediaType, fileExtension: ext)
        let (width, height) = OfficeImage.centimetres(image, maxWidth: maxWidth)
        var writer = XMLWriter()
        return "<text:p text:style-name=\"Figure\"><draw:frame draw:name=\"\(picture)\" text:anchor-type=\"as-char\" "
            + "svg:width=\"\(Self.cm(width))\" svg:height=\"\(Self.cm(height))\">"
            + "<draw:image xlink:href=\"\(picture)\" xlink:type=\"simple\" xlink:show=\"embed\" xlink:actuate=\"onLoad\"/>"
            + "<svg:title>\(writer.escape(text: alt))</svg:title></draw:frame></text:p>"
    }

    func table(languages: [String], header: [String], rows: [[String]]) -> String {
        func row(_ cells: [String], style: String) -> String {
            "<table:table-row table:style-name=\"Row\">"
                + cells.map { "<table:table-cell table:style-name=\"\(style)\">\($0)</table:table-cell>" }.joined() + "</table:table-row>"
        }
        return "<table:table table:name=\"Parallel\" table:style-name=\"ParallelTable\">"
            + "<table:table-column table:style-name=\"ParallelColumn\" table:number-columns-repeated=\"\(languages.count)\"/>"
            + "<table:table-header-rows>\(row(header, style: "HeaderCell"))</table:table-header-rows>"
            + rows.map { row($0, style: "Cell") }.joined() + "</table:table>"
    }

    /// A length in cm as ODF writes it ("8.25cm").
    static func cm(_ value: Double) -> String {
        String(format: "%.3fcm", value)
    }
}
