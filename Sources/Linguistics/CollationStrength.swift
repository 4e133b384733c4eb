import CICUBridge

/// How fine a collator's comparisons are.
///
/// - `primary`: base letters only ("Économie" = "economie", "Straße" = "strasse").
/// - `secondary`: accents too ("cote" < "coté"), not case.
/// - `tertiary` (ICU's default): case and variants too ("a" < "A").
/// - `quaternary`: punctuation when it is shifted.
/// - `identical`: code points decide the last ties.
public enum CollationStrength: String, CaseIterable, Sendable {
    case primary, secondary, tertiary, quaternary, identical

    var bridgeValue: Int32 {
        switch self {
        case .primary: Int32(PC_STRENGTH_PRIMARY)
        case .secondary: Int32(PC_STRENGTH_SECONDARY)
        case .tertiary: Int32(PC_STRENGTH_TERTIARY)
        case .quaternary: Int32(PC_STRENGTH_QUATERNARY)
        case .identical: Int32(PC_STRENGTH_IDENTICAL)
        }
    }
}

/// Which case sorts first among strings that differ only in case.
public enum CaseFirst: String, CaseIterable, Sendable {
    case lower, upper
}
