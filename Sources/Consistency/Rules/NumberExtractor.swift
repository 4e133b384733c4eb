/// The numbers of a text, written without separators so that "1 234,5", "1.234,5"
/// and "1,234.5" compare equal ("12345").
enum NumberExtractor {
    private static let separators: Set<Character> = [" ", ".", ",", "'", "\u{2019}", "\u{00A0}", "\u{202F}"]

    static func numbers(in text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var pendingSeparator = false
        for character in text {
            if character.isASCII && character.isNumber {
                current.append(character)
                pendingSeparator = false
            } else if !current.isEmpty && separators.contains(character) && !pendingSeparator {
                pendingSeparator = true
            } else {
                if !current.isEmpty { result.append(current) }
                current = ""
                pendingSeparator = false
            }
        }
        if !current.isEmpty { result.append(current) }
        return result.sorted()
    }
}
