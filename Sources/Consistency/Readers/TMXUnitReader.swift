import Base
import XMLSupport

/// TMX 1.4 (UTF-8 or UTF-16): each `tu` holds a `seg` per language (`tuv xml:lang`). The
/// source is the header's `srclang` (unless it is `*all*`) or the first variant; every
/// other language of the unit is a target, unless one is asked for. Units are numbered
/// when they have no `tuid`.
struct TMXUnitReader: XMLUnitReader {
    let file: String
    let sourceOverride: String?
    let targetOverride: String?

    private struct Pending {
        var id: String
        var line: Int
        var column: Int
        /// Text per language.
        var variants: [(language: String, text: String)] = []
    }

    private var sourceLanguage: String?
    private var variantLanguage: String?
    /// The target language seen in earlier units, for units that lack it.
    private var previousTarget: String?
    private var count = 0
    private var pending: Pending?
    let notices: [Diagnostic] = []

    init(file: String, sourceOverride: String?, targetOverride: String?) {
        self.file = file
        self.sourceOverride = sourceOverride
        self.targetOverride = targetOverride
    }

    func root(_ root: XMLStreamReader.StartElement) throws {
        guard root.name == "tmx" else { throw failure(root.line, root.column, "expected <tmx>") }
    }

    mutating func start(_ element: XMLStreamReader.StartElement, parent: String?) throws -> InlineTextCapture? {
        switch element.name {
        case "header":
            sourceLanguage = element.attribute("srclang")
        case "tu":
            count += 1
            pending = Pending(id: element.attribute("tuid") ?? "\(count)", line: element.line, column: element.column)
        case "tuv":
            variantLanguage = element.attributes.first { $0.name == "lang" }?.value
        case "seg":
            if pending != nil { return InlineTextCapture(element, language: variantLanguage) }
        default:
            break
        }
        return nil
    }

    mutating func captured(_ capture: InlineTextCapture) {
        // <seg/> is no text in that language.
        guard !capture.isEmptyElement else { return }
        pending?.variants.append((capture.language ?? "", capture.text))
    }

    mutating func end(_ name: String, _ emit: (BilingualUnit) throws -> Void) throws {
        guard name == "tu", let unit = pending else { return }
        pending = nil
        let source = sourceOverride ?? (sourceLanguage == "*all*" ? nil : sourceLanguage) ?? unit.variants.first?.language
        guard let source, let sourceText = unit.variants.first(where: { Self.matches($0.language, source) })?.text else { return }
        // Every other language of the unit is a target (a TMX may hold several), unless one is asked for.
        var targets: [String] = []
        if let targetOverride {
            targets = [targetOverride]
        } else {
            for variant in unit.variants where !Self.matches(variant.language, source) && !targets.contains(where: { Self.matches($0, variant.language) }) {
                targets.append(variant.language)
            }
            if targets.isEmpty, let previousTarget { targets = [previousTarget] }
        }
        for target in targets {
            let targetText = unit.variants.first { Self.matches($0.language, target) }?.text
            try emit(BilingualUnit(file: file, id: unit.id, line: unit.line, column: unit.column, sourceLanguage: source, targetLanguage: target,
                                   source: sourceText, target: targetText))
            previousTarget = target
        }
    }

    /// Language tags of one language: equal, or with the same primary subtag.
    private static func matches(_ tag: String, _ language: String) -> Bool {
        tag.lowercased() == language.lowercased()
            || tag.lowercased().split(separator: "-").first == language.lowercased().split(separator: "-").first
    }
}
