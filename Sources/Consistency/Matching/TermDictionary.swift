import Linguistics
import Terminology

/// The terms of one language of a termbase, indexed for ``TermMatcher``: built once by
/// its initializer, immutable afterwards (a value: nothing outside the build can change
/// it), and shared by the matchers of parallel tasks (its storage is shared, not copied).
///
/// Each term is cut into words (ICU word breaks, French elision), each word keyed by its
/// Snowball stem at the collation strength asked, and the key sequences stored in a trie.
/// The words of the terms are also worked out once here, so that a text word written as
/// in a term costs the matchers no stemming or collation key.
public struct TermDictionary: Sendable {
    /// A term of the dictionary.
    public struct Entry: Sendable, Equatable {
        public let conceptID: String
        /// The concept's position in the termbase the dictionary was built from.
        public let conceptIndex: Int
        public let text: String
        public let status: TermStatus
        /// Where the term is used (ISO 3166 codes); empty: everywhere.
        public let regions: [String]
        /// Reported wherever it appears (``Term/isForbidden``).
        public let isForbidden: Bool
        /// An acronym, abbreviation or short form: the same rendering as the concept's full
        /// form for `inconsistent-term` ("IBAN" beside "numéro de compte bancaire international").
        public let isShortForm: Bool
        /// The term's part of speech, when the termbase gives it: a noun and a verb of one
        /// concept ("transfert", "transférer") are not rival renderings.
        public let partOfSpeech: PartOfSpeech?
        /// The termbase's gender of the term where it narrows the term's forms: the French
        /// masculine noun "communs" does not stand for the feminine "communes"
        /// (``InflectionGuard/formGender(ofTerm:gender:)``).
        let formGender: GrammaticalGender?

        /// True when the term may be used in `region` (nil: the text's region is not known,
        /// so any region's term is).
        public func applies(in region: String?) -> Bool { RegionCode.covers(regions, region) }
    }

    public let language: String
    let strength: CollationStrength
    let splitsCompounds: Bool
    let inflection: InflectionGuard

    private(set) var entries: [Entry] = []
    /// The term words, folded (lowercase, accents removed), by folded id.
    private(set) var foldedWords: [String] = []
    private var foldedIDs: [String: Int32] = [:]
    /// Each entry's words as folded ids (-1 for words matched exactly), to check inflections.
    private(set) var entryWords = PackedLists([])
    /// The trie: node 0 is the root; edge keys are fuzzy word ids (>= 0) or exact word ids (< 0).
    private var edges = TrieEdges()
    /// For each node: the term words (folded ids) on the edge into it, and the entries
    /// that end there.
    private(set) var nodes = NodeLists(edgeWords: [], terminals: [])
    private var fuzzyIDs: [CollationKey: Int] = [:]
    /// Words of terms matched exactly, as written; an entry's number is its exact id.
    private var exactWords = WordTable()
    /// Single-word terms (lowercase surface and lowercase stem) for compounds.
    private(set) var singleWords: [String: [Int]] = [:]
    private(set) var singleStems: [String: [Int]] = [:]
    /// Per concept of the termbase: the index of its section in this language when the
    /// check's rules apply there (see `hasAcceptedEquivalent`), -1 when they do not, -2 when
    /// the concept has several sections in this language (regional tags).
    private(set) var ruleSections: [Int32] = []
    /// The words of the terms in lower case, with what a matcher needs to know about them.
    private var knownWords = WordTable()
    private var knownInfos: [WordInfo] = []

    /// Indexes every term of `language` in `termbase`.
    public init(termbase: Termbase, language: String, strength: CollationStrength = .primary) throws {
        let primary = LanguageTag.primary(language)
        self.language = primary
        self.strength = strength
        splitsCompounds = ["de", "lb", "nl", "sv", "da", "nb", "no"].contains(primary)
        inflection = InflectionGuard(language: primary)
        let keys = try WordKeys(language: primary, strength: strength)
        var words = TermWords()
        ruleSections.reserveCapacity(termbase.concepts.count)
        for (conceptIndex, concept) in termbase.concepts.enumerated() {
            var sections: [Int] = []
            for (sectionIndex, section) in concept.languages.enumerated() where LanguageTag.primary(section.language) == primary {
                sections.append(sectionIndex)
                for term in section.terms {
                    let shortForm = [.acronym, .abbreviation, .shortForm].contains(term.type)
                        || (term.exactMatch && term.text.count <= 8 && term.text == term.text.uppercased())
                    add(Entry(conceptID: concept.id, conceptIndex: conceptIndex, text: term.text, status: term.status,
                              regions: term.regions, isForbidden: term.isForbidden, isShortForm: shortForm,
                              partOfSpeech: term.partOfSpeech,
                              formGender: inflection.formGender(ofTerm: term.text, gender: term.gender)), exact: term.exactMatch,
                        keys: keys, words: &words)
                }
            }
            switch sections.count {
            case 0: ruleSections.append(-1)
            case 1: ruleSections.append(concept.languages[sections[0]].hasAcceptedEquivalent ? Int32(sections[0]) : -1)
            default: ruleSections.append(-2)
            }
        }
        entryWords = PackedLists(words.entryWords)
        nodes = NodeLists(edgeWords: words.edgeWords, terminals: words.terminals)
        // Once every term is in: a word's compound parts may come from a later term.
        for (lower, word) in words.byLowercase {
            let info = word.fuzzyID.map {
                WordInfo(fuzzyID: $0, folded: word.folded, foldedID: word.foldedID, exactID: nil, compoundEntries: [])
            } ?? wordInfo(for: lower, keys: keys)
            let utf16 = Array(lower.utf16)
            knownInfos.append(info)
            _ = knownWords.insert(utf16, 0..<utf16.count)
        }
    }

