import Foundation
import XMLSupport

/// The body of a DOCX document (WordprocessingML): paragraphs with the styles of
/// ``DOCXStyles``, the language on every run, the parallel table with a repeated header
/// row and rows that do not split, images inline (each embedded once).
final class DOCXFormat: OfficeFormat {
    let parts = DOCXParts()
    let markup: InlineMarkup
    let settings: OfficeSettings

    init(settings: OfficeSettings) {
        self.settings = settings
        markup = DOCXMarkup(parts: parts)
    }

    var tab: String { "<w:r><w:tab/></w:r>" }

    var pageBreak: String { "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" }

    func paragraph(_ style: OfficeStyle, language: String, _ content: String) -> String {
        "<w:p><w:pPr><w:pStyle w:val=\"\(style.names.docx)\"/></w:pPr>\(DOCXMarkup.finish(content, language: language))</w:p>"
    }

    /// A tab to the line's end with an underscore leader: Word and LibreOffice both draw
    /// one bottom border under a run of bordered paragraphs, so borders cannot rule lines.
    func answerLine(language: String, width: Double) -> String {
        "<w:p><w:pPr><w:pStyle w:val=\"AnswerLine\"/><w:tabs><w:tab w:val=\"right\" w:leader=\"underscore\" w:pos=\"\(Int(width * 567))\"/></w:tabs></w:pPr>"
            + "<w:r><w:tab/></w:r></w:p>"
    }

    func image(_ image: RenderedImage, alt: String, language: String, maxWidth: Double) -> String? {
        // Word shows PNG, JPEG and GIF; SVG needs a PNG beside it, and remote images are not embedded.
        guard case let .local(path, mediaType, data) = image.source else { return nil }
        guard let ext = OfficeImage.fileExtension(mediaType, svg: false) else { return nil }
        let id = parts.image(key: path, data: data, fileExtension: ext)
        let (width, height) = OfficeImage.centimetres(image, maxWidth: maxWidth)
        let cx = Int(width * 360_000), cy = Int(height * 360_000)
        let number = parts.drawing()
        var writer = XMLWriter()
        let description = writer.escape(attribute: alt)
        return "<w:p><w:pPr><w:pStyle w:val=\"Figure\"/></w:pPr><w:r><w:drawing>"
            + "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"\(cx)\" cy=\"\(cy)\"/>"
            + "<wp:docPr id=\"\(number)\" name=\"Image \(number)\" descr=\"\(description)\"/>"
            + "<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
            + "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
            + "<pic:nvPicPr><pic:cNvPr id=\"\(number)\" name=\"image\(number).\(ext)\" descr=\"\(description)\"/><pic:cNvPicPr/></pic:nvPicPr>"
            + "<pic:blipFill><a:blip r:embed=\"\(id)\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
            + "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(cx)\" cy=\"\(cy)\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
            + "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    }

    func table(languages: [String], header: [String], rows: [[String]]) -> String {
        let total = Int(settings.textWidth * 567)  // twips per cm
        let width = total / max(languages.count, 1)
        func row(_ cells: [String], header: Bool) -> String {
            let shading = header ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"1F6F5C\"/>" : ""
            return "<w:tr><w:trPr><w:cantSplit/>\(header ? "<w:tblHeader/>" : "")</w:trPr>"
                + cells.map { "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>\(shading)</w:tcPr>\($0)</w:tc>" }.joined() + "</w:tr>"
        }
        return "<w:tbl><w:tblPr><w:tblStyle w:val=\"ParallelTable\"/><w:tblW w:w=\"\(width * languages.count)\" w:type=\"dxa\"/>"
            + "<w:tblLayout w:type=\"fixed\"/></w:tblPr>"
            + "<w:tblGrid>" + languages.map { _ in "<w:gridCol w:w=\"\(width)\"/>" }.joined() + "</w:tblGrid>"
            + row(header, header: true) + rows.map { row($0, header: false) }.joined() + "</w:tbl>"
            // A table cannot end a document: Word needs a paragraph after it.
            + "<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/></w:pPr></w:p>"
    }
}
