/// Helpers for BCP 47 tags.
public enum LanguageTag {
    /// The primary language subtag, lower-cased: `de` for `de-DE`, `fr` for `FR_be`.
    public static func primary(_ tag: String) -> String {
        // Most tags are already a lower-case primary subtag ("de"): nothing to cut or change.
        if tag.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) { return tag }
        return String(tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? Substring(tag)).lowercased()
    }

    /// The region subtag, upper-cased, when the tag has one: `BE` for `fr-BE` and `fr_be`,
    /// `LU` for `de-Latn-LU`, nil for `de`. (Numeric regions such as `419` are kept as written.)
    public static func region(_ tag: String) -> String? {
        let parts = tag.split(whereSeparator: { $0 == "-" || $0 == "_" })
        for part in parts.dropFirst() {
            if part.count == 2, part.allSatisfy(\.isLetter) { return part.uppercased() }
            if part.count == 3, part.allSatisfy(\.isNumber) { return String(part) }
            if part.count == 1 { break } // an extension (-u-, -x-) follows
        }
        return nil
    }

    /// A tag normalized in case: `de-DE`, `fr-BE`, `sr-Latn-RS`.
    public static func normalized(_ tag: String) -> String {
        let parts = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        guard let first = parts.first else { return tag }
        return ([first.lowercased()] + parts.dropFirst().map { part in
            part.count == 2 ? part.uppercased() : part.count == 4 ? part.prefix(1).uppercased() + part.dropFirst().lowercased() : part
        }).joined(separator: "-")
    }
}
