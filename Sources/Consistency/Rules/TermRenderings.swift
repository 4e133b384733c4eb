import Linguistics
import Terminology

/// Which accepted term rendered each concept in each unit, for `inconsistent-term`.
/// Each parallel ``UnitChecker`` keeps its own; ``inconsistencies(_:concepts:)`` merges them.
struct TermRenderings {
    /// A concept in a target language variant (`fr-BE`), and part of speech when known (`fr/noun`).
    struct Key: Hashable {
        let concept: Int
        let language: String
    }

    /// One accepted rendering of a concept in a unit, in a few bytes: millions are kept
    /// on a large file (one per unit and concept, ``RenderingStore``). Strings are numbers in
    /// ``strings``; the unit's texts are dropped when its term leads so far (they would hold
    /// gigabytes for warnings that are unlikely to be given).
    struct Rendering {
        let key: Int32
        let term: Int32
        let sourceTerm: Int32
        let targetTerm: Int32
        /// The other accepted terms of the concept in the same unit, joined (-1: none): a
        /// unit that also uses the majority's term is not inconsistent.
        let alternatives: Int32
        let unit: UnitRecord
        /// The unit's source and target, nil when dropped.
        let texts: (source: String, target: String?)?
    }

    /// What a rendering keeps of its unit.
    struct UnitRecord {
        let file: Int32
        let line: Int32
        let column: Int32
        /// The segment (-1: none), the languages ("fr de"), in ``strings``.
        let segment: Int32
        let languages: Int32
        let id: String
        let state: SegmentState?
        let locked: Bool
    }

    /// Strings kept once each, by number.
    struct StringTable {
        private(set) var strings: [String] = []
        private var numbers: [String: Int32] = [:]

        mutating func number(_ string: String) -> Int32 {
            if let known = numbers[string] { return known }
            let number = Int32(strings.count)
            strings.append(string)
            numbers[string] = number
            return number
        }

        subscript(number: Int32) -> String { strings[Int(number)] }
    }

    /// How often each accepted term rendered a concept so far: the first term inline (most
    /// concepts are rendered one way), the others in a dictionary made only when needed.
    struct Tally {
        private var first = ""
        private var firstCount = 0
        private var others: [String: Int] = [:]

        /// Counts `count` more uses of `term`; returns its count now.
        mutating func add(_ term: String, count: Int = 1) -> Int {
            if firstCount == 0 || term == first {
                first = term
                firstCount += count
                return firstCount
            }
            others[term, default: 0] += count
            return others[term] ?? 0
        }

        /// Counts one more use of `term`; true when `term` now leads alone, used more than once.
        mutating func addLeading(_ term: String) -> Bool {
            let mine = add(term)
            guard mine > 1, term == first || firstCount < mine else { return false }
            return !others.contains { $0.key != term && $0.value >= mine }
        }

        /// Adds the counts of another tally.
        mutating func merge(_ other: Tally) {
            if other.firstCount > 0 { _ = add(other.first, count: other.firstCount) }
            for (term, count) in other.others { _ = add(term, count: count) }
        }

        /// True when more than one term was used.
        var isMixed: Bool { !others.isEmpty }

        /// The term used most and its count; a tie goes to the term `favoured` says first
        /// (the glossary's preferred term), then to the term first in order.
        func leader(favoured: (String) -> Bool = { _ in false }) -> (term: String, count: Int) {
            var best = (term: first, count: firstCount)
            for (term, count) in others {
                let better = count > best.count
                    || (count == best.count && (favoured(term) != favoured(best.term) ? favoured(term) : term < best.term))
                if better { best = (term, count) }
            }
            return best
        }
    }

    private(set) var tallies: [Key: Tally] = [:]
    /// Every rendering recorded, in order (on disk beyond a few hundred thousand).
    let renderings = RenderingStore()
    private var keys: [Key] = []
    private var keyNumbers: [Key: Int32] = [:]
    private var strings = StringTable()

