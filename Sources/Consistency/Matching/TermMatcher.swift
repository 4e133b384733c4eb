import Foundation
import Linguistics
import Terminology

/// Finds every term of a termbase in a text of one language, in one pass.
///
/// The terms come from a ``TermDictionary`` (built once per language, shared).
/// Matching walks the text's words once and takes the longest term starting at each
/// word (leftmost-longest, no overlap: "économie sociale" inside "économie sociale et
/// solidaire" is not reported alone), so the cost grows with the text, not with the
/// number of concepts. A word written as in a term gets what the dictionary worked out
/// for it; other words are keyed once (stem, collation key) and kept in a small cache.
///
/// Also found: terms marked `match="exact"` only as written (the acronym "ESS" never
/// matches "essais"); in German, single-word terms at the start or as the head of a
/// compound ("Sozialwirtschaft" in "Sozialwirtschaftsunternehmen",
/// "Genossenschaft" in "Wohnungsgenossenschaften") and behind a suspended hyphen
/// ("Sozial- und Solidarwirtschaft" contains "Sozialwirtschaft").
///
/// Not thread-safe (ICU handles, cache): one matcher per task.
public final class TermMatcher {
    /// A term the matcher knows.
    public typealias Entry = TermDictionary.Entry

    /// One occurrence of one or more terms (several when concepts share the words).
    public struct Match: Sendable, Equatable {
        /// Where the words are in the text.
        public let range: Range<String.Index>
        /// The words as written in the text.
        public let surface: String
        public let entries: [Entry]
        /// True when the match lies inside a longer one (only in ``matches(in:nested:)``
        /// with `nested`): "souscription" inside "demande de souscription".
        public var isNested = false
    }

    /// The terms matched.
    public let dictionary: TermDictionary
    private let keys: WordKeys
    /// The number of words the cache holds before it is emptied: small enough to stay in
    /// the processor's caches (term words come back from the dictionary's table cheaply).
    public static let cacheLimit = 8192
    /// Words met so far (code units -> index into `infos`), each keyed once.
    private var table = WordTable()
    private var infos: [WordInfo] = []
    /// The trie nodes reached by the words walked so far, and by the next word.
    private var frontier: [(node: Int, certain: Bool)] = []
    private var next: [(node: Int, certain: Bool)] = []
    /// A word in lower case, to look it up among the term words.
    private var scratch: [UInt16] = []
    /// The text being matched, its words and their word information: reused buffers.
    private var text16 = UTF16Text()
    private var ranges: [Range<Int>] = []
    private var ids: [Int] = []
    /// The terms found from one word, by their last word (reused from word to word).
    private var found: [(end: Int, entries: [Int])] = []

    /// A matcher over a dictionary built elsewhere (shared between tasks).
    public init(dictionary: TermDictionary) throws {
        self.dictionary = dictionary
        keys = try WordKeys(language: dictionary.language, strength: dictionary.strength)
    }

    /// Builds the dictionary for `language` from `termbase` and a matcher over it.
    public convenience init(termbase: Termbase, language: String, strength: CollationStrength = .primary) throws {
        try self.init(dictionary: try TermDictionary(termbase: termbase, language: language, strength: strength))
    }

    public var language: String { dictionary.language }

    /// The number of terms indexed.
    public var termCount: Int { dictionary.termCount }

    /// The index of the information about the word `utf16[range]`, keyed on first sight.
    private func infoIndex(_ utf16: [UInt16], _ range: Range<Int>) -> Int {
        if let known = table.find(utf16, range) { return known }
        infos.append(dictionary.knownWordInfo(utf16, range, scratch: &scratch)
            ?? dictionary.wordInfo(for: String(utf16Units: utf16[range]), keys: keys))
        return table.insert(utf16, range)
    }

    /// Snowball stems conflate derivations too ("coopération" and "coopérative" both give
    /// "coopér"): a word matches a term word with the same stem only if it is an
    /// inflection of it.
    /// Nil when it does not; true when the word is certainly the one word of every term
    /// through `edge` (their words there need no check of their own).
    private func accepts(_ word: WordInfo, edge: Int) -> Bool? {
        let termWords = dictionary.nodes.edgeWords(edge)
        if word.foldedID >= 0 && termWords.contains(word.foldedID) { return termWords.count == 1 }
        return termWords.contains {
            let term = dictionary.foldedWords[Int($0)]
            // A verb's noun ("téléversement") is left to the check of each entry, which knows its part of speech.
            return dictionary.inflection.isInflection(word.folded, of: term) || dictionary.inflection.isNominalization(word.folded, of: term)
        } ? false : nil
    }

