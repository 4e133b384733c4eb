import Foundation
import XMLSupport

/// Streams XLIFF 1.2, XLIFF 2.x and TMX files into units, keeping only the current
/// unit in memory. Inline codes that stand for native code (`ph`, `bpt`, `ept`, `it`,
/// `ut`, XLIFF 2 `ph`/`sc`/`ec`/`sm`/`em`) are left out; codes around text keep it.
struct StreamedUnitReader {
    let file: String
    let format: BilingualFormat
    let sourceOverride: String?
    let targetOverride: String?

    /// Elements whose content is native code, not text.
    private static let codeElements: Set<String> = ["bpt", "ept", "ph", "it", "ut", "sub", "originalData", "notes", "note"]
    /// The elements of a unit, in XLIFF 1.2, XLIFF 2 and TMX.
    private static let unitElements: Set<String> = ["trans-unit", "unit", "tu"]

    /// One segment being read: SDLXLIFF/Okapi `mrk mtype="seg"`, or an XLIFF 2 `segment`.
    private struct PendingSegment {
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
        /// translate="no" on the unit or its file: not checked.
        var skipped = false
        var source = ""
        var target: String?
        /// State and lock of the whole unit (XLIFF 1.2 target `state`, memoQ, Phrase).
        var state: SegmentState?
        var locked = false
        /// TMX: text per language.
        var variants: [(language: String, text: String)] = []
        /// Segments in order (XLIFF 1.2 `seg-source`, XLIFF 2 `segment`).
        var segments: [PendingSegment] = []
        /// XLIFF 1.2 target segments by `mid`, with where their `mrk` starts.
        var targetSegments: [String: (text: String, line: Int, column: Int)] = [:]
        /// SDLXLIFF `sdl:seg` by id: confirmation level and lock.
        var segmentDefinitions: [String: (state: SegmentState?, locked: Bool)] = [:]
    }

    /// Every unit, in order, and the notices (a unit id used twice).
    func read() throws -> (units: [BilingualUnit], notices: [XMLDiagnostic]) {
        var units: [BilingualUnit] = []
        let notices = try read { units.append($0) }
        return (units, notices)
    }

    /// Streams the units to `emit`, one at a time; only the current one is held. Returns the notices.
    func read(_ emit: (BilingualUnit) throws -> Void) throws -> [XMLDiagnostic] {
        try read(from: try XMLStreamReader(file: file), emit)
    }

    /// The value of an attribute in any namespace, by local name (`mq:status`, `m:locked`).
    private static func anyAttribute(_ element: XMLStreamReader.StartElement, _ name: String) -> String? {
        element.attributes.first { $0.name == name }?.value
    }

