import CICUBridge
import Foundation

/// A locale checked against ICU's data, as BCP 47 tag and ICU id.
///
/// ICU never refuses a locale: an unknown one silently becomes the root locale.
/// fr, de and en also collate with root rules (their actual collation locale is
/// "root"), so the check is on the language: it must be one ICU has data for.
public struct ICULocale: Hashable, Sendable, CustomStringConvertible {
    /// The tag as the user wrote it, e.g. `de-u-co-phonebk`.
    public let tag: String
    /// ICU's canonical id, e.g. `de@collation=phonebook`.
    public let identifier: String
    /// The language subtag, e.g. `de`.
    public let language: String

    /// Parses and checks a BCP 47 tag (`fr-CA`, `de-u-co-phonebk`) or an ICU id
    /// (`de@collation=phonebook`). `root` and `und` select ICU's root locale.
    ///
    /// - Throws: ``LinguisticsError/unknownLocale(_:reason:)`` when the tag does not
    ///   parse or names a language ICU has no data for.
    public init(_ tag: String) throws {
        let trimmed = tag.trimmingCharacters(in: .whitespaces)
        self.tag = trimmed
        if trimmed.isEmpty {
            throw LinguisticsError.unknownLocale(tag, reason: "the tag is empty")
        }
        if trimmed == "root" || trimmed == "und" {
            identifier = "root"
            language = ""
            return
        }
        var parsedAll: Int32 = 0
        let id = try ICUCall.cString("uloc_forLanguageTag", capacity: 157) { buffer, capacity, status in
            pc_locale_canonicalize(trimmed, buffer, capacity, &parsedAll, &status)
        }
        guard parsedAll == 1, !id.isEmpty else {
            throw LinguisticsError.unknownLocale(tag, reason: "it is not a well-formed BCP 47 tag")
        }
        let language = try ICUCall.cString("uloc_getLanguage") { buffer, capacity, status in
            pc_locale_language(id, buffer, capacity, &status)
        }
        guard !language.isEmpty, pc_language_is_available(language) == 1 else {
            throw LinguisticsError.unknownLocale(
                tag, reason: "ICU has no data for language '\(language.isEmpty ? trimmed : language)'")
        }
        self.identifier = id
        self.language = language
    }

    /// The value of a locale keyword such as `collation` (`phonebook`), if present.
    public func keyword(_ key: String) -> String? {
        let value = try? ICUCall.cString("uloc_getKeywordValue") { buffer, capacity, status in
            pc_locale_keyword(identifier, key, buffer, capacity, &status)
        }
        return (value?.isEmpty ?? true) ? nil : value
    }

    /// The locale's name in the language of `displayLocale` ("Deutsch" for de in de,
    /// "allemand" in fr), from ICU's data.
    public func displayName(in displayLocale: String) throws -> String {
        let display = try ICULocale(displayLocale).identifier
        return try ICUCall.string("uloc_getDisplayName", capacity: 64) { out, capacity, status in
            pc_locale_display_name(identifier, display, out, capacity, &status)
        }
    }

    /// The ICU root locale (language-neutral rules).
    public static let root: ICULocale = try! ICULocale("root")

    public var description: String { tag }

    /// Why `tag` cannot name a document's language, nil when it can: not a well-formed
    /// BCP 47 tag, a language ICU has no data for, or a code ICU reads as another one
    /// (`deu` is `de`). `suggestion` is the tag meant when it is known (`de` for `ger` or
    /// `deu`, `he` for `iw`).
    public static func languageProblem(_ tag: String) -> (reason: String, suggestion: String?)? {
        let primary = LanguageTag.primary(tag)
        let rest = tag.dropFirst(primary.count)
        do {
            let locale = try ICULocale(tag)
            if locale.language.isEmpty || locale.language == primary { return nil }
            return ("ICU reads it as '\(locale.language)'", locale.language + rest)
        } catch let LinguisticsError.unknownLocale(_, why) {
            let alias = bibliographicCodes[primary]
                ?? (try? ICUCall.cString("uloc_canonicalize") { buffer, capacity, _ in pc_language_alias(primary, buffer, capacity) })
            return (why, alias.flatMap { $0.isEmpty ? nil : $0 + rest })
        } catch {
            return ("\(error)", nil)
        }
    }

    /// The ISO 639-2/B (bibliographic) codes, which ICU does not map: the language's BCP 47 code.
    static let bibliographicCodes: [String: String] = [
        "alb": "sq", "arm": "hy", "baq": "eu", "bur": "my", "chi": "zh", "cze": "cs", "dut": "nl", "fre": "fr", "geo": "ka",
        "ger": "de", "gre": "el", "ice": "is", "mac": "mk", "mao": "mi", "may": "ms", "per": "fa", "rum": "ro", "slo": "sk",
        "tib": "bo", "wel": "cy",
    ]
}
