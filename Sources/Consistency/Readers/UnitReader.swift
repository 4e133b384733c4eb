import Base
import XMLSupport

/// Reads the translation units of one bilingual file, one at a time: each format
/// (XLIFF 1.2 and its CAT dialects, XLIFF 2.x, TMX, gettext PO, content XML) has its reader.
protocol UnitReader {
    /// Streams the units to `emit`, in order; returns the notices (warnings that do not
    /// stop the check, each at file:line:column).
    func read(_ emit: (BilingualUnit) throws -> Void) throws -> [Diagnostic]
}

/// A reader of an XML bilingual format: it sees the events outside the inline text of
/// units, and ``InlineTextCapture`` reads the text of the elements it asks for. The event
/// loop (``read(from:_:)``) is shared, streamed from the file or from a parsed tree.
protocol XMLUnitReader: UnitReader {
    var file: String { get }
    /// Checks the root element: the format and version the reader reads.
    mutating func root(_ element: XMLStreamReader.StartElement) throws
    /// An element outside inline text, with its parent's name; returns a capture when its
    /// text is wanted.
    mutating func start(_ element: XMLStreamReader.StartElement, parent: String?) throws -> InlineTextCapture?
    /// The text of an element asked for, read whole.
    mutating func captured(_ capture: InlineTextCapture)
    /// An end tag outside inline text: a unit that ends is given to `emit`.
    mutating func end(_ name: String, _ emit: (BilingualUnit) throws -> Void) throws
    /// The notices gathered (ids missing or used twice).
    var notices: [Diagnostic] { get }
}

extension XMLUnitReader {
    func read(_ emit: (BilingualUnit) throws -> Void) throws -> [Diagnostic] {
        try read(from: try XMLStreamReader(file: file), emit)
    }

    /// Reads the units from `events` (a stream, or a tree parsed before to validate it).
    func read(from events: some XMLEventSource, _ emit: (BilingualUnit) throws -> Void) throws -> [Diagnostic] {
        var reader = self
        var stack: [String] = []
        var capture: InlineTextCapture?
        var rootChecked = false
        while let event = try events.next() {
            switch event {
            case let .start(element):
                if !rootChecked {
                    rootChecked = true
                    try reader.root(element)
                }
                let parent = stack.last
                if !element.isEmpty { stack.append(element.name) }
                if capture != nil {
                    capture?.start(element)
                } else if let started = try reader.start(element, parent: parent) {
                    if element.isEmpty { reader.captured(started) } else { capture = started }
                }
            case let .end(name, _):
                if !stack.isEmpty { stack.removeLast() }
                if let open = capture {
                    var open = open
                    if open.end() {
                        capture = nil
                        reader.captured(open)
                    } else {
                        capture = open
                    }
                } else {
                    try reader.end(name, emit)
                }
            case let .text(text):
                capture?.append(text)
            }
        }
        return reader.notices
    }

    /// A file that cannot be read on, at a place in it.
    func failure(_ line: Int, _ column: Int, _ message: String) -> ConsistencyError {
        .invalid([Diagnostic(file: file, line: line, column: column, message: message)])
    }

    /// The languages of a unit of an XLIFF file: those asked (`--source-language`,
    /// `--target-language`), else the file's. A file without a target language (source
    /// only) is valid: its units are untranslated, into "und".
    func languages(asked: (source: String?, target: String?), declared: (source: String?, target: String?),
                   line: Int, column: Int) throws -> (source: String, target: String) {
        guard let source = asked.source ?? declared.source else {
            throw failure(line, column, "no source language: the file does not say; pass --source-language")
        }
        return (source, asked.target ?? declared.target ?? "und")
    }

    /// The state and the lock a CAT tool writes on a unit: memoQ's `mq:status` and
    /// `mq:locked`, Phrase's `m:confirmed` and `m:locked` (attributes of any namespace).
    static func toolMarks(_ element: XMLStreamReader.StartElement) -> (state: SegmentState?, locked: Bool) {
        func attribute(_ name: String) -> String? { element.attributes.first { $0.name == name }?.value }
        let state = (attribute("status") ?? attribute("confirmed")).flatMap(SegmentState.init(toolValue:))
        let locked = attribute("locked").map { ["true", "locked", "1", "yes"].contains($0.lowercased()) } ?? false
        return (state, locked)
    }
}
