import CICUBridge

/// Unicode normalization and case operations by ICU.
///
/// ```swift
/// TextNormalizer.normalize("e\u{301}", to: .nfc)          // "é"
/// TextNormalizer.foldCase("Straße")                      // "strasse"
/// try TextNormalizer.lowercase("İstanbul", locale: "tr") // "istanbul"
/// ```
///
/// Use these rather than Foundation's locale-aware String methods: on Linux,
/// Foundation carries a second ICU (see C-INTEROP.md).
public enum TextNormalizer {
    /// A Unicode normalization form.
    public enum Form: Sendable {
        case nfc, nfd, nfkc, nfkd
        /// NFKC with case folding: the form for loose, case-insensitive keys.
        case nfkcCaseFold

        var bridgeValue: Int32 {
            switch self {
            case .nfc: Int32(PC_NORM_NFC)
            case .nfd: Int32(PC_NORM_NFD)
            case .nfkc: Int32(PC_NORM_NFKC)
            case .nfkd: Int32(PC_NORM_NFKD)
            case .nfkcCaseFold: Int32(PC_NORM_NFKC_CASEFOLD)
            }
        }
    }

    /// `text` in normalization form `form`.
    public static func normalize(_ text: String, to form: Form = .nfc) -> String {
        let units = Array(text.utf16)
        return (try? ICUCall.string("unorm2_normalize", capacity: units.count * 2 + 8) { out, capacity, status in
            pc_normalize(form.bridgeValue, units, Int32(units.count), out, capacity, &status)
        }) ?? text
    }

    /// Full Unicode case folding, independent of locale ("Straße" -> "strasse").
    public static func foldCase(_ text: String) -> String {
        let units = Array(text.utf16)
        return (try? ICUCall.string("u_strFoldCase", capacity: units.count + units.count / 2 + 8) { out, capacity, status in
            pc_fold_case(units, Int32(units.count), out, capacity, &status)
        }) ?? text
    }

    /// Lower case by the rules of a locale.
    public static func lowercase(_ text: String, locale: String) throws -> String {
        try changeCase(text, locale: locale, upper: false)
    }

    /// Upper case by the rules of a locale ("straße" -> "STRASSE").
    public static func uppercase(_ text: String, locale: String) throws -> String {
        try changeCase(text, locale: locale, upper: true)
    }

    private static func changeCase(_ text: String, locale tag: String, upper: Bool) throws -> String {
        let locale = try ICULocale(tag)
        let units = Array(text.utf16)
        return try ICUCall.string("u_strToCase", capacity: units.count + units.count / 2 + 8) { out, capacity, status in
            pc_change_case(locale.identifier, upper ? 1 : 0, units, Int32(units.count), out, capacity, &status)
        }
    }
}
