import Base

/// One problem found in one unit.
public struct Finding: Sendable, Equatable {
    public var file: String
    public var line: Int
    /// 1-based column of the unit's (or segment's) tag; 0 when unknown.
    public var column: Int = 0
    /// The unit's id (`trans-unit`/`unit` id, TMX `tuid`, content unit id).
    public var unit: String
    /// The segment id the CAT tool shows, when the unit is segmented.
    public var segment: String? = nil
    /// The segment's state, when the file gives it.
    public var state: SegmentState? = nil
    public var rule: CheckRule
    public var severity: Severity
    /// The concept concerned, if any.
    public var conceptID: String?
    /// The term as found in the source, if any.
    public var sourceTerm: String?
    /// The term as found in the target (or expected, for a missing term), if any.
    public var targetTerm: String?
    public var message: String
    /// Where `sourceTerm` starts in `source` (UTF-8 offset), when the matcher found it there.
    public var sourceTermOffset: Int? = nil
    /// Where `targetTerm` starts in `target` (UTF-8 offset), when it was found there.
    public var targetTermOffset: Int? = nil
    /// The unit's texts, for reports that show them.
    public var source: String
    public var target: String?
    public var sourceLanguage: String
    public var targetLanguage: String

    /// Where the unit (or segment) is: `file:line:column` as its description.
    public var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    /// The range of `term` in `text` to mark in a report: at `offset` when the term is written
    /// there, else its first occurrence ("upload" in the sentence, not in a URL before it).
    public static func markedRange(of term: String?, in text: String, at offset: Int?) -> Range<String.Index>? {
        guard let term, !term.isEmpty else { return nil }
        if let offset, offset >= 0, offset + term.utf8.count <= text.utf8.count {
            let start = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
            let end = text.utf8.index(start, offsetBy: term.utf8.count)
            if text[start..<end] == term { return start..<end }
        }
        return text.range(of: term)
    }

    /// `unit` or `unit#segment`, as a translator finds it in the CAT tool.
    public var displayUnit: String { segment.map { "\(unit)#\($0)" } ?? unit }

    /// The finding's place in a unit: its unit, segment and source text.
    public init(file: String, line: Int, column: Int = 0, unit: String, segment: String? = nil, state: SegmentState? = nil,
                rule: CheckRule, severity: Severity, conceptID: String?, sourceTerm: String?, targetTerm: String?, message: String,
                source: String, target: String?, sourceLanguage: String, targetLanguage: String) {
        self.file = file
        self.line = line
        self.column = column
        self.unit = unit
        self.segment = segment
        self.state = state
        self.rule = rule
        self.severity = severity
        self.conceptID = conceptID
        self.sourceTerm = sourceTerm
        self.targetTerm = targetTerm
        self.message = message
        self.source = source
        self.target = target
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    /// A finding on `unit`, placed at its location.
    init(_ unit: BilingualUnit, rule: CheckRule, conceptID: String? = nil, sourceTerm: String? = nil, targetTerm: String? = nil, message: String) {
        self.init(file: unit.file, line: unit.line, column: unit.column, unit: unit.id, segment: unit.segment, state: unit.state,
                  rule: rule, severity: rule.severity, conceptID: conceptID, sourceTerm: sourceTerm, targetTerm: targetTerm,
                  message: message, source: unit.source, target: unit.target,
                  sourceLanguage: unit.sourceLanguage, targetLanguage: unit.targetLanguage)
    }
}
