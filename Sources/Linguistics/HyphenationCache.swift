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
        let file = cacheFile(for: patterns)
        var known = self.known[patterns] ?? file.map(Self.read) ?? [:]
        defer { self.known[patterns] = known }
        let missing = words.filter { known[$0] == nil }
        guard !missing.isEmpty else { return known.filter { words.contains($0.key) } }
        let hyphenator: Hyphenator
        if let loaded = hyphenators[patterns] {
            hyphenator = loaded
        } else {
            hyphenator = try Hyphenator(language: language)
            hyphenators[patterns] = hyphenator
        }
        for word in missing { known[word] = hyphenator.breaks(in: word) }
        if let file { Self.write(known, to: file) }
        return known.filter { words.contains($0.key) }
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

    /// Lines `word<TAB>3,6,8`; a damaged line is skipped (its word is computed again).
    private static func read(_ file: String) -> [String: [Int]] {
        guard let data = FileManager.default.contents(atPath: file) else { return [:] }
        var result: [String: [Int]] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 else { continue }
            let breaks = fields[1].split(separator: ",").compactMap { Int($0) }
            result[String(fields[0])] = breaks
        }
        return result
    }

    /// Written whole, atomically; a failure leaves the cache as it was.
    private static func write(_ breaks: [String: [Int]], to file: String) {
        let text = breaks.sorted { $0.key < $1.key }
            .map { "\($0.key)\t\($0.value.map(String.init).joined(separator: ","))" }.joined(separator: "\n") + "\n"
        try? FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
    }
}