    /// Reads the units from `reader`'s events (a stream, or a tree parsed before).
    func read(from reader: some XMLEventSource, _ emit: (BilingualUnit) throws -> Void) throws -> [XMLDiagnostic] {
        var stack: [String] = []
        var fileSource: String?
        var fileTarget: String?
        var pending: Pending?
        var capture: (kind: String, language: String?)?
        var buffer = ""
        /// A segment `mrk` inside `seg-source` or `target`: the stack depth it opened at.
        var segmentMark: (depth: Int, id: String, line: Int, column: Int)?
        var segmentBuffer = ""
        var skipDepth = 0
        var tuCount = 0
        var seenIDs: [String: Int] = [:]
        var notices: [XMLDiagnostic] = []
        var rootChecked = false
        var tmxLanguage: String?
        var fileTranslates = true
        /// TMX: the target language seen in earlier units, for units that lack it.
        var tmxTarget: String?

        func fail(_ line: Int, _ column: Int, _ message: String) -> ConsistencyError {
            .invalid([XMLDiagnostic(file: file, line: line, column: column, message: message)])
        }

        while let event = try reader.next() {
            switch event {
            case let .start(element):
                if !rootChecked {
                    rootChecked = true
                    try checkRoot(element, fail: fail)
                    if format == .xliff2 {
                        fileSource = element.attribute("srcLang")
                        fileTarget = element.attribute("trgLang")
                    }
                }
                if !element.isEmpty { stack.append(element.name) }
                if skipDepth > 0 {
                    if !element.isEmpty { skipDepth += 1 }
                    continue
                }
                if capture != nil {
                    if Self.codeElements.contains(element.name) && !element.isEmpty {
                        skipDepth = 1
                    } else if element.name == "cp", let hex = element.attribute("hex"), let value = UInt32(hex, radix: 16),
                              let scalar = Unicode.Scalar(value) {
                        buffer.unicodeScalars.append(scalar)
                        if segmentMark != nil { segmentBuffer.unicodeScalars.append(scalar) }
                    } else if format == .xliff12, element.name == "mrk", element.attribute("mtype") == "seg", segmentMark == nil, !element.isEmpty {
                        segmentMark = (stack.count, element.attribute("mid") ?? "\((pending?.segments.count ?? 0) + 1)", element.line, element.column)
                        segmentBuffer = ""
                    }
                    continue
                }
                /// The element's parent (an empty element was not pushed on the stack).
                var parent: String? { element.isEmpty ? stack.last : stack.count >= 2 ? stack[stack.count - 2] : nil }
                switch (format, element.name) {
                case (.xliff12, "file"):
                    fileSource = element.attribute("source-language")
                    fileTarget = element.attribute("target-language")
                    fileTranslates = element.attribute("translate") != "no"
                    seenIDs = [:]
                case (.tmx, "header"):
                    fileSource = element.attribute("srclang")
                case (.xliff12, "trans-unit"), (.xliff2, "unit"), (.tmx, "tu"):
                    tuCount += 1
                    var id = element.attribute(format == .tmx ? "tuid" : "id") ?? (format == .tmx ? "\(tuCount)" : "")
                    let column = element.column
                    if format != .tmx {
                        if id.isEmpty {
                            notices.append(XMLDiagnostic(file: file, line: element.line, column: column,
                                message: "<\(element.name)> without an id: reported as unit \(tuCount)", severity: .warning))
                            id = "\(tuCount)"
                        } else if let first = seenIDs[id] {
                            // A CAT tool accepts it: both units are checked, and the user told.
                            notices.append(XMLDiagnostic(file: file, line: element.line, column: column,
                                message: "unit id '\(id)' is already used at line \(first) of this file; both units are checked", severity: .warning))
                        } else {
                            seenIDs[id] = element.line
                        }
                    }
                    var unit = Pending(id: id, line: element.line, column: column, skipped: !fileTranslates || element.attribute("translate") == "no")
                    // memoQ (mq:status, mq:locked) and Phrase (m:confirmed, m:locked) on the unit.
                    if let status = Self.anyAttribute(element, "status") ?? Self.anyAttribute(element, "confirmed") {
                        unit.state = SegmentState(toolValue: status)
                    }
                    if let locked = Self.anyAttribute(element, "locked") { unit.locked = ["true", "locked", "1", "yes"].contains(locked.lowercased()) }
                    pending = unit
                case (.xliff2, "file"):
                    if element.attribute("id") == nil { throw fail(element.line, element.column, "<file> without an id") }
                    fileTranslates = element.attribute("translate") != "no"
                    seenIDs = [:]
                case (.xliff12, "source"), (.xliff12, "target"), (.xliff12, "seg-source"):
                    // Only the unit's own source and target, not those of alt-trans.
                    if pending != nil && parent == "trans-unit" {
                        capture = (element.name, nil)
                        buffer = ""
                        if element.name == "target", let state = element.attribute("state"), pending?.state == nil {
                            pending?.state = SegmentState(toolValue: state)
                        }
                    }
                case (.xliff12, "seg"):
                    // SDLXLIFF: <sdl:seg id="1" conf="Translated" locked="true"/> in <sdl:seg-defs>.
                    if let id = element.attribute("id") {
                        pending?.segmentDefinitions[id] = (element.attribute("conf").flatMap(SegmentState.init(toolValue:)),
                                                           element.attribute("locked") == "true")
                    }
                case (.xliff2, "segment"):
                    if pending != nil {
                        let number = (pending?.segments.count ?? 0) + 1
                        pending?.segments.append(PendingSegment(id: element.attribute("id") ?? "\(number)", line: element.line,
                            column: element.column, state: element.attribute("state").flatMap(SegmentState.init(toolValue:))))
                    }
                case (.xliff2, "source"), (.xliff2, "target"):
                    if pending != nil && parent == "segment" {
                        if element.name == "target" && fileTarget == nil && targetOverride == nil {
                            throw fail(element.line, element.column, "<target> in a file without trgLang on <xliff>")
                        }
                        capture = (element.name, nil)
                        buffer = ""
                    }
                case (.tmx, "seg"):
                    if pending != nil { capture = ("seg", tmxLanguage); buffer = "" }
                case (.tmx, "tuv"):
                    tmxLanguage = element.attributes.first { $0.name == "lang" }?.value
                default:
                    break
                }
                if element.isEmpty, let open = capture, element.name == open.kind {
                    capture = nil
                    // <target/>: an empty target.
                    if element.name == "target" { store(&pending, kind: "target", text: "") }
                }
            case let .end(name, _):
                if !stack.isEmpty { stack.removeLast() }
                if skipDepth > 0 {
                    skipDepth -= 1
                    continue
                }
                if let mark = segmentMark, stack.count == mark.depth - 1 {
                    segmentMark = nil
                    if capture?.kind == "seg-source" {
                        pending?.segments.append(PendingSegment(id: mark.id, line: mark.line, column: mark.column, source: segmentBuffer))
                    } else if capture?.kind == "target" {
                        pending?.targetSegments[mark.id] = (segmentBuffer, mark.line, mark.column)
                    }
                    continue
                }
                if let open = capture, name == open.kind {
                    capture = nil
                    if name == "seg", format == .tmx {
                        pending?.variants.append((open.language ?? "", buffer))
                    } else {
                        store(&pending, kind: name, text: buffer)
                    }
                    continue
                }
                if Self.unitElements.contains(name), let unit = pending {
                    pending = nil
                    if unit.skipped { continue }
                    try makeUnits(unit, fileSource: fileSource, fileTarget: fileTarget ?? tmxTarget, fail: fail) { made in
                        try emit(made)
                        if format == .tmx { tmxTarget = made.targetLanguage }
                    }
                }
            case let .text(text):
                if capture != nil && skipDepth == 0 {
                    buffer += text
                    if segmentMark != nil { segmentBuffer += text }
                }
            }
        }
        return notices
    }