    /// Every term occurrence in `text`, in order, longest first and without overlap; with
    /// `nested`, also the shorter terms inside the longest ones (marked ``Match/isNested``):
    /// a target that says "demande de souscription" has the term "souscription". With
    /// `nestedConcepts`, only the nested matches of these concepts (by termbase index) are kept.
    public func matches(in text: String, nested: Bool = false, nestedConcepts: [Int]? = nil) -> [Match] {
        // The cache of words is emptied between texts when it is large (never during one:
        // the text's word ids point into it).
        if table.count >= Self.cacheLimit {
            table.removeAll()
            infos.removeAll(keepingCapacity: true)
        }
        text16.load(text)
        keys.tokenizer.wordRanges(in: text16, into: &ranges)
        guard !ranges.isEmpty else { return [] }
        let utf16 = text16.units
        ids.removeAll(keepingCapacity: true)
        for range in ranges { ids.append(infoIndex(utf16, range)) }
        var result: [Match] = []
        var index = 0
        /// With `nested`: the end of the longest match so far (matches ending before it are inside it).
        var coveredUntil = -1
        while index < ranges.count {
            // Most words start no term: decide that without walking the trie.
            let first = ids[index]
            let startsTerm = (infos[first].fuzzyID.map { dictionary.child(of: 0, $0) != nil } ?? false)
                || (infos[first].exactID.map { dictionary.child(of: 0, -1 - $0) != nil } ?? false)
            let startsInside = index <= coveredUntil
            if startsTerm {
                terms(from: index, ids: ids, all: nested)
                if let longest = found.last?.end {
                    for (end, entries) in found.reversed() {
                        let isNested = startsInside || end < longest
                        if isNested && !wanted(entries, nestedConcepts) { continue }
                        var made = match(text, ranges[index].lowerBound..<ranges[end].upperBound, entries: entries)
                        made.isNested = isNested
                        result.append(made)
                    }
                    if !startsInside { coveredUntil = longest }
                    index = nested ? index + 1 : longest + 1
                    continue
                }
            }
            if !infos[first].compoundEntries.isEmpty {
                if !startsInside || wanted(infos[first].compoundEntries, nestedConcepts) {
                    var made = match(text, ranges[index], entries: infos[first].compoundEntries)
                    made.isNested = startsInside
                    result.append(made)
                }
            } else if dictionary.splitsCompounds, var suspended = suspendedCompound(at: index, ranges: ranges, utf16: utf16, text: text) {
                suspended.isNested = startsInside
                if !startsInside || suspended.entries.contains(where: { nestedConcepts?.contains($0.conceptIndex) ?? true }) { result.append(suspended) }
            }
            index += 1
        }
        return result
    }

    /// True when some of the dictionary entries `entries` belong to `concepts` (nil: any).
    private func wanted(_ entries: [Int], _ concepts: [Int]?) -> Bool {
        guard let concepts else { return true }
        return entries.contains { concepts.contains(dictionary.entries[$0].conceptIndex) }
    }

    /// A match over the UTF-16 offsets `range` of `text`.
    private func match(_ text: String, _ range: Range<Int>, entries: [Int]) -> Match {
        let lower = text16.index(atUTF16Offset: range.lowerBound, in: text)
        let upper = text16.index(atUTF16Offset: range.upperBound, in: text)
        let surface = String(text[lower..<upper])
        return Match(range: lower..<upper, surface: surface, entries: Self.writtenLike(surface, unique(entries)))
    }

    /// Among terms of one concept that match the same words, those written with the text's
    /// separators: "Grande-Région" is the deprecated spelling of "Grande Région", whose
    /// words it shares. Terms the separators do not tell apart are all kept.
    static func writtenLike(_ surface: String, _ entries: [Entry]) -> [Entry] {
        guard entries.count > 1 else { return entries }
        let written = separators(surface)
        var kept: [Entry] = []
        for entry in entries {
            let rivals = entries.filter { $0.conceptIndex == entry.conceptIndex }
            let signature = separators(entry.text)
            if signature == written || !rivals.contains(where: { separators($0.text) == written }) { kept.append(entry) }
        }
        return kept
    }

    /// The characters between the words of a text, apostrophes and spaces of every kind
    /// written alike.
    private static func separators(_ text: String) -> String {
        String(text.compactMap { character -> Character? in
            if character.isLetter || character.isNumber { return nil }
            if character.isWhitespace { return " " }
            return character == "\u{2019}" ? "'" : character
        })
    }

    /// The terms starting at word `index`, by the last word each covers, shortest first,
    /// into ``found``: only the longest unless `all`. Each entry is checked to be an
    /// inflection of the text's words.
    private func terms(from index: Int, ids: [Int], all: Bool) {
        // Reused buffers: this runs for every word that starts a term. Each node reached
        // carries whether its path was certain (see accepts): its terms need no more checks.
        frontier.removeAll(keepingCapacity: true)
        frontier.append((0, true))
        found.removeAll(keepingCapacity: true)
        var position = index
        while position < ids.count, !frontier.isEmpty {
            let id = ids[position]
            next.removeAll(keepingCapacity: true)
            for (node, certain) in frontier {
                if let fuzzy = infos[id].fuzzyID, let child = dictionary.child(of: node, fuzzy), let accepted = accepts(infos[id], edge: child) {
                    next.append((child, certain && accepted))
                }
                if let exact = infos[id].exactID, let child = dictionary.child(of: node, -1 - exact) { next.append((child, certain)) }
            }
            var reached: [Int] = []
            for (node, certain) in next {
                for entry in dictionary.nodes.terminals(node) where certain || isInflection(entry: Int(entry), from: index, ids: ids) {
                    reached.append(Int(entry))
                }
            }
            if !reached.isEmpty {
                if !all { found.removeAll(keepingCapacity: true) }
                found.append((position, reached))
            }
            swap(&frontier, &next)
            position += 1
        }
    }

