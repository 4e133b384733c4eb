/// Where a segment stands in the translation workflow, on one scale for every CAT tool,
/// for `check --states`.
///
/// XLIFF 2 `state` (initial, translated, reviewed, final), XLIFF 1.2 target `state`
/// (new, needs-translation, translated, signed-off, final ...), SDLXLIFF `conf` (Draft,
/// Translated, ApprovedTranslation, ApprovedSignOff ...), memoQ `mq:status`
/// (NotStarted, PartiallyEdited, ManuallyConfirmed, Proofread ...) and Phrase
/// `m:confirmed` map to it.
public enum SegmentState: String, CaseIterable, Sendable, Comparable {
    /// Not translated yet, or a draft (XLIFF 2 `initial`, SDLXLIFF `Draft`, memoQ `PartiallyEdited`).
    case initial
    /// Translated and confirmed by the translator.
    case translated
    /// Checked by a reviewer.
    case reviewed
    /// Signed off: final.
    case final

    /// Maps a tool's state value (case-insensitive); nil for values that say nothing of progress.
    public init?(toolValue raw: String) {
        switch raw.lowercased() {
        case "initial", "new", "needs-translation", "needs-l10n", "needs-adaptation", "draft", "notstarted", "not-translated",
             "partiallyedited", "edited", "pretranslated", "assembledfromfragments", "machinetranslated", "rejectedtranslation",
             "rejectedsignoff", "rejected", "unspecified", "0", "false":
            self = .initial
        case "translated", "manuallyconfirmed", "confirmed", "needs-review-translation", "needs-review-l10n",
             "needs-review-adaptation", "1", "true":
            self = .translated
        case "reviewed", "proofread", "approvedtranslation", "reviewer1confirmed", "signed-off":
            self = .reviewed
        case "final", "approvedsignoff", "reviewer2confirmed":
            self = .final
        default:
            return nil
        }
    }

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: SegmentState, rhs: SegmentState) -> Bool { lhs.rank < rhs.rank }
}
