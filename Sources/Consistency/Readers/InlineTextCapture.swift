import XMLSupport

/// The text of one element of a bilingual file (a `source`, a `target`, a TMX `seg`), read
/// from its events: inline codes that stand for native code (`ph`, `bpt`, `ept`, `it`,
/// `ut`, `sub`, XLIFF 2 `originalData` ...) are left out, codes around text (`g`, `pc`,
/// `mrk`) keep it, and `<cp hex="..."/>` gives its character. Shared by the XLIFF 1.2,
/// XLIFF 2 and TMX readers.
struct InlineTextCapture {
    /// Elements whose content is native code, not text.
    static let codeElements: Set<String> = ["bpt", "ept", "ph", "it", "ut", "sub", "originalData", "notes", "note"]

    /// A segment marked inside the text (XLIFF 1.2 `<mrk mtype="seg" mid="...">`, as
    /// SDLXLIFF and Okapi write them).
    struct MarkedSegment {
        let id: String
        let line: Int
        let column: Int
        var text = ""
    }

    /// The element captured ("source", "target", "seg-source", "seg").
    let kind: String
    /// The language of the text, when its element says (TMX `tuv`).
    let language: String?
    /// True when the element was written `<target/>`: no text at all.
    let isEmptyElement: Bool
    /// True when `<mrk mtype="seg">` cuts the text into segments (XLIFF 1.2).
    let marksSegments: Bool
    private(set) var text = ""
    private(set) var segments: [MarkedSegment] = []

    /// Elements open inside the captured one.
    private var depth = 0
    /// The depth of a code element being skipped, and of the segment `mrk` being read.
    private var skippedAt: Int?
    private var segmentAt: Int?

    init(_ element: XMLStreamReader.StartElement, language: String? = nil, marksSegments: Bool = false) {
        kind = element.name
        self.language = language
        isEmptyElement = element.isEmpty
        self.marksSegments = marksSegments
    }

    /// An element inside the captured one.
    mutating func start(_ element: XMLStreamReader.StartElement) {
        guard skippedAt == nil else {
            if !element.isEmpty { depth += 1 }
            return
        }
        // <cp/> read from a stream; <cp></cp> from a tree, whose elements all have an end.
        if element.name == "cp" { appendCodePoint(element.attribute("hex")) }
        if element.isEmpty { return }
        depth += 1
        if Self.codeElements.contains(element.name) {
            skippedAt = depth
        } else if marksSegments, element.name == "mrk", element.attribute("mtype") == "seg", segmentAt == nil {
            segmentAt = depth
            segments.append(MarkedSegment(id: element.attribute("mid") ?? "\(segments.count + 1)", line: element.line, column: element.column))
        }
    }

    /// An end tag; true when it closes the captured element.
    mutating func end() -> Bool {
        guard depth > 0 else { return true }
        if skippedAt == depth { skippedAt = nil }
        if segmentAt == depth { segmentAt = nil }
        depth -= 1
        return false
    }

    mutating func append(_ characters: String) {
        guard skippedAt == nil else { return }
        text += characters
        if segmentAt != nil { segments[segments.count - 1].text += characters }
    }

    private mutating func appendCodePoint(_ hex: String?) {
        guard skippedAt == nil, let hex, let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else { return }
        append(String(Character(scalar)))
    }
}
