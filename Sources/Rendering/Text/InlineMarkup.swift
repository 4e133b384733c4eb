import XMLSupport

/// How one output format writes inline content. Every string from the source goes
/// through ``escape(_:)``; the markup around it is the renderer's own.
protocol InlineMarkup {
    func escape(_ text: String) -> String
    func emphasis(_ inner: String) -> String
    func strong(_ inner: String) -> String
    /// `href` has passed ``LinkPolicy``.
    func link(href: String, _ inner: String) -> String
    var lineBreak: String { get }
    /// A term; `note` says what it is called in the other languages; `noteKey` names
    /// the note (one per concept and language) where notes are footnotes.
    func term(_ inner: String, conceptID: String, note: String?, noteKey: String, footnotes: FootnoteCollector) -> String
}

/// Notes gathered while rendering Markdown and text (term equivalents), printed at the end.
final class FootnoteCollector {
    private(set) var notes: [(marker: String, text: String)] = []
    private var markers: [String: String] = [:]

    /// The marker of the note with this key, added on first use.
    func marker(for key: String, text: String, style: (Int) -> String) -> String {
        if let marker = markers[key] { return marker }
        let marker = style(notes.count + 1)
        markers[key] = marker
        notes.append((marker, text))
        return marker
    }
}

/// HTML5: text escaped for element content and double-quoted attribute values
/// (XMLWriter's escaping, which also drops characters XML does not allow).
struct HTMLMarkup: InlineMarkup {
    func escape(_ text: String) -> String {
        var writer = XMLWriter()
        return writer.escape(attribute: text)
    }

    func emphasis(_ inner: String) -> String { "<em>\(inner)</em>" }
    func strong(_ inner: String) -> String { "<strong>\(inner)</strong>" }
    func link(href: String, _ inner: String) -> String { "<a href=\"\(escape(href))\">\(inner)</a>" }
    var lineBreak: String { "<br>" }

    func term(_ inner: String, conceptID: String, note: String?, noteKey: String, footnotes: FootnoteCollector) -> String {
        let title = note.map { " title=\"\(escape($0))\"" } ?? ""
        return "<abbr class=\"term\" data-concept=\"\(escape(conceptID))\"\(title)>\(inner)</abbr>"
    }
}

/// CommonMark (with GitHub footnotes): characters that would start markup are
/// backslash-escaped, so source text can never become a link, an HTML tag or a heading.
struct MarkdownMarkup: InlineMarkup {
    static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "&"]

    func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if Self.special.contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    func emphasis(_ inner: String) -> String { "*\(inner)*" }
    func strong(_ inner: String) -> String { "**\(inner)**" }

    func link(href: String, _ inner: String) -> String {
        var target = ""
        for scalar in href.unicodeScalars {
            switch scalar {
            case " ": target += "%20"
            case "(": target += "%28"
            case ")": target += "%29"
            case "<": target += "%3C"
            case ">": target += "%3E"
            case "|": target += "%7C"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                // Never reached from a loaded source (LinkPolicy refuses them): a line feed here would end the link.
                target += String(format: "%%%02X", scalar.value)
            default: target.unicodeScalars.append(scalar)
            }
        }
        return "[\(inner)](\(target))"
    }

    var lineBreak: String { "\\\n" }

    func term(_ inner: String, conceptID: String, note: String?, noteKey: String, footnotes: FootnoteCollector) -> String {
        guard let note else { return inner }
        return inner + footnotes.marker(for: noteKey, text: escape(note)) { "[^\($0)]" }
    }
}

/// Plain text: nothing to escape; links are followed by their target in angle brackets.
struct TextMarkup: InlineMarkup {
    func escape(_ text: String) -> String { text }
    func emphasis(_ inner: String) -> String { "_\(inner)_" }
    func strong(_ inner: String) -> String { "*\(inner)*" }
    func link(href: String, _ inner: String) -> String { inner == href ? "<\(href)>" : "\(inner) <\(href)>" }
    var lineBreak: String { "\n" }

    func term(_ inner: String, conceptID: String, note: String?, noteKey: String, footnotes: FootnoteCollector) -> String {
        guard let note else { return inner }
        return inner + footnotes.marker(for: noteKey, text: note) { "[\($0)]" }
    }
}
