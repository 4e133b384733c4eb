/// Helpers for BCP 47 tags.
public enum LanguageTag {
    /// The primary language subtag, lower-cased: `de` for `de-DE`, `fr` for `FR_be`.
    public static func primary(_ tag: String) -> String {
        // Most tags are already a lower-case primary subtag ("de"): nothing to cut or change.
        if tag.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) { return tag }
        return String(tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? Substring(tag)).lowercased()
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