    /// The number of terms indexed.
    public var termCount: Int { entries.count }

    /// How words of `language` are matched to the terms' words, for `check --stats`: a
    /// Snowball stemmer, or endings by rule for languages without one.
    public static func matchingMethod(language: String) -> String {
        WordKeys.method(language: LanguageTag.primary(language))
    }

    /// The child of trie node `node` along the word key `key`.
    func child(of node: Int, _ key: Int) -> Int? { edges.child(of: node, key) }

    /// What the matchers need to know about `word`, a word of a text.
    func wordInfo(for word: String, keys: WordKeys) -> WordInfo {
        let utf16 = Array(word.utf16)
        var fuzzyID = fuzzyIDs[keys.fuzzyKey(word)]
        // Folding is only needed to check a word against the terms whose stem it shares.
        var folded = fuzzyID == nil ? "" : inflection.fold(word)
        // No real word is longer than this: a run of letters without a space (hostile or broken
        // text) is not split into compounds or read as a verb form, which costs its length squared.
        let isWordLike = word.utf16.count <= Self.longestWord
        if fuzzyID == nil && isWordLike {
            // A German participle is keyed as its verb ("hochgeladen" as "hochladen"), a Dutch
            // plural as its singular.
            for base in inflection.alternativeBases(word.lowercased()) {
                if let id = fuzzyIDs[keys.fuzzyKey(base)] {
                    fuzzyID = id
                    folded = inflection.fold(base)
                    break
                }
            }
        }
        var compound: [Int] = []
        if splitsCompounds && fuzzyID == nil && isWordLike && word.count >= 7 {
            compound = compoundEntries(word.lowercased(), keys: keys)
        }
        return WordInfo(fuzzyID: fuzzyID, folded: folded, foldedID: foldedIDs[folded] ?? -1,
                        exactID: exactWords.find(utf16, 0..<utf16.count), compoundEntries: compound)
    }

    /// The information worked out at build time for the word `utf16[range]` when it is a
    /// word of a term in any case; `scratch` is a buffer reused between calls.
    func knownWordInfo(_ utf16: [UInt16], _ range: Range<Int>, scratch: inout [UInt16]) -> WordInfo? {
        Self.lowercase(utf16, range, into: &scratch)
        guard let index = knownWords.find(scratch, 0..<scratch.count) else { return nil }
        var info = knownInfos[index]
        if exactWords.count > 0 { info.exactID = exactWords.find(utf16, range) }
        return info
    }

    /// Lower case of `utf16[range]`: by table for ASCII and Latin-1, else by the standard library.
    private static func lowercase(_ utf16: [UInt16], _ range: Range<Int>, into lower: inout [UInt16]) {
        lower.removeAll(keepingCapacity: true)
        for index in range {
            let unit = utf16[index]
            switch unit {
            case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE: lower.append(unit | 0x20)
            case 0...0xFF: lower.append(unit)
            default:
                lower = Array(String(utf16Units: utf16[range]).lowercased().utf16)
                return
            }
        }
    }

