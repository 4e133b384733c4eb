import Foundation
import XMLSupport

/// Inline text as OpenDocument text: spans (which nest) for emphasis and strong,
/// `text:a` for links, `text:line-break`, and a term's note as a real footnote
/// (`text:note`, only when `--terms` asks for notes).
struct ODTMarkup: InlineMarkup {
    let parts: ODTParts

    func escape(_ text: String) -> String {
        var writer = XMLWriter()
        return writer.escape(text: text)
    }

    func emphasis(_ inner: String) -> String { "<text:span text:style-name=\"Emphasis\">\(inner)</text:span>" }

    func strong(_ inner: String) -> String { "<text:span text:style-name=\"Strong_20_Emphasis\">\(inner)</text:span>" }

    func link(href: String, _ inner: String) -> String {
        var writer = XMLWriter()
        return "<text:a xlink:type=\"simple\" xlink:href=\"\(writer.escape(attribute: href))\" text:style-name=\"Internet_20_link\">\(inner)</text:a>"
    }

    var lineBreak: String { "<text:line-break/>" }

    func term(_ inner: String, conceptID: String, note: String?, noteKey: String, footnotes: FootnoteCollector) -> String {
        guard let note else { return inner }
        let number = parts.footnote()
        return inner + "<text:note text:id=\"ftn\(number)\" text:note-class=\"footnote\"><text:note-citation>\(number)</text:note-citation>"
            + "<text:note-body><text:p text:style-name=\"Footnote\">\(escape(note))</text:p></text:note-body></text:note>"
    }
}

/// What an ODT body refers to, gathered while it is written: the languages used (one
/// automatic text style each), footnotes, images (each stored once in `Pictures/`).
final class ODTParts {
    private(set) var languages: [String] = []
    private(set) var footnotes = 0
    private(set) var pictures: [(path: String, mediaType: String, data: Data)] = []
    private var pictureNames: [String: String] = [:]

    /// The automatic text style of `language` (`L_fr_FR`).
    func languageStyle(_ language: String) -> String {
        let tag = OfficeLanguage.tag(language)
        let name = "L_\(tag.language)_\(tag.country)"
        if !languages.contains(name) { languages.append(name) }
        return name
    }

    func footnote() -> Int {
        footnotes += 1
        return footnotes
    }

    /// The package path of the picture read from `key`, stored once.
    func picture(key: String, data: Data, mediaType: String, fileExtension: String) -> String {
        if let path = pictureNames[key] { return path }
        let path = "Pictures/image\(pictures.count + 1).\(fileExtension)"
        pictures.append((path, mediaType, data))
        pictureNames[key] = path
        return path
    }
}
