import Base
import XMLSupport

/// XLIFF 1.2 (and 1.1) and the dialects CAT tools write: a `trans-unit` is one unit, or
/// one per segment when `seg-source` marks segments (`<mrk mtype="seg">`, SDLXLIFF and
/// Okapi), numbered as the tool shows them. States and locks come from the target's
/// `state`, memoQ's `mq:status`/`mq:locked`, Phrase's `m:confirmed`/`m:locked` and
/// SDLXLIFF's `sdl:seg` definitions. Units of `translate="no"` (unit or file) are skipped;
/// `alt-trans` proposals are not the translation.
struct XLIFF12UnitReader: XMLUnitReader {
    let file: String
    let sourceOverride: String?
    let targetOverride: String?

    private struct Pending {
        var id: String
        var line: Int
        var column: Int
        var skipped: Bool
        var source = ""
        var target: String?
        /// State and lock of the whole unit (target `state`, memoQ, Phrase).
        var state: SegmentState?
        var locked = false
        /// Segments of `seg-source`, in order.
        var segments: [InlineTextCapture.MarkedSegment] = []
        /// Target segments by `mid`.
        var targetSegments: [String: InlineTextCapture.MarkedSegment] = [:]
        /// SDLXLIFF `sdl:seg` by id: confirmation level and lock.
        var definitions: [String: (state: SegmentState?, locked: Bool)] = [:]
    }

    private var ids: UnitIDRegistry
    private var declared: (source: String?, target: String?) = (nil, nil)
    private var fileTranslates = true
    private var pending: Pending?

    init(file: String, sourceOverride: String?, targetOverride: String?) {
        self.file = file
        self.sourceOverride = sourceOverride
        self.targetOverride = targetOverride
        ids = UnitIDRegistry(file: file)
    }

    var notices: [Diagnostic] { ids.notices }

    func root(_ root: XMLStreamReader.StartElement) throws {
        guard root.name == "xliff" else { throw failure(root.line, root.column, "expected <xliff>") }
        // An XLIFF of another version read as 1.2 would give no unit and no word of warning.
        let namespace = root.namespaceURI ?? "", version = root.attribute("version") ?? ""
        let otherNamespace = namespace.hasPrefix("urn:oasis:names:tc:xliff:document:") && !namespace.hasSuffix(":1.2") && !namespace.hasSuffix(":1.1")
        if otherNamespace || (!version.isEmpty && !version.hasPrefix("1.")) {
            throw failure(root.line, root.column, "XLIFF \(version.isEmpty ? namespace : version) is not a version Passerelle reads: it reads 1.2 (and 1.1), 2.0, 2.1 and 2.2, each in its namespace")
        }
    }

    mutating func start(_ element: XMLStreamReader.StartElement, parent: String?) throws -> InlineTextCapture? {
        switch element.name {
        case "file":
            declared = (element.attribute("source-language"), element.attribute("target-language"))
            fileTranslates = element.attribute("translate") != "no"
            ids.startFile()
        case "trans-unit":
            var unit = Pending(id: ids.register(element), line: element.line, column: element.column,
                               skipped: !fileTranslates || element.attribute("translate") == "no")
            (unit.state, unit.locked) = Self.toolMarks(element)
            pending = unit
        case "source", "target", "seg-source":
            // Only the unit's own source and target, not those of alt-trans.
            guard pending != nil, parent == "trans-unit" else { return nil }
            if element.name == "target", let state = element.attribute("state"), pending?.state == nil {
                pending?.state = SegmentState(toolValue: state)
            }
            return InlineTextCapture(element, marksSegments: true)
        case "seg":
            // SDLXLIFF: <sdl:seg id="1" conf="Translated" locked="true"/> in <sdl:seg-defs>.
            if let id = element.attribute("id") {
                pending?.definitions[id] = (element.attribute("conf").flatMap(SegmentState.init(toolValue:)), element.attribute("locked") == "true")
            }
        default:
            break
        }
        return nil
    }

    mutating func captured(_ capture: InlineTextCapture) {
        guard var unit = pending else { return }
        switch capture.kind {
        case "source": unit.source += capture.text
        case "target":
            unit.target = (unit.target ?? "") + capture.text
            for segment in capture.segments { unit.targetSegments[segment.id] = segment }
        default: unit.segments += capture.segments
        }
        pending = unit
    }

    mutating func end(_ name: String, _ emit: (BilingualUnit) throws -> Void) throws {
        guard name == "trans-unit", let unit = pending else { return }
        pending = nil
        if unit.skipped { return }
        let (source, target) = try languages(asked: (sourceOverride, targetOverride), declared: declared, line: unit.line, column: unit.column)
        func made(_ segment: InlineTextCapture.MarkedSegment?, source text: String, target translation: String?,
                  state: SegmentState?, locked: Bool) -> BilingualUnit {
            BilingualUnit(file: file, id: unit.id, line: segment?.line ?? unit.line, column: segment?.column ?? unit.column,
                          segment: segment?.id, state: state, locked: locked,
                          sourceLanguage: source, targetLanguage: target, source: text, target: translation)
        }
        guard !unit.segments.isEmpty else {
            try emit(made(nil, source: unit.source, target: unit.target, state: unit.state, locked: unit.locked))
            return
        }
        for segment in unit.segments {
            let definition = unit.definitions[segment.id]
            let translated = unit.targetSegments[segment.id]
            // Reported where the translation is, when there is one.
            let placed = translated.map { InlineTextCapture.MarkedSegment(id: segment.id, line: $0.line, column: $0.column) } ?? segment
            // A target not cut into segments belongs to the unit's only segment.
            let text = translated?.text ?? (unit.segments.count == 1 ? unit.target : nil)
            try emit(made(placed, source: segment.text, target: text, state: definition?.state ?? unit.state,
                          locked: definition?.locked ?? unit.locked))
        }
    }
}
