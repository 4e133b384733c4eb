/// `word/styles.xml`: the document's defaults (fonts and size from ``OfficeSettings``, the
/// first language) and one named style per ``OfficeStyle``, so that an editor changes the
/// look of every heading or clause at once. Headings keep with the next paragraph and
/// carry their outline level (Word's navigation pane, a PDF's bookmarks).
enum DOCXStyles {
    static func xml(settings: OfficeSettings, language: String) -> String {
        let size = Int((settings.fontSize * 2).rounded())  // half-points
        let tag = OfficeLanguage.tag(language)
        func fonts(_ name: String) -> String { "<w:rFonts w:ascii=\"\(name)\" w:hAnsi=\"\(name)\" w:eastAsia=\"\(name)\" w:cs=\"\(name)\"/>" }
        func paragraph(_ id: String, _ name: String, basedOn: String? = "Normal", pPr: String = "", rPr: String = "") -> String {
            "<w:style w:type=\"paragraph\" w:customStyle=\"\(["Normal", "Title", "Subtitle", "Quote", "Caption", "Header", "Footer", "FootnoteText", "ListBullet", "ListNumber", "BodyText"].contains(id) || id.hasPrefix("Heading") ? 0 : 1)\" w:styleId=\"\(id)\">"
                + "<w:name w:val=\"\(name)\"/>" + (basedOn.map { "<w:basedOn w:val=\"\($0)\"/>" } ?? "")
                + (id == "Normal" ? "" : "<w:qFormat/>")
                + (pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>") + (rPr.isEmpty ? "" : "<w:rPr>\(rPr)</w:rPr>") + "</w:style>"
        }
        func heading(_ level: Int, size points: Double) -> String {
            paragraph("Heading\(level)", "heading \(level)", basedOn: "Normal",
                      pPr: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"\(level == 1 ? 240 : 160)\" w:after=\"80\"/><w:outlineLvl w:val=\"\(level - 1)\"/>",
                      rPr: fonts(settings.headingFont) + "<w:b/><w:bCs/><w:color w:val=\"16382F\"/><w:sz w:val=\"\(Int(points * 2))\"/><w:szCs w:val=\"\(Int(points * 2))\"/>")
        }
        let hanging = "<w:ind w:left=\"567\" w:hanging=\"567\"/>"
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:docDefaults><w:rPrDefault><w:rPr>\(fonts(settings.bodyFont))<w:sz w:val="\(size)"/><w:szCs w:val="\(size)"/>\
        <w:lang w:val="\(tag.language)-\(tag.country)"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:spacing w:after="100" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
        \(paragraph("Normal", "Normal", basedOn: nil, pPr: "<w:widowControl/>"))\
        \(paragraph("BodyText", "Body Text"))\
        \(paragraph("Title", "Title", pPr: "<w:keepNext/><w:spacing w:after=\"60\"/>", rPr: fonts(settings.headingFont) + "<w:b/><w:color w:val=\"16382F\"/><w:sz w:val=\"\(size + 16)\"/><w:szCs w:val=\"\(size + 16)\"/>"))\
        \(paragraph("Subtitle", "Subtitle", pPr: "<w:keepNext/>", rPr: fonts(settings.headingFont) + "<w:color w:val=\"2F5D50\"/><w:sz w:val=\"\(size + 6)\"/><w:szCs w:val=\"\(size + 6)\"/>"))\
        \(paragraph("Meta", "Document details", pPr: "<w:keepNext/>", rPr: "<w:color w:val=\"5F6B66\"/><w:sz w:val=\"\(size - 2)\"/><w:szCs w:val=\"\(size - 2)\"/>"))\
        \(heading(1, size: settings.fontSize + 5))\(heading(2, size: settings.fontSize + 2.5))\(heading(3, size: settings.fontSize + 1))\(heading(4, size: settings.fontSize))\
        \(paragraph("ListBullet", "List Bullet", pPr: "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>"))\
        \(paragraph("ListNumber", "List Number", pPr: hanging))\
        \(paragraph("Clause", "Clause", pPr: hanging))\
        \(paragraph("Quote", "Quote", pPr: "<w:ind w:left=\"567\" w:right=\"567\"/>", rPr: "<w:i/><w:iCs/>"))\
        \(paragraph("Attribution", "Attribution", pPr: "<w:ind w:left=\"567\"/><w:jc w:val=\"right\"/>"))\
        \(paragraph("Figure", "Figure", pPr: "<w:keepNext/><w:jc w:val=\"center\"/>"))\
        \(paragraph("Caption", "caption", rPr: "<w:i/><w:iCs/><w:sz w:val=\"\(size - 2)\"/><w:szCs w:val=\"\(size - 2)\"/>"))\
        \(paragraph("Credit", "Credit", rPr: "<w:color w:val=\"5F6B66\"/><w:sz w:val=\"\(size - 3)\"/><w:szCs w:val=\"\(size - 3)\"/>"))\
        \(paragraph("Details", "Event details", pPr: "<w:spacing w:after=\"40\"/>"))\
        \(paragraph("TableHeader", "Table Header", pPr: "<w:keepNext/>", rPr: fonts(settings.headingFont) + "<w:b/><w:color w:val=\"FFFFFF\"/>"))\
        \(paragraph("Badge", "Translation state", pPr: "<w:keepNext/>", rPr: "<w:i/><w:iCs/><w:color w:val=\"9A3412\"/><w:sz w:val=\"\(size - 2)\"/><w:szCs w:val=\"\(size - 2)\"/>"))\
        \(paragraph("Question", "Question", basedOn: "ListNumber", pPr: "<w:keepNext/><w:keepLines/><w:ind w:left=\"567\" w:hanging=\"567\"/>"))\
        \(paragraph("AnswerLine", "Answer line", pPr: "<w:keepNext/><w:spacing w:before=\"200\" w:after=\"0\"/><w:ind w:left=\"567\"/>", rPr: "<w:color w:val=\"8A9A94\"/>"))\
        \(paragraph("AnswerBox", "Answer box", pPr: "<w:keepNext/><w:pBdr><w:top w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"8A9A94\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"8A9A94\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"8A9A94\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"8A9A94\"/></w:pBdr><w:spacing w:before=\"0\" w:after=\"0\"/><w:ind w:left=\"567\"/>"))\
        \(paragraph("Choice", "Choice", pPr: "<w:tabs><w:tab w:val=\"left\" w:pos=\"2835\"/></w:tabs><w:spacing w:before=\"80\"/><w:ind w:left=\"567\"/>"))\
        \(paragraph("Signatory", "Signatory", pPr: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"240\"/>", rPr: "<w:b/><w:bCs/>"))\
        \(paragraph("SignatureLine", "Signature line", pPr: "<w:keepNext/><w:tabs><w:tab w:val=\"right\" w:leader=\"underscore\" w:pos=\"4252\"/></w:tabs><w:spacing w:before=\"200\" w:after=\"0\"/>"))\
        \(paragraph("SignatureLast", "Signature", basedOn: "SignatureLine", pPr: "<w:spacing w:before=\"720\" w:after=\"120\"/>"))\
        \(paragraph("FootnoteText", "footnote text", rPr: "<w:sz w:val=\"\(size - 3)\"/><w:szCs w:val=\"\(size - 3)\"/>"))\
        \(paragraph("Header", "header", rPr: "<w:color w:val=\"5F6B66\"/><w:sz w:val=\"\(size - 3)\"/><w:szCs w:val=\"\(size - 3)\"/>"))\
        \(paragraph("Footer", "footer", pPr: "<w:jc w:val=\"center\"/>", rPr: "<w:color w:val=\"5F6B66\"/><w:sz w:val=\"\(size - 3)\"/><w:szCs w:val=\"\(size - 3)\"/>"))\
        <w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/></w:style>\
        <w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="1F6F5C"/><w:u w:val="single"/></w:rPr></w:style>\
        <w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>\
        <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>\
        <w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
        <w:style w:type="table" w:styleId="ParallelTable"><w:name w:val="Parallel Table"/><w:basedOn w:val="TableNormal"/><w:tblPr>\
        <w:tblBorders><w:insideV w:val="single" w:sz="4" w:space="0" w:color="C9D6D1"/><w:insideH w:val="single" w:sz="2" w:space="0" w:color="E3EBE8"/></w:tblBorders>\
        <w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="113" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="113" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
        </w:styles>

        """
    }
}
