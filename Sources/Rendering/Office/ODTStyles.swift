/// `styles.xml` of an ODT: fonts, the default paragraph style (font, size, the first
/// language, hyphenation by the application's dictionaries), one named style per
/// ``OfficeStyle``, the bullet list, footnote numbering, and the A4 master page with the
/// running title in its header and "page x / y" in its footer.
enum ODTStyles {
    static let namespaces = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" \
        xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
        xmlns:xlink="http://www.w3.org/1999/xlink" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" \
        xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" \
        xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
        """

    static func xml(settings: OfficeSettings, language: String, runningTitle: String, pageLabel: String) -> String {
        let tag = OfficeLanguage.tag(language)
        let size = settings.fontSize
        func points(_ value: Double) -> String { String(format: "%.1fpt", value) }
        func paragraph(_ name: String, _ display: String, parent: String = "Standard", paragraphProperties: String = "", textProperties: String = "",
                       extra: String = "") -> String {
            "<style:style style:name=\"\(name)\" style:display-name=\"\(display)\" style:family=\"paragraph\" style:parent-style-name=\"\(parent)\"\(extra)>"
                + (paragraphProperties.isEmpty ? "" : "<style:paragraph-properties \(paragraphProperties)/>")
                + (textProperties.isEmpty ? "" : "<style:text-properties \(textProperties)/>") + "</style:style>"
        }
        func heading(_ level: Int, _ points: Double) -> String {
            paragraph("Heading_20_\(level)", "Heading \(level)", parent: "Heading",
                      paragraphProperties: "fo:margin-top=\"\(level == 1 ? "0.42cm" : "0.28cm")\" fo:margin-bottom=\"0.14cm\" fo:keep-with-next=\"always\"",
                      textProperties: "fo:font-size=\"\(String(format: "%.1fpt", points))\" fo:font-weight=\"bold\"",
                      extra: " style:default-outline-level=\"\(level)\" style:class=\"text\"")
        }
        let writer = ODTMarkup(parts: ODTParts())
        let hanging = "fo:margin-left=\"1cm\" fo:text-indent=\"-1cm\""
        let small = "fo:font-size=\"\(points(size - 1.5))\" fo:color=\"#5f6b66\""
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-styles \(namespaces) office:version="1.3">\
        <office:font-face-decls>\
        <style:font-face style:name="\(settings.bodyFont)" svg:font-family="'\(settings.bodyFont)'"/>\
        <style:font-face style:name="\(settings.headingFont)" svg:font-family="'\(settings.headingFont)'"/>\
        </office:font-face-decls>\
        <office:styles>\
        <style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit" fo:orphans="2" fo:widows="2"/>\
        <style:text-properties style:font-name="\(settings.bodyFont)" fo:font-size="\(points(size))" fo:language="\(tag.language)" fo:country="\(tag.country)" \
        fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/></style:default-style>\
        <style:style style:name="Standard" style:family="paragraph" style:class="text"/>\
        \(paragraph("Text_20_body", "Text body", paragraphProperties: "fo:margin-top=\"0cm\" fo:margin-bottom=\"0.18cm\" fo:line-height=\"115%\""))\
        \(paragraph("Heading", "Heading", paragraphProperties: "fo:keep-with-next=\"always\"", textProperties: "style:font-name=\"\(settings.headingFont)\" fo:color=\"#16382f\""))\
        \(heading(1, size + 5))\(heading(2, size + 2.5))\(heading(3, size + 1))\(heading(4, size))\
        \(paragraph("Title", "Title", parent: "Heading", paragraphProperties: "fo:margin-bottom=\"0.1cm\"", textProperties: "fo:font-size=\"\(points(size + 8))\" fo:font-weight=\"bold\"", extra: " style:class=\"chapter\""))\
        \(paragraph("Subtitle", "Subtitle", parent: "Heading", textProperties: "fo:font-size=\"\(points(size + 3))\" fo:color=\"#2f5d50\"", extra: " style:class=\"chapter\""))\
        \(paragraph("Meta", "Document details", paragraphProperties: "fo:margin-bottom=\"0.14cm\" fo:keep-with-next=\"always\"", textProperties: small))\
        \(paragraph("List_20_Bullet", "List Bullet", parent: "Text_20_body"))\
        \(paragraph("List_20_Number", "List Number", parent: "Text_20_body", paragraphProperties: hanging))\
        \(paragraph("Clause", "Clause", parent: "Text_20_body", paragraphProperties: hanging))\
        \(paragraph("Quotations", "Quotations", parent: "Text_20_body", paragraphProperties: "fo:margin-left=\"1cm\" fo:margin-right=\"1cm\"", textProperties: "fo:font-style=\"italic\""))\
        \(paragraph("Attribution", "Attribution", parent: "Text_20_body", paragraphProperties: "fo:text-align=\"end\""))\
        \(paragraph("Figure", "Figure", paragraphProperties: "fo:text-align=\"center\" fo:keep-with-next=\"always\""))\
        \(paragraph("Caption", "Caption", parent: "Text_20_body", textProperties: "fo:font-style=\"italic\" fo:font-size=\"\(points(size - 1))\""))\
        \(paragraph("Credit", "Credit", parent: "Text_20_body", textProperties: small))\
        \(paragraph("Details", "Event details", parent: "Text_20_body", paragraphProperties: "fo:margin-bottom=\"0.07cm\""))\
        \(paragraph("Table_20_Heading", "Table Heading", paragraphProperties: "fo:keep-with-next=\"always\"", textProperties: "style:font-name=\"\(settings.headingFont)\" fo:font-weight=\"bold\" fo:color=\"#ffffff\""))\
        \(paragraph("Badge", "Translation state", paragraphProperties: "fo:keep-with-next=\"always\"", textProperties: "fo:font-style=\"italic\" fo:color=\"#9a3412\" fo:font-size=\"\(points(size - 1))\""))\
        \(paragraph("Question", "Question", parent: "Text_20_body", paragraphProperties: hanging + " fo:keep-with-next=\"always\" fo:keep-together=\"always\""))\
        \(paragraph("Answer_20_line", "Answer line", paragraphProperties: "fo:margin-left=\"1cm\" fo:margin-top=\"0.25cm\" fo:margin-bottom=\"0cm\" fo:border-bottom=\"0.5pt solid #8a9a94\" fo:padding-bottom=\"0.02cm\" style:join-border=\"false\" fo:keep-with-next=\"always\""))\
        \(paragraph("Answer_20_box", "Answer box", paragraphProperties: "fo:margin-left=\"1cm\" fo:margin-top=\"0cm\" fo:margin-bottom=\"0cm\" fo:border=\"0.5pt solid #8a9a94\" fo:padding=\"0.1cm\" fo:keep-with-next=\"always\""))\
        <style:style style:name="Choice" style:family="paragraph" style:parent-style-name="Text_20_body"><style:paragraph-properties fo:margin-left="1cm" fo:margin-top="0.1cm">\
        <style:tab-stops><style:tab-stop style:position="4cm"/></style:tab-stops></style:paragraph-properties></style:style>\
        \(paragraph("Signatory", "Signatory", parent: "Text_20_body", paragraphProperties: "fo:margin-top=\"0.42cm\" fo:keep-with-next=\"always\"", textProperties: "fo:font-weight=\"bold\""))\
        <style:style style:name="Signature_20_line" style:display-name="Signature line" style:family="paragraph" style:parent-style-name="Standard">\
        <style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0cm" fo:keep-with-next="always"><style:tab-stops>\
        <style:tab-stop style:position="7.5cm" style:type="right" style:leader-style="solid" style:leader-text="_"/></style:tab-stops></style:paragraph-properties></style:style>\
        \(paragraph("Signature", "Signature", parent: "Signature_20_line", paragraphProperties: "fo:margin-top=\"1.27cm\" fo:margin-bottom=\"0.2cm\" fo:keep-with-next=\"auto\""))\
        \(paragraph("Footnote", "Footnote", textProperties: "fo:font-size=\"\(points(size - 2))\"", extra: " style:class=\"extra\""))\
        \(paragraph("Header", "Header", textProperties: small, extra: " style:class=\"extra\""))\
        \(paragraph("Footer", "Footer", paragraphProperties: "fo:text-align=\"center\"", textProperties: small, extra: " style:class=\"extra\""))\
        <style:style style:name="Emphasis" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>\
        <style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>\
        <style:style style:name="Internet_20_link" style:display-name="Internet link" style:family="text">\
        <style:text-properties fo:color="#1f6f5c" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>\
        <text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•">\
        <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">\
        <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1cm" fo:text-indent="-0.5cm" fo:margin-left="1cm"/>\
        </style:list-level-properties></text:list-level-style-bullet></text:list-style>\
        <text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>\
        </office:styles>\
        <office:automatic-styles><style:page-layout style:name="A4">\
        <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" \
        fo:margin-top="\(ODTFormat.cm(settings.margin / 10 * 0.6))" fo:margin-bottom="\(ODTFormat.cm(settings.margin / 10 * 0.6))" \
        fo:margin-left="\(ODTFormat.cm(settings.margin / 10))" fo:margin-right="\(ODTFormat.cm(settings.margin / 10))"/>\
        <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.5cm"/></style:header-style>\
        <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.5cm"/></style:footer-style>\
        </style:page-layout></office:automatic-styles>\
        <office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4">\
        <style:header><text:p text:style-name="Header">\(writer.escape(runningTitle))</text:p></style:header>\
        <style:footer><text:p text:style-name="Footer">\(writer.escape(pageLabel)) <text:page-number text:select-page="current">1</text:page-number> / \
        <text:page-count>1</text:page-count></text:p></style:footer>\
        </style:master-page></office:master-styles>\
        </office:document-styles>

        """
    }
}
