import Foundation
import XMLSupport

/// A document as an OpenDocument text file (ODF 1.3): `mimetype` first and stored, then
/// `content.xml` with ``ODTFormat``'s body and its automatic styles (the parallel table,
/// its columns, rows kept together, one text style per language), `styles.xml`
/// (``ODTStyles``), `meta.xml` (title, language, authors), each picture once, and
/// `META-INF/manifest.xml` naming them all.
struct ODTWriter {
    let settings: OfficeSettings

    static let mediaType = "application/vnd.oasis.opendocument.text"

    func data(of document: RenderedDocument, format: ODTFormat, layout: OfficeLayout) throws(RenderingError) -> Data {
        let body = layout.body(in: format)
        let parts = format.parts
        let language = document.languages.first ?? document.sourceLanguage
        let columns = max(document.languages.count, 1)
        var automatic = "<style:style style:name=\"ParallelTable\" style:family=\"table\"><style:table-properties style:width=\"\(ODTFormat.cm(settings.textWidth))\" table:align=\"left\"/></style:style>"
            + "<style:style style:name=\"ParallelColumn\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"\(ODTFormat.cm(settings.textWidth / Double(columns)))\"/></style:style>"
            + "<style:style style:name=\"Row\" style:family=\"table-row\"><style:table-row-properties fo:keep-together=\"always\"/></style:style>"
            + "<style:style style:name=\"Cell\" style:family=\"table-cell\"><style:table-cell-properties fo:padding=\"0.1cm\" fo:border-left=\"none\" fo:border-top=\"none\" "
            + "fo:border-right=\"0.5pt solid #c9d6d1\" fo:border-bottom=\"0.5pt solid #e3ebe8\"/></style:style>"
            + "<style:style style:name=\"HeaderCell\" style:family=\"table-cell\"><style:table-cell-properties fo:padding=\"0.1cm\" fo:background-color=\"#1f6f5c\" fo:border=\"none\"/></style:style>"
            + "<style:style style:name=\"PageBreak\" style:family=\"paragraph\" style:parent-style-name=\"Standard\"><style:paragraph-properties fo:break-before=\"page\"/></style:style>"
        for name in parts.languages {
            let pieces = name.split(separator: "_")
            automatic += "<style:style style:name=\"\(name)\" style:family=\"text\"><style:text-properties fo:language=\"\(pieces[1])\" fo:country=\"\(pieces[2])\"/></style:style>"
        }
        let content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content \(ODTStyles.namespaces) office:version=\"1.3\">"
            + "<office:automatic-styles>\(automatic)</office:automatic-styles><office:body><office:text>\(body)</office:text></office:body></office:document-content>\n"

        var writer = XMLWriter()
        let tag = OfficeLanguage.tag(language)
        let meta = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta \(ODTStyles.namespaces) office:version=\"1.3\"><office:meta>"
            + "<meta:generator>Passerelle</meta:generator><dc:title>\(writer.escape(text: layout.runningTitle))</dc:title>"
            + "<dc:language>\(tag.language)-\(tag.country)</dc:language>"
            + (document.hasAuthors ? "<meta:initial-creator>\(writer.escape(text: document.authors.first ?? ""))</meta:initial-creator>" : "")
            + "</office:meta></office:document-meta>\n"

        var manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">"
            + "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\" manifest:media-type=\"\(Self.mediaType)\"/>"
        for file in ["content.xml", "styles.xml", "meta.xml"] {
            manifest += "<manifest:file-entry manifest:full-path=\"\(file)\" manifest:media-type=\"text/xml\"/>"
        }
        for picture in parts.pictures {
            manifest += "<manifest:file-entry manifest:full-path=\"\(picture.path)\" manifest:media-type=\"\(picture.mediaType)\"/>"
        }
        manifest += "</manifest:manifest>\n"

        var package = OfficePackage()
        package.add(OfficePackage.Entry(path: "mimetype", data: Data(Self.mediaType.utf8), compressed: false))
        package.add("content.xml", content)
        package.add("styles.xml", ODTStyles.xml(settings: settings, language: language, runningTitle: layout.runningTitle,
                                                pageLabel: Labels.for(language).page))
        package.add("meta.xml", meta)
        for picture in parts.pictures { package.add(OfficePackage.Entry(path: picture.path, data: picture.data, compressed: false)) }
        package.add("META-INF/manifest.xml", manifest)
        return try package.data()
    }
}