    /// Terms that start the word or are its head: the longest of each, the term at least 4
    /// letters, leaving at least 3 letters for the rest of the compound. The head is looked
    /// for as written ("höhe" in "bildhöhe") and by stem ("wahrung" in "fremdwährungen"),
    /// since the compound's stem may cut its head shorter than the head's own stem.
    private func compoundEntries(_ lower: String, keys: WordKeys) -> [Int] {
        let characters = Array(lower)
        var found: [Int] = []
        for length in stride(from: characters.count - 3, through: 4, by: -1) {
            if let prefix = singleWords[String(characters[..<length])] { found += prefix; break }
        }
        // A verb with a two-letter separable prefix holds its verb: "abspeichern", "umbenennen".
        let first = inflection.isSeparablePrefix(String(characters.prefix(2))) ? 2 : 3
        for start in stride(from: first, through: characters.count - 4, by: 1) {
            let head = String(characters[start...])
            if let entries = singleWords[head] { found += entries; return found }
            // An inflected head: "währungen" in "leitwährungen" (whose stem also cuts "-ung").
            for ending in Self.headEndings where head.hasSuffix(ending) && head.count - ending.count >= 4 {
                if let entries = singleWords[String(head.dropLast(ending.count))] { found += entries; return found }
            }
        }
        let stemmed = Array(keys.stem(lower))
        for start in stride(from: 3, through: stemmed.count - 3, by: 1) {
            let head = String(stemmed[start...])
            if let entries = singleStems[head] ?? singleWords[head] { found += entries; break }
        }
        return found
    }

    /// The other terms a term word holds as a compound ("Dateiendung" holds "Datei"), for
    /// the target's nested matches; `lower` is the word in lower case.
    func compoundParts(ofTermWord lower: String, keys: WordKeys) -> [Int] {
        guard splitsCompounds, lower.count >= 7, lower.utf16.count <= Self.longestWord else { return [] }
        return compoundEntries(lower, keys: keys).filter { entries[$0].text.lowercased() != lower }
    }

    /// The longest word (UTF-16 code units) split into compound parts or read as a verb form:
    /// German's long compounds have about 40 letters.
    static let longestWord = 64

    /// Plural and case endings of a compound's head, longest first.
    private static let headEndings = ["ern", "en", "er", "es", "e", "n", "s"]

    /// The words of the terms seen so far, each keyed once, and the tables being built.
    private struct TermWords {
        /// Fuzzy id (nil for words only matched exactly) and folded form, by lowercase word.
        var byLowercase: [String: (fuzzyID: Int?, folded: String, foldedID: Int32)] = [:]
        var entryWords: [[Int32]] = []
        var terminals: [[Int32]] = [[]]
        var edgeWords: [[Int32]] = [[]]
    }

    /// The id of a folded term word, given on first sight.
    private mutating func foldedID(_ folded: String) -> Int32 {
        if let known = foldedIDs[folded] { return known }
        let id = Int32(foldedWords.count)
        foldedWords.append(folded)
        foldedIDs[folded] = id
        return id
    }

    private mutating func add(_ entry: Entry, exact: Bool, keys: WordKeys, words termWords: inout TermWords) {
        let words = keys.tokenizer.wordStrings(in: entry.text)
        guard !words.isEmpty else { return }
        let index = entries.count
        entries.append(entry)
        var node = 0
        var folded: [Int32] = []
        var lastStem: String?
        for word in words {
            let lower = word.lowercased()
            let key: Int
            if exact {
                let utf16 = Array(word.utf16)
                key = -1 - (exactWords.find(utf16, 0..<utf16.count) ?? exactWords.insert(utf16, 0..<utf16.count))
                if termWords.byLowercase[lower] == nil { termWords.byLowercase[lower] = (nil, "", -1) }
                folded.append(-1)
            } else {
                if let known = termWords.byLowercase[lower], let fuzzyID = known.fuzzyID {
                    key = fuzzyID
                    folded.append(known.foldedID)
                } else {
                    let (stem, sortKey) = keys.stemAndKey(lower)
                    lastStem = stem
                    if let existing = fuzzyIDs[sortKey] {
                        key = existing
                    } else {
                        key = fuzzyIDs.count
                        fuzzyIDs[sortKey] = key
                    }
                    let form = inflection.fold(lower)
                    let formID = foldedID(form)
                    termWords.byLowercase[lower] = (key, form, formID)
                    folded.append(formID)
                }
            }
            if let next = edges.child(of: node, key) {
                node = next
            } else {
                edges.insert(node, key, child: termWords.terminals.count)
                termWords.terminals.append([])
                termWords.edgeWords.append([])
                node = termWords.terminals.count - 1
            }
            if let last = folded.last, last >= 0, !termWords.edgeWords[node].contains(last) { termWords.edgeWords[node].append(last) }
        }
        termWords.entryWords.append(folded)
        termWords.terminals[node].append(Int32(index))
        if splitsCompounds && !exact && words.count == 1 && words[0].count >= 4 {
            let lower = words[0].lowercased()
            singleWords[lower, default: []].append(index)
            // The word's stem, unless it was known already (then stemmed when first seen).
            singleStems[lastStem ?? keys.stem(lower), default: []].append(index)
        }
    }
}
