import Foundation

/// Writes XML text with correct escaping and readable indentation.
///
/// ```swift
/// var writer = XMLWriter()
/// writer.declaration()
/// writer.start("term", attributes: [("status", "preferred"), ("xml:lang", "fr")])
/// writer.text("économie sociale & solidaire")
/// writer.end()
/// writer.output // <term status="preferred" xml:lang="fr">économie sociale &amp; solidaire</term>
/// ```
///
/// Elements holding text keep their content on one line (mixed content is never
/// re-indented). Characters XML 1.0 cannot hold (most C0 controls, U+FFFE, U+FFFF)
/// are replaced by U+FFFD and counted in ``replacedCharacters``.
public struct XMLWriter: Sendable {
    /// The text written so far.
    public private(set) var output = ""
    /// How many characters could not be written as XML and were replaced.
    public private(set) var replacedCharacters = 0

    private let indentUnit: String
    private var open: [(name: String, hasText: Bool, hasChildren: Bool)] = []
    private var startTagPending = false

    /// `indent` is one level of indentation; pass "" for compact output.
    public init(indent: String = "  ") {
        indentUnit = indent
    }

    /// Writes `<?xml version="1.0" encoding="UTF-8"?>`.
    public mutating func declaration() {
        output += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    }

    /// Opens an element. Attribute names are written as given (`xml:lang`, `xmlns:x`).
    public mutating func start(_ name: String, attributes: [(String, String)] = []) {
        closePendingStartTag()
        newlineAndIndent()
        if !open.isEmpty { open[open.count - 1].hasChildren = true }
        output += "<" + name
        for (attribute, value) in attributes {
            output += " \(attribute)=\"\(escape(attribute: value))\""
        }
        open.append((name, false, false))
        startTagPending = true
    }

    /// Writes text inside the current element.
    public mutating func text(_ text: String) {
        guard !text.isEmpty else { return }
        closePendingStartTag()
        if !open.isEmpty { open[open.count - 1].hasText = true }
        output += escape(text: text)
    }

    /// Closes the current element (`<x/>` when it is empty).
    public mutating func end() {
        guard let element = open.popLast() else { return }
        if startTagPending {
            output += "/>"
            startTagPending = false
        } else {
            if element.hasChildren && !element.hasText { newline(depth: open.count) }
            output += "</\(element.name)>"
        }
        if open.isEmpty { output += "\n" }
    }

    /// An element holding only text: `<name attributes>text</name>`.
    public mutating func element(_ name: String, attributes: [(String, String)] = [], text: String? = nil) {
        start(name, attributes: attributes)
        if let text { self.text(text) }
        end()
    }

    /// A comment (a `--` inside is broken up, as XML requires).
    public mutating func comment(_ text: String) {
        closePendingStartTag()
        newlineAndIndent()
        if !open.isEmpty { open[open.count - 1].hasChildren = true }
        var body = sanitize(text).replacingOccurrences(of: "--", with: "- -")
        if body.hasSuffix("-") { body += " " }
        output += "<!--\(body)-->"
        if open.isEmpty { output += "\n" }
    }

    /// Markup already known to be well-formed (for example an element kept
    /// verbatim from an input file), written as is.
    public mutating func raw(_ markup: String) {
        closePendingStartTag()
        newlineAndIndent()
        if !open.isEmpty { open[open.count - 1].hasChildren = true }
        output += markup
        if open.isEmpty { output += "\n" }
    }

    // MARK: Escaping

    /// Escapes `&`, `<` and `>` for element content.
    public mutating func escape(text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in sanitize(text).unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\r": result += "&#13;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Escapes for a double-quoted attribute value, keeping tabs and line breaks.
    public mutating func escape(attribute: String) -> String {
        var result = ""
        for scalar in sanitize(attribute).unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            case "\t": result += "&#9;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// True for scalars XML 1.0 allows in a document.
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    private mutating func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !XMLWriter.isAllowed($0) }) else { return text }
        var clean = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if XMLWriter.isAllowed(scalar) {
                clean.append(scalar)
            } else {
                clean.append("\u{FFFD}")
                replacedCharacters += 1
            }
        }
        return String(clean)
    }

    private mutating func closePendingStartTag() {
        if startTagPending {
            output += ">"
            startTagPending = false
        }
    }

    private mutating func newlineAndIndent() {
        guard let parent = open.last else { return }
        if !parent.hasText { newline(depth: open.count) }
    }

    private mutating func newline(depth: Int) {
        guard !indentUnit.isEmpty else { return }
        output += "\n" + String(repeating: indentUnit, count: depth)
    }
}