    /// True when each word of the text from `index` is an inflection of the entry's word.
    private func isInflection(entry: Int, from index: Int, ids: [Int]) -> Bool {
        let partOfSpeech = dictionary.entries[entry].partOfSpeech, gender = dictionary.entries[entry].formGender
        for (offset, term) in dictionary.entryWords[entry].enumerated() where term >= 0 {
            let word = ids[index + offset]
            if infos[word].foldedID == term { continue }
            let folded = infos[word].folded, base = dictionary.foldedWords[Int(term)]
            if dictionary.inflection.isInflection(folded, of: base, partOfSpeech: partOfSpeech, gender: gender) { continue }
            // A verb term also stands for its noun: "Téléversement terminé" for "upload".
            if partOfSpeech == .verb && dictionary.inflection.isNominalization(folded, of: base) { continue }
            return false
        }
        return true
    }

    /// True when a word of `text` that is itself a term holds one of `terms` (single words)
    /// as a compound part: "Dateiendung", a term of its own, holds "Datei". Only asked when
    /// the terms were not found otherwise (the matcher reports the longest term of a word).
    public func hasCompoundPart(_ terms: [String], in text: String) -> Bool {
        guard dictionary.splitsCompounds else { return false }
        let lowerText = text.lowercased()
        // Most texts do not hold the term's letters at all: answered without splitting words.
        let heads = terms.filter { !$0.contains(" ") && $0.count >= 4 }.map { $0.lowercased() }.filter { lowerText.contains($0) }
        guard !heads.isEmpty else { return false }
        // Each distinct word that holds a head's letters is split once.
        var tried: Set<String> = []
        for word in keys.tokenizer.wordStrings(in: lowerText) where word.count >= 7 && heads.contains(where: { word.contains($0) }) {
            guard tried.insert(word).inserted else { continue }
            if dictionary.compoundParts(ofTermWord: word, keys: keys).contains(where: { heads.contains(dictionary.entries[$0].text.lowercased()) }) {
                return true
            }
        }
        return false
    }

    /// True when `text` holds the German separable verb `term` split as a main clause splits
    /// it: a form of the verb, then its particle as a word of its own ("Laden Sie die Datei
    /// hoch" for "hochladen"). Only asked when the term was not found otherwise.
    public func hasSplitVerb(_ term: String, in text: String) -> Bool {
        guard let (particle, verb) = dictionary.inflection.separableVerb(term.lowercased()) else { return false }
        let words = keys.tokenizer.wordStrings(in: text).map { dictionary.inflection.fold($0) }
        let foldedVerb = dictionary.inflection.fold(verb)
        guard let verbAt = words.firstIndex(where: { $0.count >= 3 && dictionary.inflection.isInflection($0, of: foldedVerb) }) else { return false }
        return words[(verbAt + 1)...].contains(dictionary.inflection.fold(particle))
    }

    /// "Sozial- und Solidarwirtschaft": the first word, completed by the head of the
    /// word after the conjunction, as a known term ("Sozialwirtschaft").
    private func suspendedCompound(at index: Int, ranges: [Range<Int>], utf16: [UInt16], text: String) -> Match? {
        guard index + 2 < ranges.count else { return nil }
        let end = ranges[index].upperBound
        guard end < utf16.count, utf16[end] == 0x2D else { return nil }
        func word(_ position: Int) -> String { String(utf16Units: utf16[ranges[position]]).lowercased() }
        guard ["und", "oder", "bzw", "sowie", "u"].contains(word(index + 1)) else { return nil }
        let modifier = word(index)
        let head = Array(word(index + 2))
        for start in 1..<max(1, head.count - 3) {
            let candidate = modifier + String(head[start...])
            if let found = dictionary.singleWords[candidate] ?? dictionary.singleStems[keys.stem(candidate)] {
                return match(text, ranges[index].lowerBound..<(end + 1), entries: found)
            }
        }
        return nil
    }

    private func unique(_ indices: [Int]) -> [Entry] {
        // Most matches are one term: no set needed.
        if indices.count == 1 { return [dictionary.entries[indices[0]]] }
        var seen: Set<Int> = []
        return indices.filter { seen.insert($0).inserted }.map { dictionary.entries[$0] }
    }
}