    mutating func record(concept: Int, language: String, term: String, unit: BilingualUnit, sourceTerm: String, targetTerm: String,
                         alternatives: [String] = []) {
        let key = Key(concept: concept, language: language)
        let keyNumber = keyNumbers[key] ?? {
            keys.append(key)
            keyNumbers[key] = Int32(keys.count - 1)
            return Int32(keys.count - 1)
        }()
        // Texts are kept for the first rendering of each term and for any term not leading.
        let leads = tallies[key, default: Tally()].addLeading(term)
        let record = UnitRecord(file: strings.number(unit.file), line: Int32(clamping: unit.line), column: Int32(clamping: unit.column),
                                segment: unit.segment.map { strings.number($0) } ?? -1,
                                languages: strings.number(unit.sourceLanguage + " " + unit.targetLanguage),
                                id: unit.id, state: unit.state, locked: unit.locked)
        renderings.append(Rendering(key: keyNumber, term: strings.number(term), sourceTerm: strings.number(sourceTerm),
                                    targetTerm: strings.number(targetTerm),
                                    alternatives: alternatives.isEmpty ? -1 : strings.number(alternatives.joined(separator: "\u{1F}")),
                                    unit: record, texts: leads ? nil : (unit.source, unit.target)))
    }

    /// The key of a rendering recorded here.
    func key(of rendering: Rendering) -> Key { keys[Int(rendering.key)] }

    /// The string numbered `number` here.
    func string(_ number: Int32) -> String { strings[number] }

    /// The other accepted terms of a rendering's unit.
    func alternatives(of rendering: Rendering) -> [String] {
        rendering.alternatives < 0 ? [] : strings[rendering.alternatives].split(separator: "\u{1F}").map(String.init)
    }

    /// The unit of a rendering, as it was read (without its texts when they were dropped).
    func unit(of rendering: Rendering) -> BilingualUnit {
        let record = rendering.unit
        let languages = strings[record.languages].split(separator: " ", maxSplits: 1).map(String.init)
        let text = rendering.texts ?? ("", nil)
        return BilingualUnit(file: strings[record.file], id: record.id, line: Int(record.line), column: Int(record.column),
                             segment: record.segment < 0 ? nil : strings[record.segment], state: record.state, locked: record.locked,
                             sourceLanguage: languages.first ?? "", targetLanguage: languages.count > 1 ? languages[1] : "",
                             source: text.0, target: text.1)
    }

    /// One concept rendered with several accepted terms in one language: a warning on each
    /// unit that does not use the most frequent term (ties go to the preferred term, then to
    /// the term first in order).
    static func inconsistencies(_ parts: [TermRenderings], concepts: [Concept]) -> [Finding] {
        var totals = parts.first?.tallies ?? [:]
        for part in parts.dropFirst() {
            for (key, tally) in part.tallies { totals[key, default: Tally()].merge(tally) }
        }
        var majorities: [Key: (term: String, count: Int)] = [:]
        for (key, tally) in totals where tally.isMixed {
            // A tie goes to the preferred term of the concept in that language.
            let language = LanguageTag.primary(String(key.language.prefix { $0 != "/" }))
            let preferred = Set(concepts[key.concept].languages.filter { LanguageTag.primary($0.language) == language }
                .flatMap(\.terms).filter { $0.status == .preferred }.map(\.text))
            majorities[key] = tally.leader { preferred.contains($0) }
        }
        guard !majorities.isEmpty else { return [] }
        // The example of the majority: its earliest unit.
        var examples: [Key: BilingualUnit] = [:]
        for part in parts {
            part.renderings.forEach { rendering in
                let key = part.key(of: rendering)
                guard let majority = majorities[key], part.string(rendering.term) == majority.term else { return }
                let file = part.string(rendering.unit.file), line = Int(rendering.unit.line)
                if let example = examples[key], (example.file, example.line) <= (file, line) { return }
                examples[key] = part.unit(of: rendering)
            }
        }
        var findings: [Finding] = []
        for part in parts {
            part.renderings.forEach { rendering in
                let key = part.key(of: rendering), term = part.string(rendering.term)
                guard let majority = majorities[key], term != majority.term,
                      !part.alternatives(of: rendering).contains(majority.term), let example = examples[key] else { return }
                let conceptID = concepts[key.concept].id
                let location = example.line > 0 ? "\(example.file):\(example.line)" : example.file
                findings.append(Finding(part.unit(of: rendering), rule: .inconsistentTerm, conceptID: conceptID,
                    sourceTerm: part.string(rendering.sourceTerm), targetTerm: part.string(rendering.targetTerm),
                    message: "\(conceptID) is rendered '\(term)' here but '\(majority.term)' in \(majority.count) other unit(s), e.g. \(location) (\(example.displayID))"))
            }
        }
        return findings
    }
}
