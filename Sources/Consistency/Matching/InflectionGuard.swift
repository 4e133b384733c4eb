import Linguistics

/// Tells an inflected form of a word ("économies", "sociaux", "Entwicklungen",
/// "Verträge", "policies") from a derived word that merely shares its stem
/// ("coopération" beside "coopérative", "associés" beside "association").
///
/// Words are compared folded (lowercase, accents and umlauts removed). Two words are
/// forms of one word when, after their common beginning, each ends with one of the
/// language's inflectional endings ("économie"/"économies", "lokalen"/"lokaler"), or
/// their endings follow an irregular plural pattern ("sociale"/"sociaux").
struct InflectionGuard {
    private let pairs: [(String, String)]
    private let endings: Set<String>

    init(language: String) {
        switch language {
        case "fr":
            pairs = [("al", "aux"), ("ale", "aux"), ("ail", "aux"), ("au", "aux"), ("eau", "eaux"), ("eu", "eux"), ("ales", "aux")]
            endings = ["", "s", "e", "es", "x"]
        case "en":
            pairs = [("y", "ies"), ("f", "ves"), ("fe", "ves"), ("man", "men"), ("is", "es")]
            endings = ["", "s", "es", "'s", "ed", "d", "ing"]
        case "de":
            pairs = [("um", "en"), ("us", "en"), ("a", "en")]
            endings = ["", "e", "en", "er", "es", "em", "n", "r", "s", "ern", "ens", "ns"]
        default:
            pairs = []
            endings = ["", "s"]
        }
    }

    /// Lowercase without diacritics.
    func fold(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
        var scalars = String.UnicodeScalarView()
        for scalar in TextNormalizer.normalize(word.lowercased(), to: .nfd).unicodeScalars where !(0x0300...0x036F).contains(scalar.value) {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// True when `word` and `base` (both folded) are forms of one word.
    func isInflection(_ word: String, of base: String) -> Bool {
        if word == base { return true }
        for (singular, plural) in pairs {
            for (a, b) in [(word, base), (base, word)] where a.hasSuffix(singular) && b.hasSuffix(plural) {
                if a.dropLast(singular.count) == b.dropLast(plural.count) { return true }
            }
        }
        let common = zip(word, base).prefix { $0 == $1 }.count
        guard common >= 3 else { return false }
        return endings.contains(String(word.dropFirst(common))) && endings.contains(String(base.dropFirst(common)))
    }
}
