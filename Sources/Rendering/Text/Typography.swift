import Linguistics

/// Language-correct typography for text written with plain keyboard characters.
///
/// - French: `"citation"` becomes `« citation »` with no-break spaces inside, and so do
///   guillemets typed with plain spaces or none (`«mot»`); a no-break space (U+00A0)
///   goes before `:` and a narrow one (U+202F) before `;`, `!` and `?` (replacing a plain
///   space, or added after a word); `'quoted'` becomes `“quoted”`.
/// - German: `"Zitat"` becomes `„Zitat“`, `'Zitat'` becomes `‚Zitat‘`.
/// - English and others: `"quote"` becomes `“quote”`, `'quote'` becomes `‘quote’`.
/// - Everywhere: `'` inside a word is the apostrophe `’`; a hyphen between two numbers
///   (`10-12`, `2019-2020`, not dates such as `2019-06-20`) is an en dash; a no-break
///   space follows `n°`, `Nr.` and `No.`, and, in French and German, comes before `%`.
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
    /// A single quote opened and not yet closed.
    private var singleOpen = false

    init(language: String) {
        self.language = LanguageTag.primary(language)
    }

    mutating func apply(_ text: String) -> String {
        var output = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            // Most characters are letters that need nothing: one look at their first scalar.
            if !skipSpaces, previous != "°", previous != "º", !Self.mayChange(character) {
                output.append(character)
                previous = character
                continue
            }
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case _ where skipSpaces && (character == " " || character == "\u{00A0}" || character == "\u{202F}"):
                continue
            // (`previous` is the last character written: the suffixes are only looked for after it.)
            case " " where (previous == "°" || previous == "º" || previous == ".") && (next?.isNumber ?? false)
                && ["n°", "N°", "nº", "Nr.", "No."].contains(where: { output.hasSuffix($0) }):
                output.append("\u{00A0}")
            case " " where language == "fr" && (previous == "h" || previous?.isNumber == true) && isTimeSpace(characters, at: index, written: output):
                output.append("\u{00A0}")
            case _ where (previous == "°" || previous == "º") && character.isNumber && ["n°", "N°", "nº"].contains(where: { output.hasSuffix($0) }):
                output.append("\u{00A0}")
                output.append(character)
            case "«" where language == "fr":
                output += "«\u{00A0}"
                skipSpaces = true
                previous = output.last
                continue
            case "»" where language == "fr":
                while let last = output.last, last == " " || last == "\u{00A0}" || last == "\u{202F}" { output.removeLast() }
                output += "\u{00A0}»"
            case "%" where language == "fr" || language == "de":
                if output.last == " " { output.removeLast() }
                if let last = output.last, last.isNumber { output.append("\u{00A0}") }
                output.append("%")
            case "-" where isNumberRange(characters, at: index, written: output):
                output.append("\u{2013}")
            case "\"":
                let opening = previous.map { $0.isWhitespace || "([{\u{00A0}\u{202F}".contains($0) } ?? true
                if !opening { while output.last == " " { output.removeLast() } }
                output += quote(opening: opening)
                skipSpaces = opening && language == "fr"
                previous = output.last
                continue
            case "'":
                output += singleQuote(previous: previous, next: next)
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

    /// ASCII characters some rule looks at: space, digits, quotes, %, -, and : ; ! ?
    private static let asciiRules: [Bool] = (0..<128).map { value in
        let scalar = Unicode.Scalar(UInt8(value))
        return " \"'%-:;!?".unicodeScalars.contains(scalar) || (0x30...0x39).contains(value)
    }

    /// True when a rule may change `character` or what surrounds it; false for the letters
    /// and signs no rule looks at.
    private static func mayChange(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first else { return false }
        let value = Int(first.value)
        if value < 128 { return asciiRules[value] }
        // Guillemets, no-break spaces, and digits of other scripts.
        return value == 0xAB || value == 0xBB || value == 0xA0 || value == 0x202F || character.isNumber
    }

    /// An apostrophe inside a word, else an opening or closing single quote.
    private mutating func singleQuote(previous: Character?, next: Character?) -> String {
        let afterWord = previous.map { $0.isLetter || $0.isNumber } ?? false
        let beforeWord = next.map { $0.isLetter || $0.isNumber } ?? false
        if !afterWord && beforeWord && !singleOpen {
            singleOpen = true
            switch language {
            case "fr": return "\u{201C}"
            case "de": return "\u{201A}"
            default: return "\u{2018}"
            }
        }
        if singleOpen && !beforeWord {
            singleOpen = false
            switch language {
            case "fr": return "\u{201D}"
            case "de": return "\u{2018}"
            default: return "\u{2019}"
            }
        }
        return "\u{2019}"
    }

    /// A space in a French time typed by hand: "10 h 30", "9 h" (before the h, after a
    /// number; after the h, before the minutes).
    private func isTimeSpace(_ characters: [Character], at index: Int, written: String) -> Bool {
        let next = index + 1 < characters.count ? characters[index + 1] : nil
        let afterH = index + 2 < characters.count ? characters[index + 2] : nil
        if written.last?.isNumber == true, next == "h", afterH.map({ !$0.isLetter }) ?? true { return true }
        let before = written.dropLast().last
        return written.last == "h" && (before == "\u{00A0}" || before?.isNumber == true) && next?.isNumber == true
    }

    /// A hyphen between two numbers that are not parts of a date, a code or a decimal
    /// number (no letter, other hyphen or slash joined to them).
    private func isNumberRange(_ characters: [Character], at index: Int, written: String) -> Bool {
        guard index + 1 < characters.count, characters[index + 1].isNumber, written.last?.isNumber == true else { return false }
        // Before the first number: COVID-19, the second hyphen of 2019-06-20.
        if let before = written.reversed().first(where: { !$0.isNumber }), before.isLetter || "-/.,–".contains(before) { return false }
        // After the second number: 2019-06-20, 10-12h; a sentence may end there ("10-12.").
        let rest = characters[(index + 1)...].drop { $0.isNumber }
        guard let after = rest.first else { return true }
        if after.isLetter || after == "-" || after == "/" { return false }
        if after == "." || after == "," { return rest.dropFirst().first.map { $0.isWhitespace } ?? true }
        return true
    }

    private func quote(opening: Bool) -> String {
        switch language {
        case "fr": opening ? "«\u{00A0}" : "\u{00A0}»"
        case "de": opening ? "\u{201E}" : "\u{201C}"
        default: opening ? "\u{201C}" : "\u{201D}"
        }
    }
}

extension Typographer {
    /// A label before its value, with the language's typography: "Lieu : ", "Ort: ".
    static func labelled(_ label: String, language: String) -> String {
        var typographer = Typographer(language: language)
        return typographer.apply(label + ": ")
    }
}
