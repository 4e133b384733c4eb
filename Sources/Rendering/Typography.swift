import Linguistics

/// Language-correct typography for text written with plain keyboard characters.
///
/// - French: `"citation"` becomes `« citation »` with no-break spaces inside; a no-break
///   space (U+00A0) goes before `:` and a narrow one (U+202F) before `;`, `!` and `?`
///   (replacing a plain space, or added after a word); `'` becomes `’`.
/// - German: `"Zitat"` becomes `„Zitat“`; `'` becomes `’`.
/// - English and others: `"quote"` becomes `“quote”`; `'` becomes `’`.
///
/// A straight quote opens after a space, an opening bracket or the start of the text,
/// and closes otherwise. The typographer keeps state across runs, so a quote around
/// emphasised words still pairs: create one per text.
struct Typographer {
    private let language: String
    /// The last character written, across runs.
    private var previous: Character?
    /// After a French opening quote, the source's own spaces are dropped.
    private var skipSpaces = false

    init(language: String) {
        self.language = LanguageTag.primary(language)
    }

    mutating func apply(_ text: String) -> String {
        var output = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case " " where skipSpaces:
                continue
            case "\"":
                let opening = previous.map { $0.isWhitespace || "([{\u{00A0}\u{202F}".contains($0) } ?? true
                if !opening { while output.last == " " { output.removeLast() } }
                output += quote(opening: opening)
                skipSpaces = opening && language == "fr"
                previous = output.last
                continue
            case "'":
                output += "\u{2019}"
            case ":", ";", "!", "?":
                guard language == "fr" else {
                    output.append(character)
                    break
                }
                let space: Character = character == ":" ? "\u{00A0}" : "\u{202F}"
                let followsPunctuation = previous.map { ";:!?".contains($0) } ?? true
                let endsPhrase = next.map { $0.isWhitespace || "\"»)".contains($0) } ?? true
                if output.last == " " {
                    output.removeLast()
                    output.append(space)
                } else if previous == " " && output.isEmpty {
                    // The plain space ended the previous run; the break is kept.
                } else if !followsPunctuation && endsPhrase && !(previous?.isWhitespace ?? true) {
                    output.append(space)
                }
                output.append(character)
            default:
                output.append(character)
            }
            skipSpaces = false
            previous = output.last ?? character
        }
        return output
    }

    private func quote(opening: Bool) -> String {
        switch language {
        case "fr": opening ? "«\u{00A0}" : "\u{00A0}»"
        case "de": opening ? "\u{201E}" : "\u{201C}"
        default: opening ? "\u{201C}" : "\u{201D}"
        }
    }
}
