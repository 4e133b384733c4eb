/// One translation unit of a bilingual file, whatever its format: XLIFF 1.2 `trans-unit`
/// (or one of its `mrk mtype="seg"` segments, as SDLXLIFF and Okapi write them), an XLIFF 2
/// `segment`, a TMX `tu`, a gettext PO message, or one unit of a content source in two
/// languages.
///
/// Texts are plain: inline codes that hold no translatable text (`ph`, `x`, `bpt`/`ept`,
/// `sc`/`ec` ...) are removed, and codes around text (`pc`, `g`, `mrk`) keep their text,
/// so a term split by an inline code is still one run of words.
public struct BilingualUnit: Sendable, Equatable {
    /// The file it comes from.
    public var file: String
    /// The unit's id (`trans-unit/@id`, `unit/@id`, `tu/@tuid` or the position, content ids).
    public var id: String
    /// 1-based line of the unit's (or segment's) start tag.
    public var line: Int
    /// 1-based column of that tag; 0 when unknown.
    public var column: Int
    /// The segment as the CAT tool shows it, when the unit has several or the tool numbers
    /// them: the SDLXLIFF or `mrk` segment id, the XLIFF 2 segment id. Nil for a whole unit.
    public var segment: String?
    /// The segment's state as the file gives it (XLIFF 2 `state`, XLIFF 1.2 target `state`,
    /// SDLXLIFF `conf`, memoQ `mq:status`, Phrase `m:confirmed`), normalized by ``SegmentState``.
    public var state: SegmentState?
    /// Locked in the CAT tool (SDLXLIFF `locked`, memoQ `mq:locked`, Phrase `m:locked`):
    /// not checked unless asked (`check --include-locked`).
    public var locked: Bool
    public var sourceLanguage: String
    public var targetLanguage: String
    public var source: String
    /// Nil when the unit has no target at all.
    public var target: String?

    public init(file: String, id: String, line: Int, column: Int = 0, segment: String? = nil, state: SegmentState? = nil,
                locked: Bool = false, sourceLanguage: String, targetLanguage: String, source: String, target: String?) {
        self.file = file
        self.id = id
        self.line = line
        self.column = column
        self.segment = segment
        self.state = state
        self.locked = locked
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.source = source
        self.target = target
    }

    /// The id a translator looks for: `unit` or `unit#segment`.
    public var displayID: String { segment.map { "\(id)#\($0)" } ?? id }
}