    /// Keeps the text of a unit's (or XLIFF 2 segment's) source or target.
    private func store(_ pending: inout Pending?, kind: String, text: String) {
        guard pending != nil else { return }
        if format == .xliff2, !(pending!.segments.isEmpty) {
            let last = pending!.segments.count - 1
            if kind == "source" { pending!.segments[last].source += text } else if kind == "target" {
                pending!.segments[last].target = (pending!.segments[last].target ?? "") + text
            }
            return
        }
        switch kind {
        case "source": pending!.source += text
        case "target": pending!.target = (pending!.target ?? "") + text
        default: break
        }
    }

    private func checkRoot(_ root: XMLStreamReader.StartElement, fail: (Int, Int, String) -> ConsistencyError) throws {
        switch format {
        case .xliff2:
            let version = root.attribute("version") ?? ""
            guard root.name == "xliff", version.hasPrefix("2.") else {
                throw fail(root.line, root.column, "expected <xliff version=\"2.0\">, \"2.1\" or \"2.2\"")
            }
            guard let source = root.attribute("srcLang"), !source.isEmpty else { throw fail(root.line, root.column, "<xliff> without srcLang") }
        case .xliff12:
            guard root.name == "xliff" else { throw fail(root.line, root.column, "expected <xliff>") }
            // An XLIFF of another version read as 1.2 would give no unit and no word of warning.
            let namespace = root.namespaceURI ?? "", version = root.attribute("version") ?? ""
            let otherNamespace = namespace.hasPrefix("urn:oasis:names:tc:xliff:document:") && !namespace.hasSuffix(":1.2") && !namespace.hasSuffix(":1.1")
            if otherNamespace || (!version.isEmpty && !version.hasPrefix("1.")) {
                throw fail(root.line, root.column, "XLIFF \(version.isEmpty ? namespace : version) is not a version Passerelle reads: it reads 1.2 (and 1.1), 2.0, 2.1 and 2.2, each in its namespace")
            }
        case .tmx:
            guard root.name == "tmx" else { throw fail(root.line, root.column, "expected <tmx>") }
        case .content, .po:
            break
        }
    }

