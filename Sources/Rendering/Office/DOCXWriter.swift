import Foundation
import XMLSupport

/// A document as a Word file (Office Open XML, transitional): `[Content_Types].xml`, the
/// package and document relationships, `word/document.xml` with ``DOCXFormat``'s body,
/// `styles.xml`, `numbering.xml` (bullets), `settings.xml` (automatic hyphenation),
/// `footnotes.xml`, a header with the running title in every language, a footer with
/// "page x / y", the core properties (title, language, authors) and each image once.
struct DOCXWriter {
    let settings: OfficeSettings

    func data(of document: RenderedDocument, format: DOCXFormat, layout: OfficeLayout) throws(RenderingError) -> Data {
        let body = layout.body(in: format)
        let parts = format.parts
        let language = document.languages.first ?? document.sourceLanguage
        let margin = Int(settings.margin / 10 * 567)
        let main = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
        let documentXML = Self.declaration
            + "<w:document \(main) xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
            + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
            + "<w:body>\(body)<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId5\"/><w:footerReference w:type=\"default\" r:id=\"rId6\"/>"
            + "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"\(margin)\" w:right=\"\(margin)\" w:bottom=\"\(margin)\" w:left=\"\(margin)\" "
            + "w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>\n"

        var package = OfficePackage()
        package.add("[Content_Types].xml", contentTypes(media: parts.media.map(\.path)))
        package.add("_rels/.rels", Self.declaration + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
            <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
            </Relationships>

            """)
        package.add("docProps/core.xml", coreProperties(document, title: layout.runningTitle, language: language))
        package.add("docProps/app.xml", Self.declaration
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>Passerelle</Application></Properties>\n")
        package.add("word/document.xml", documentXML)
        package.add("word/_rels/document.xml.rels", parts.relationshipsXML)
        package.add("word/styles.xml", DOCXStyles.xml(settings: settings, language: language))
        package.add("word/settings.xml", Self.declaration + "<w:settings \(main)><w:defaultTabStop w:val=\"567\"/><w:autoHyphenation/>"
            + "<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>"
            + "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>\n")
        package.add("word/numbering.xml", Self.declaration + "<w:numbering \(main)>"
            + "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
            + "<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"567\" w:hanging=\"283\"/></w:pPr></w:lvl></w:abstractNum>"
            + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>\n")
        package.add("word/footnotes.xml", footnotes(parts, main: main))
        let header = format.paragraph(.pageHeader, language: language, format.markup.escape(layout.runningTitle))
        package.add("word/header1.xml", Self.declaration + "<w:hdr \(main)>\(header)</w:hdr>\n")
        package.add("word/footer1.xml", Self.declaration + "<w:ftr \(main)>\(footer(language: language))</w:ftr>\n")
        for (path, data) in parts.media { package.add(OfficePackage.Entry(path: path, data: data, compressed: false)) }
        return try package.data()
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    private func contentTypes(media: [String]) -> String {
        let extensions = Set(media.map { ($0 as NSString).pathExtension })
        let wordML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        var xml = Self.declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        for ext in extensions.sorted() { xml += "<Default Extension=\"\(ext)\" ContentType=\"image/\(ext)\"/>" }
        let overrides = [
            ("/word/document.xml", "\(wordML).document.main+xml"), ("/word/styles.xml", "\(wordML).styles+xml"),
            ("/word/settings.xml", "\(wordML).settings+xml"), ("/word/numbering.xml", "\(wordML).numbering+xml"),
            ("/word/footnotes.xml", "\(wordML).footnotes+xml"), ("/word/header1.xml", "\(wordML).header+xml"),
            ("/word/footer1.xml", "\(wordML).footer+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        ]
        for (part, type) in overrides { xml += "<Override PartName=\"\(part)\" ContentType=\"\(type)\"/>" }
        return xml + "</Types>\n"
    }

    private func coreProperties(_ document: RenderedDocument, title: String, language: String) -> String {
        var writer = XMLWriter()
        let tag = OfficeLanguage.tag(language)
        return Self.declaration
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(writer.escape(text: title))</dc:title>"
            + (document.hasAuthors ? "<dc:creator>\(writer.escape(text: document.authors.first ?? ""))</dc:creator>" : "")
            + "<dc:language>\(tag.language)-\(tag.country)</dc:language></cp:coreProperties>\n"
    }

    /// "page 3 / 12": the PAGE and NUMPAGES fields.
    private func footer(language: String) -> String {
        let markup = DOCXMarkup(parts: DOCXParts())
        func field(_ name: String) -> String { "<w:fldSimple w:instr=\" \(name) \">\(markup.escape("1"))</w:fldSimple>" }
        let content = markup.escape(Labels.for(language).page + " ") + field("PAGE") + markup.escape(" / ") + field("NUMPAGES")
        return "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>\(DOCXMarkup.finish(content, language: language))</w:p>"
    }

    private func footnotes(_ parts: DOCXParts, main: String) -> String {
        var xml = Self.declaration + "<w:footnotes \(main)>"
            + "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
            + "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
        let markup = DOCXMarkup(parts: parts)
        for note in parts.footnotes {
            let content = "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r>" + markup.escape(" " + note.text)
            xml += "<w:footnote w:id=\"\(note.id)\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>"
                + DOCXMarkup.finish(content, language: note.language) + "</w:p></w:footnote>"
        }
        return xml + "</w:footnotes>\n"
    }
}
