import Foundation

/// How `passerelle render` lays out and writes a document.
public struct RenderOptions: Sendable {
    /// How the languages are arranged.
    public enum Layout: String, CaseIterable, Sendable {
        /// Languages side by side, aligned unit by unit (table rows; on a phone, one
        /// language at a time with a switch).
        case parallel
        /// The whole document in one language, then in the next, all alike, with a
        /// table of the languages first.
        case stacked
        /// Each unit in each language in turn.
        case interleaved
        /// One language only.
        case single
    }

    /// The output format.
    public enum Format: String, CaseIterable, Sendable {
        case html, md, txt

        /// The usual file extension.
        public var fileExtension: String { self == .md ? "md" : rawValue }

        /// The format a file name's ending names (`.html`, `.htm`, `.md`, `.markdown`, `.txt`).
        public init?(fileName: String) {
            switch (fileName as NSString).pathExtension.lowercased() {
            case "html", "htm": self = .html
            case "md", "markdown": self = .md
            case "txt", "text": self = .txt
            default: return nil
            }
        }
    }

    /// An office file, for editors who comment in Word or LibreOffice and print to sign.
    public enum OfficeFile: String, CaseIterable, Sendable {
        case docx, odt
    }

    /// Which term occurrences carry the concept's names in the other languages (an HTML
    /// tooltip, a Markdown or text footnote).
    public enum TermNotes: String, CaseIterable, Sendable {
        /// None: what a public newsletter shows.
        case none
        /// The first occurrence of each concept in each language.
        case first
        /// Every occurrence: for a review of the terminology.
        case all
    }

    /// The languages to show, in order; nil means the document's languages
    /// (the first one only for the single layout).
    public var languages: [String]?
    public var layout: Layout
    public var format: Format
    /// Missing or outdated translations are errors instead of warnings.
    public var strict: Bool
    /// Adds a glossary of the concepts the document refers to.
    public var glossaryAppendix: Bool
    /// Term notes; nil: none in a newsletter, the first occurrence in a charter.
    public var terms: TermNotes?
    /// HTML: soft hyphens in long words, from libhyphen's patterns.
    public var hyphenate: Bool
    /// Where the output is written (nil: standard output): Markdown and text refer to
    /// images by their path from there.
    public var outputFile: String?

    public init(languages: [String]? = nil, layout: Layout = .parallel, format: Format = .html,
                strict: Bool = false, glossaryAppendix: Bool = false, terms: TermNotes? = nil, hyphenate: Bool = true,
                outputFile: String? = nil) {
        self.outputFile = outputFile
        self.terms = terms
        self.hyphenate = hyphenate
        self.languages = languages
        self.layout = layout
        self.format = format
        self.strict = strict
        self.glossaryAppendix = glossaryAppendix
    }
}
