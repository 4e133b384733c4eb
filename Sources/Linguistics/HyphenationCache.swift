import Base
import Foundation

/// The breaks libhyphen found, kept on disk per pattern file, so that rendering a
/// document again does not pay libhyphen's load of the patterns (about 2 s for German):
/// the patterns are loaded only when a word is new.
///
/// The cache lives in `$XDG_CACHE_HOME/passerelle/hyphenation` (default
/// `~/.cache/...`), one file per pattern file, named after its size and date so that an
/// updated hyphen-de package starts a new one. Without a writable cache folder, the
/// breaks are computed each time; the result is the same.
public final class HyphenationCache: @unchecked Sendable {
    private let folder: String?
    private let lock = NSLock()
    /// Loaded hyphenators, by pattern file, for this process.
    private var hyphenators: [String: Hyphenator] = [:]
    /// The breaks known, by pattern file: the cache file is read once per process.
    private var known: [String: [String: [Int]]] = [:]
    /// The cache file of each pattern file (nil inside: none can be kept).
    private var files: [String: String?] = [:]

    /// The cache in `folder` (default: the user's cache folder; nil: no file kept).
    public init(folder: String? = HyphenationCache.defaultFolder) {
        self.folder = folder
    }

    /// `$XDG_CACHE_HOME/passerelle/hyphenation`, or `~/.cache/passerelle/hyphenation`.
    public static var defaultFolder: String? { UserCache.folder("hyphenation") }

    /// The breaks of each of `words` in `language` (see ``Hyphenator/breaks(in:)``).
    ///
    /// - Throws: ``LinguisticsError/noHyphenationPatterns(language:package:)``.
    public func breaks(of words: Set<String>, language: String) throws(LinguisticsError) -> [String: [Int]] {
        guard let patterns = Hyphenator.patternFile(language: language) else {
            throw .noHyphenationPatterns(language: language, package: Hyphenator.package(language))
        }
        lock.lock()
        defer { lock.unlock() }
        let file: String?
        if let cached = files[patterns] {
            file = cached
        } else {
            file = cacheFile(for: patterns)
            files[patterns] = .some(file)
        }
        var known = self.known[patterns] ?? file.map(Self.read) ?? [:]
        defer { self.known[patterns] = known }
        let missing = words.filter { known[$0] == nil }
        // Looked up word by word: the cache may know many more words than a document has.
        func result() -> [String: [Int]] { words.reduce(into: [:]) { $0[$1] = known[$1] } }
        guard !missing.isEmpty else { return result() }
        let hyphenator: Hyphenator
        if let loaded = hyphenators[patterns] {
            hyphenator = loaded
        } else {
            hyphenator = try Hyphenator(language: language)
            hyphenators[patterns] = hyphenator
        }
        var found: [String: [Int]] = [:]
        for word in missing { found[word] = hyphenator.breaks(in: word) }
        known.merge(found) { $1 }
        if let file { Self.append(found, to: file, known: known) }
        return result()
    }

    private func cacheFile(for patterns: String) -> String? {
        // The file a link such as hyph_de.dic -> hyph_de_DE.dic points to.
        let resolved = URL(fileURLWithPath: patterns).resolvingSymlinksInPath().path
        guard let folder, let attributes = try? FileManager.default.attributesOfItem(atPath: resolved) else { return nil }
        let size = (attributes[.size] as? Int) ?? 0
        let date = Int((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
        let name = ((resolved as NSString).lastPathComponent as NSString).deletingPathExtension
        return (folder as NSString).appendingPathComponent("\(name)-\(size)-\(date).tsv")
    }

    /// Lines `word<TAB>3,6,8`. A damaged line (a write cut short, breaks that cannot be
    /// the word's) is skipped: its word is computed again.
    private static func read(_ file: String) -> [String: [Int]] {
        guard let data = FileManager.default.contents(atPath: file) else { return [:] }
        var result: [String: [Int]] = [:]
        var text = String(decoding: data, as: UTF8.self)[...]
        // A last line without its line feed was cut short.
        if let lastFeed = text.lastIndex(of: "\n") { text = text[...lastFeed] } else { return [:] }
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 else { continue }
            let breaks = fields[1].split(separator: ",").map { Int($0) ?? 0 }
            let length = fields[0].count
            guard zip([0] + breaks, breaks).allSatisfy({ $0 < $1 }), breaks.allSatisfy({ $0 < length }) else { continue }
            result[String(fields[0])] = breaks
        }
        return result
    }

    private static func line(_ word: String, _ breaks: [Int]) -> String {
        "\(word)\t\(breaks.map(String.init).joined(separator: ","))\n"
    }

    /// The new words' lines are appended (one write), so that a cache of many words is not
    /// written again whole for each new one; a new cache file is written whole, atomically.
    /// A failure leaves the cache as it was: the breaks are computed again next time.
    private static func append(_ words: [String: [Int]], to file: String, known: [String: [Int]]) {
        func lines(_ breaks: [String: [Int]]) -> String {
            breaks.filter { !$0.key.contains(where: \.isNewline) && !$0.key.contains("\t") }
                .sorted { $0.key < $1.key }.map { line($0.key, $0.value) }.joined()
        }
        // O_APPEND: two processes appending at once do not write over each other's lines.
        let descriptor = open(file, O_RDWR | O_APPEND | O_CLOEXEC)
        if descriptor >= 0 {
            defer { close(descriptor) }
            _ = flock(descriptor, LOCK_EX)
            var text = lines(words)
            // After a write cut short, a line that no word can have ends the fragment: it is
            // skipped when read, not completed into a line with the wrong breaks.
            var last: UInt8 = 0x0A
            let size = lseek(descriptor, 0, SEEK_END)
            if size > 0, pread(descriptor, &last, 1, size - 1) == 1, last != 0x0A { text = "#\n" + text }
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            return
        }
        let text = lines(known)
        try? FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? AtomicFile.write(text, to: file)
    }
}
