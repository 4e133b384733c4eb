import Foundation
import Linguistics
import TestSupport
import Testing

/// ICU's own conformance data, run through Passerelle's Collator.
@Suite("ICU collation conformance")
struct CollationConformanceTests {
    /// Every line of CollationTest_*_SHORT.txt must sort at or after the one before
    /// (root collation, normalization on). Lines hold code points in hex, lone
    /// surrogates included, hence the UTF-16 comparison.
    @Test("UCA root order", arguments: [
        ("CollationTest_NON_IGNORABLE_SHORT.txt", false),
        ("CollationTest_SHIFTED_SHORT.txt", true),
    ])
    func rootOrder(file: String, shifted: Bool) throws {
        let path = try Corpus.path("icu-collation-conformance/icu72/\(file)")
        let collator = try Collator(
            locale: "root", strength: shifted ? .quaternary : .tertiary,
            options: .init(alternateShifted: shifted, normalization: true))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var previous: [UInt16]?
        var checked = 0
        var violations: [String] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let first = line.first, first != "#" else { continue }
            let units = utf16(ofCodePoints: line)
            if let previous, collator.compare(utf16: previous, units) == .greater {
                violations.append("line \(number + 1): \(line)")
            }
            previous = units
            checked += 1
        }
        #expect(checked > 150_000, "only \(checked) lines read from \(file)")
        #expect(violations.isEmpty, "\(violations.count) lines sort before their predecessor, e.g. \(violations.prefix(5))")
    }

    private func utf16(ofCodePoints line: Substring) -> [UInt16] {
        var units: [UInt16] = []
        for field in line.split(separator: " ") {
            guard let value = UInt32(field, radix: 16) else { continue }
            if value >= 0x10000 {
                let offset = value - 0x10000
                units.append(UInt16(0xD800 + (offset >> 10)))
                units.append(UInt16(0xDC00 + (offset & 0x3FF)))
            } else {
                units.append(UInt16(value))
            }
        }
        return units
    }

    /// The German, German phonebook and French blocks of ICU's collationtest.txt.
    @Test("collationtest.txt: de, de-u-co-phonebk and French blocks")
    func dataDrivenBlocks() throws {
        let path = try Corpus.path("icu-collation-conformance/icu72/collationtest.txt")
        let blocks = try CollationTestFile(path: path).blocks
        let wanted: (CollationTestFile.Block) -> Bool = { block in
            let locale = block.locale.lowercased()
            return locale.hasPrefix("de") || locale.hasPrefix("fr") || block.title.contains("côté")
        }
        let selected = blocks.filter(wanted)
        #expect(selected.count >= 8, "expected the de, phonebook and French blocks, found \(selected.map(\.title))")
        var failures: [String] = []
        for block in selected {
            // ICU silently falls back from fr-CA-u-co-phonebk to fr-CA; Passerelle refuses
            // the unknown type instead (tested below) and checks the fallback's order here.
            let locale = block.locale == "fr-CA-u-co-phonebk" ? "fr-CA" : block.locale
            let collator = try Collator(locale: locale, strength: block.strength, options: block.options)
            for comparison in block.comparisons {
                if let problem = try comparison.check(with: collator) {
                    failures.append("\(block.title) [\(block.locale)] line \(comparison.line): \(problem)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test("an unsupported collation type is refused, not silently ignored")
    func unsupportedCollationType() {
        #expect(throws: LinguisticsError.self) { try Collator(locale: "fr-CA-u-co-phonebk") }
    }
}

/// A reader for ICU's collationtest.txt format (only what the selected blocks use).
struct CollationTestFile {
    struct Comparison {
        /// "=", "<1" ... "<4", "<c", "<i".
        let relation: String
        let previous: String
        let current: String
        let line: Int

        /// A description of the problem, or nil when the pair compares as stated.
        func check(with collator: Collator) throws -> String? {
            let order = collator.compare(previous, current)
            if relation == "=" {
                return order == .equal ? nil : "expected \(previous) = \(current), got \(order)"
            }
            guard order == .less else { return "expected \(previous) \(relation) \(current), got \(order)" }
            let levels: [Character: CollationStrength] = ["2": .primary, "3": .secondary, "4": .tertiary]
            if let level = relation.last, let coarser = levels[level] {
                if try collator.withStrength(coarser).compare(previous, current) != .equal {
                    return "\(previous) and \(current) should be equal at \(coarser) strength"
                }
            }
            return nil
        }
    }

    struct Block {
        var title: String
        var locale = "root"
        var strength: CollationStrength?
        var options = Collator.Options()
        var comparisons: [Comparison] = []
        var usesRules = false
    }

    let blocks: [Block]

    init(path: String) throws {
        var blocks: [Block] = []
        var current: Block?
        var previous: String?
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = String(rawLine)
            if let hash = line.range(of: "#"), !line.hasPrefix("#") { line = String(line[..<hash.lowerBound]) }
            line = line.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("** test:") {
                if let block = current { blocks.append(block) }
                // Settings carry over to the next test until an "@" line resets them.
                current = Block(title: String(line.dropFirst(8)).trimmingCharacters(in: .whitespaces), locale: current?.locale ?? "root",
                                strength: current?.strength, options: current?.options ?? Collator.Options(),
                                usesRules: current?.usesRules ?? false)
                continue
            }
            guard current != nil else { continue }
            if line.hasPrefix("@ locale ") {
                if let block = current, !block.comparisons.isEmpty { blocks.append(block); current?.comparisons = [] }
                current?.locale = String(line.dropFirst(9)); current?.usesRules = false
                current?.strength = nil; current?.options = Collator.Options()
            } else if line == "@ root" {
                current?.locale = "root"; current?.usesRules = false
                current?.strength = nil; current?.options = Collator.Options()
            } else if line.hasPrefix("@ rules") {
                current?.usesRules = true
            } else if line.hasPrefix("% ") {
                let setting = line.dropFirst(2).split(separator: "=").map(String.init)
                guard setting.count == 2 else { continue }
                switch setting[0] {
                case "strength": current?.strength = CollationStrength(rawValue: setting[1])
                case "backwards": current?.options.backwardsSecondary = setting[1] == "on"
                case "alternate": current?.options.alternateShifted = setting[1] == "shifted"
                case "numeric": current?.options.numeric = setting[1] == "on"
                case "caseFirst": current?.options.caseFirst = CaseFirst(rawValue: setting[1])
                default: current?.usesRules = true // a setting this reader does not model: skip the block
                }
            } else if line.hasPrefix("* compare") {
                previous = nil
            } else if line.hasPrefix("=") || line.hasPrefix("<") {
                let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
                let string = Self.unescape(parts.count > 1 ? parts[1] : "")
                if let before = previous, current?.usesRules == false {
                    current?.comparisons.append(Comparison(relation: parts[0], previous: before, current: string, line: index + 1))
                }
                previous = string
            } else if line.hasPrefix("* ") {
                previous = nil
            }
        }
        if let block = current { blocks.append(block) }
        self.blocks = blocks.filter { !$0.usesRules && !$0.comparisons.isEmpty }
    }

    /// Resolves \uXXXX and \UXXXXXXXX escapes.
    static func unescape(_ text: String) -> String {
        var result = ""
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if scalar == "\\", let kind = scalars.first, kind == "u" || kind == "U" {
                scalars.removeFirst()
                let width = kind == "u" ? 4 : 8
                let hex = String(String.UnicodeScalarView(scalars.prefix(width)))
                scalars.removeFirst(min(width, scalars.count))
                if let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) {
                    result.unicodeScalars.append(decoded)
                }
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
