import Foundation
import XMLSupport

/// What a DOCX body refers to outside `document.xml`, gathered while it is written:
/// hyperlinks and images (relationships of the main part) and footnotes. Ids are
/// counted in document order, so the same document gives the same ids.
final class DOCXParts {
    /// `rId1` ... are the fixed parts (styles, settings ...); links and images follow.
    static let fixedRelationships: [(id: String, type: String, target: String)] = [
        ("rId1", "styles", "styles.xml"), ("rId2", "settings", "settings.xml"), ("rId3", "numbering", "numbering.xml"),
        ("rId4", "footnotes", "footnotes.xml"), ("rId5", "header", "header1.xml"), ("rId6", "footer", "footer1.xml"),
    ]

    private(set) var relationships: [(id: String, type: String, target: String, external: Bool)] = []
    private var linkIDs: [String: String] = [:]
    private(set) var footnotes: [(id: Int, text: String, language: String)] = []
    /// Images embedded, each once however often it is shown: its part name and relationship.
    private(set) var media: [(path: String, data: Data)] = []
    private var imageIDs: [String: String] = [:]
    /// Drawing ids (`wp:docPr`), unique in the document.
    private(set) var drawings = 0

    private func nextID() -> String { "rId\(Self.fixedRelationships.count + relationships.count + 1)" }

    /// The relationship id of a hyperlink to `href`.
    func hyperlink(_ href: String) -> String {
        if let id = linkIDs[href] { return id }
        let id = nextID()
        relationships.append((id, "hyperlink", href, true))
        linkIDs[href] = id
        return id
    }

    /// The id of a new footnote holding `text`.
    func footnote(_ text: String, language: String) -> Int {
        footnotes.append((footnotes.count + 1, text, language))
        return footnotes.count
    }

    /// The relationship id of the image read from `key` (its path), embedded once.
    func image(key: String, data: Data, fileExtension: String) -> String {
        if let id = imageIDs[key] { return id }
        let id = nextID()
        let path = "media/image\(media.count + 1).\(fileExtension)"
        media.append(("word/" + path, data))
        relationships.append((id, "image", path, false))
        imageIDs[key] = id
        return id
    }

    /// A new drawing id.
    func drawing() -> Int {
        drawings += 1
        return drawings
    }

    /// `word/_rels/document.xml.rels`.
    var relationshipsXML: String {
        var writer = XMLWriter()
        let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for part in Self.fixedRelationships {
            xml += "<Relationship Id=\"\(part.id)\" Type=\"\(base)\(part.type)\" Target=\"\(part.target)\"/>"
        }
        for part in relationships {
            xml += "<Relationship Id=\"\(part.id)\" Type=\"\(base)\(part.type)\" Target=\"\(writer.escape(attribute: part.target))\""
                + (part.external ? " TargetMode=\"External\"" : "") + "/>"
        }
        return xml + "</Relationships>\n"
    }
}
