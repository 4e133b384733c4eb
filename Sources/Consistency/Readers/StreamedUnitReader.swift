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

    private struct Pending {
        var id: String
        var line: Int
        /// translate="no" on the unit or its file: not checked.
        var skipped = false
        var source = ""
        var target: String?
        /// TMX: text per language.
        var variants: [(language: String, text: String)] = []
    }

    /// Every unit, in order.
    func read() throws -> [BilingualUnit] {
        var units: [BilingualUnit] = []
        try read { units.append($0) }
        return units
    }

    /// Streams the units to `emit`, one at a time; only the current one is held.
    func read(_ emit: (BilingualUnit) throws -> Void) throws {
        try read(from: try XMLStreamReader(file: file), emit)
    }

    /// Reads the units from `reader`'s events (a stream, or a tree parsed before).
    func read(from reader: some XMLEventSource, _ emit: (BilingualUnit) throws -> Void) throws {
        var stack: [String] = []
        var fileSource: String?
        var fileTarget: String?
        var pending: Pending?
        var capture: (kind: String, language: String?)?
        var buffer = ""
        var skipDepth = 0
        var tuCount = 0
        var seenIDs: [String: Int] = [:]
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
                    }
                    continue
                }
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
                    let id = element.attribute(format == .tmx ? "tuid" : "id") ?? (format == .tmx ? "\(tuCount)" : "")
                    if format != .tmx {
                        if id.isEmpty { throw fail(element.line, element.column, "<\(element.name)> without an id") }
                        if let first = seenIDs[id] {
                            throw fail(element.line, element.column, "unit id '\(id)' is already used at line \(first) of this file")
                        }
                        seenIDs[id] = element.line
                    }
                    pending = Pending(id: id, line: element.line, skipped: !fileTranslates || element.attribute("translate") == "no")
                case (.xliff2, "file"):
                    if element.attribute("id") == nil { throw fail(element.line, element.column, "<file> without an id") }
                    fileTranslates = element.attribute("translate") != "no"
                    seenIDs = [:]
                case (.xliff12, "source"), (.xliff12, "target"):
                    // Only the unit's own source and target, not those of alt-trans.
                    if pending != nil && stack.dropLast().last == "trans-unit" { capture = (element.name, nil); buffer = "" }
                case (.xliff2, "source"), (.xliff2, "target"):
                    if pending != nil && ["segment", "ignorable"].contains(stack.dropLast().last ?? "") {
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
                if element.isEmpty, let open = capture, element.name == open.kind { capture = nil }
            case let .end(name, _):
                if !stack.isEmpty { stack.removeLast() }
                if skipDepth > 0 {
                    skipDepth -= 1
                    continue
                }
                if let open = capture, name == open.kind {
                    capture = nil
                    switch name {
                    case "source": pending?.source += buffer
                    case "target":
                        let previous = pending?.target ?? ""
                        pending?.target = previous + buffer
                    default: pending?.variants.append((open.language ?? "", buffer))
                    }
                    continue
                }
                if Self.unitElements.contains(name), let unit = pending {
                    pending = nil
                    if unit.skipped { continue }
                    if let made = try makeUnit(unit, fileSource: fileSource, fileTarget: fileTarget ?? tmxTarget, fail: fail) {
                        try emit(made)
                        if format == .tmx { tmxTarget = made.targetLanguage }
                    }
                }
            case let .text(text):
                if capture != nil && skipDepth == 0 { buffer += text }
            }
        }
    }

    private func checkRoot(_ root: XMLStreamReader.StartElement, fail: (Int, Int, String) -> ConsistencyError) throws {
        switch format {
        case .xliff2:
            let version = root.attribute("version") ?? ""
            guard root.name == "xliff", version.hasPrefix("2.") else {
                throw fail(root.line, root.column, "expected <xliff version=\"2.x\">")
            }
            guard let source = root.attribute("srcLang"), !source.isEmpty else { throw fail(root.line, root.column, "<xliff> without srcLang") }
        case .xliff12:
            guard root.name == "xliff" else { throw fail(root.line, root.column, "expected <xliff>") }
        case .tmx:
            guard root.name == "tmx" else { throw fail(root.line, root.column, "expected <tmx>") }
        case .content:
            break
        }
    }

    private func makeUnit(_ unit: Pending, fileSource: String?, fileTarget: String?, fail: (Int, Int, String) -> ConsistencyError) throws -> BilingualUnit? {
        if format == .tmx {
            let source = sourceOverride ?? (fileSource == "*all*" ? nil : fileSource) ?? unit.variants.first?.language
            guard let source, let sourceText = unit.variants.first(where: { matches($0.language, source) })?.text else { return nil }
            let target = targetOverride ?? unit.variants.first { !matches($0.language, source) }?.language ?? fileTarget
            guard let target else { return nil }
            let targetText = unit.variants.first { matches($0.language, target) }?.text
            return BilingualUnit(file: file, id: unit.id, line: unit.line, sourceLanguage: source, targetLanguage: target,
                                 source: sourceText, target: targetText)
        }
        guard let source = sourceOverride ?? fileSource else {
            throw fail(unit.line, 0, "no source language: the file does not say; pass --source-language")
        }
        // A file without a target language (source only) is valid: its units are untranslated.
        let target = targetOverride ?? fileTarget ?? "und"
        return BilingualUnit(file: file, id: unit.id, line: unit.line, sourceLanguage: source, targetLanguage: target,
                             source: unit.source, target: unit.target)
    }

    private func matches(_ tag: String, _ language: String) -> Bool {
        tag.lowercased() == language.lowercased()
            || tag.lowercased().split(separator: "-").first == language.lowercased().split(separator: "-").first
    }
}
