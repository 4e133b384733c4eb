import Base
import XMLSupport

/// XLIFF 2.0, 2.1 and 2.2: a `unit` with one segment is one unit; a unit cut into several
/// `segment`s gives one unit per segment, with the segment's `state`. Languages are the
/// document's `srcLang` and `trgLang`; `translate="no"` on a `file` or a `unit` skips it.
struct XLIFF2UnitReader: XMLUnitReader {
    let file: String
    let sourceOverride: String?
    let targetOverride: String?

    private struct Segment {
        var id: String
        var line: Int
        var column: Int
        var source = ""
        var target: String?
        var state: SegmentState?
    }

    private struct Pending {
        var id: String
        var line: Int
        var column: Int
        var skipped: Bool
        /// A state and a lock a tool put on the unit (as memoQ and Phrase do in XLIFF 1.2).
        var state: SegmentState?
        var locked = false
        var segments: [Segment] = []
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

    mutating func root(_ root: XMLStreamReader.StartElement) throws {
        let version = root.attribute("version") ?? ""
        guard root.name == "xliff", version.hasPrefix("2.") else {
            throw failure(root.line, root.column, "expected <xliff version=\"2.0\">, \"2.1\" or \"2.2\"")
        }
        guard let source = root.attribute("srcLang"), !source.isEmpty else { throw failure(root.line, root.column, "<xliff> without srcLang") }
        declared = (source, root.attribute("trgLang"))
    }

    mutating func start(_ element: XMLStreamReader.StartElement, parent: String?) throws -> InlineTextCapture? {
        switch element.name {
        case "file":
            if element.attribute("id") == nil { throw failure(element.line, element.column, "<file> without an id") }
            fileTranslates = element.attribute("translate") != "no"
            ids.startFile()
        case "unit":
            var unit = Pending(id: ids.register(element), line: element.line, column: element.column,
                               skipped: !fileTranslates || element.attribute("translate") == "no")
            (unit.state, unit.locked) = Self.toolMarks(element)
            pending = unit
        case "segment":
            guard pending != nil else { return nil }
            let number = (pending?.segments.count ?? 0) + 1
            pending?.segments.append(Segment(id: element.attribute("id") ?? "\(number)", line: element.line, column: element.column,
                                             state: element.attribute("state").flatMap(SegmentState.init(toolValue:))))
        case "source", "target":
            guard pending != nil, parent == "segment" else { return nil }
            if element.name == "target" && declared.target == nil && targetOverride == nil {
                throw failure(element.line, element.column, "<target> in a file without trgLang on <xliff>")
            }
            return InlineTextCapture(element)
        default:
            break
        }
        return nil
    }

    mutating func captured(_ capture: InlineTextCapture) {
        guard var unit = pending, let last = unit.segments.indices.last else { return }
        if capture.kind == "source" {
            unit.segments[last].source += capture.text
        } else {
            unit.segments[last].target = (unit.segments[last].target ?? "") + capture.text
        }
        pending = unit
    }

    mutating func end(_ name: String, _ emit: (BilingualUnit) throws -> Void) throws {
        guard name == "unit", let unit = pending else { return }
        pending = nil
        if unit.skipped { return }
        let (source, target) = try languages(asked: (sourceOverride, targetOverride), declared: declared, line: unit.line, column: unit.column)
        // One segment: the unit is what the translator sees; several: one unit per segment.
        let single = unit.segments.count <= 1
        for segment in unit.segments.isEmpty ? [Segment(id: "", line: unit.line, column: unit.column)] : unit.segments {
            try emit(BilingualUnit(file: file, id: unit.id, line: single ? unit.line : segment.line, column: single ? unit.column : segment.column,
                                   segment: single ? nil : segment.id, state: segment.state ?? unit.state, locked: unit.locked,
                                   sourceLanguage: source, targetLanguage: target, source: segment.source, target: segment.target))
        }
    }
}
