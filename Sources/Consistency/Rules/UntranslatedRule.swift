/// `untranslated`: no target, an empty one, or a copy of the source while the source has
/// words. One word may rightly be the same in both languages ("Articles", "Cluster"), and
/// so may names ("Metz, Arsenal", "Mont-Saint-Martin"). The other rules do not run on
/// such a unit.
struct UntranslatedRule {
    /// The finding's message, when the unit is untranslated.
    static func problem(_ unit: BilingualUnit) -> String? {
        guard hasLetters(unit.source) else { return nil }
        let target = unit.target ?? ""
        if !hasVisibleCharacters(target) {
            return unit.target == nil ? "no \(unit.targetLanguage) translation" : "the \(unit.targetLanguage) translation is empty"
        }
        if isCopy(target, of: unit.source), !isName(unit.source) {
            return "the \(unit.targetLanguage) text is a copy of the \(unit.sourceLanguage) source"
        }
        return nil
    }

    /// The target repeats the source (ignoring ASCII case and runs of spaces), and the source
    /// has more than one word. Compares UTF-8 bytes and stops at the first difference.
    static func isCopy(_ target: String, of source: String) -> Bool {
        var a = source.utf8.makeIterator(), b = target.utf8.makeIterator()
        var words = 0
        func next(_ iterator: inout String.UTF8View.Iterator, countingWords: Bool) -> UInt8? {
            guard var byte = iterator.next() else { return nil }
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                while let following = iterator.next() {
                    if following != 0x20 && following != 0x09 && following != 0x0A && following != 0x0D {
                        if countingWords { words += 1 }
                        return following >= 0x41 && following <= 0x5A ? following | 0x20 : following
                    }
                }
                return nil
            }
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            return byte
        }
        while true {
            let left = next(&a, countingWords: true), right = next(&b, countingWords: false)
            if left != right { return false }
            if left == nil { return words > 1 }
        }
    }

    /// True when every word starts with a capital letter or is not a word ("Metz, Arsenal",
    /// "Saarbrücken – 10:30"): a name, the same in every language. A sentence has words in
    /// small letters, in French, English and German alike.
    static func isName(_ text: String) -> Bool {
        text.split(whereSeparator: { $0.isWhitespace }).allSatisfy { word in
            guard let first = word.first(where: \.isLetter) else { return true }
            return first.isUppercase
        }
    }

    /// True when the text has a letter (any non-ASCII byte counts, as a letter is likely).
    static func hasLetters(_ text: String) -> Bool {
        text.utf8.contains { $0 >= 0x80 || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
    }

    /// True when the text has something other than ASCII white space.
    static func hasVisibleCharacters(_ text: String) -> Bool {
        text.utf8.contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    }
}