    /// The units of a unit read whole: itself, or one per segment; each given to `emit`.
    private func makeUnits(_ unit: Pending, fileSource: String?, fileTarget: String?, fail: (Int, Int, String) -> ConsistencyError,
                           _ emit: (BilingualUnit) throws -> Void) throws {
        if format == .tmx {
            let source = sourceOverride ?? (fileSource == "*all*" ? nil : fileSource) ?? unit.variants.first?.language
            guard let source, let sourceText = unit.variants.first(where: { matches($0.language, source) })?.text else { return }
            // Every other language of the unit is a target (a TMX may hold several), unless one is asked for.
            var targets: [String] = []
            if let targetOverride {
                targets = [targetOverride]
            } else {
                for variant in unit.variants where !matches(variant.language, source) && !targets.contains(where: { matches($0, variant.language) }) {
                    targets.append(variant.language)
                }
                if targets.isEmpty, let fileTarget { targets = [fileTarget] }
            }
            for target in targets {
                let targetText = unit.variants.first { matches($0.language, target) }?.text
                try emit(BilingualUnit(file: file, id: unit.id, line: unit.line, column: unit.column, sourceLanguage: source, targetLanguage: target,
                                       source: sourceText, target: targetText))
            }
            return
        }
        guard let source = sourceOverride ?? fileSource else {
            throw fail(unit.line, unit.column, "no source language: the file does not say; pass --source-language")
        }
        // A file without a target language (source only) is valid: its units are untranslated.
        let target = targetOverride ?? fileTarget ?? "und"
        func made(_ segment: PendingSegment?, source text: String, target translation: String?, state: SegmentState?, locked: Bool) -> BilingualUnit {
            BilingualUnit(file: file, id: unit.id, line: segment?.line ?? unit.line, column: segment?.column ?? unit.column,
                          segment: segment?.id, state: state, locked: locked,
                          sourceLanguage: source, targetLanguage: target, source: text, target: translation)
        }
        // One segment, or none: the unit is what the translator sees.
        if unit.segments.count <= 1, format == .xliff2 || unit.segments.isEmpty {
            let only = unit.segments.first
            try emit(made(nil, source: only?.source ?? unit.source, target: only.map(\.target) ?? unit.target,
                          state: only?.state ?? unit.state, locked: unit.locked))
            return
        }
        // Segmented (SDLXLIFF, Okapi, XLIFF 2): one unit per segment, numbered as the tool shows them.
        for segment in unit.segments {
            if format == .xliff2 {
                try emit(made(segment, source: segment.source, target: segment.target, state: segment.state ?? unit.state, locked: unit.locked))
                continue
            }
            let definition = unit.segmentDefinitions[segment.id]
            var placed = segment
            let translated = unit.targetSegments[segment.id]
            if let translated { placed.line = translated.line; placed.column = translated.column }
            // A target not cut into segments belongs to the unit's only segment.
            let text = translated?.text ?? (unit.segments.count == 1 ? unit.target : nil)
            try emit(made(placed, source: segment.source, target: text, state: definition?.state ?? unit.state,
                          locked: definition?.locked ?? unit.locked))
        }
    }

    private func matches(_ tag: String, _ language: String) -> Bool {
        tag.lowercased() == language.lowercased()
            || tag.lowercased().split(separator: "-").first == language.lowercased().split(separator: "-").first
    }
}
