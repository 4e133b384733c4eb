/// One translation unit of a bilingual file, whatever its format: XLIFF 1.2 `trans-unit`,
/// XLIFF 2 `unit`, TMX `tu`, or one unit of a content source in two languages.
///
/// Texts are plain: inline codes that hold no translatable text (`ph`, `x`, `bpt`/`ept`,
/// `sc`/`ec` ...) are removed, and codes around text (`pc`, `g`, `mrk`) keep their text,
/// so a term split by an inline code is still one run of words.
public struct BilingualUnit: Sendable, Equatable {
    /// The file it comes from.
    public var file: String
    /// The unit's id (`trans-unit/@id`, `unit/@id`, `tu/@tuid` or the position, content ids).
    public var id: String
    /// 1-based line of the unit's start tag.
    public var line: Int
    public var sourceLanguage: String
    public var targetLanguage: String
    public var source: String
    /// Nil when the unit has no target at all.
    public var target: String?

    public init(file: String, id: String, line: Int, sourceLanguage: String, targetLanguage: String, source: String, target: String?) {
        self.file = file
        self.id = id
        self.line = line
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.source = source
        self.target = target
    }
}
