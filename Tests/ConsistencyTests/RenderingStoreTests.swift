@testable import Consistency
import Testing

@Suite("inconsistent-term's renderings beyond memory")
struct RenderingStoreTests {
    @Test("renderings past the memory limit go to a temporary file and come back the same, in order, twice")
    func spill() {
        let store = RenderingStore(memoryLimit: 3)
        let states: [SegmentState?] = [nil, .initial, .translated, .reviewed, .final]
        func rendering(_ number: Int) -> TermRenderings.Rendering {
            let unit = TermRenderings.UnitRecord(file: Int32(number % 2), line: Int32(70_000 + number), column: Int32(number % 7), segment: number % 3 == 0 ? -1 : 4,
                                                 languages: 1, id: "unité-\(number)", state: states[number % states.count], locked: number % 4 == 0)
            let texts: (source: String, target: String?)? = number % 3 == 0 ? nil : ("Source « \(number) »", number % 2 == 0 ? nil : "Ziel \(number)")
            return TermRenderings.Rendering(key: Int32(number), term: 2, sourceTerm: 3, targetTerm: 4, alternatives: number % 5 == 0 ? -1 : 5,
                                            unit: unit, texts: texts)
        }
        func describe(_ value: TermRenderings.Rendering) -> String {
            let unit = value.unit
            return "\(value.key) \(value.term) \(value.sourceTerm) \(value.targetTerm) \(value.alternatives) \(unit.file) \(unit.line) \(unit.column) "
                + "\(unit.segment) \(unit.languages) \(unit.id) \(String(describing: unit.state)) \(unit.locked) "
                + "\(value.texts.map { "\($0.source)|\($0.target ?? "nil")" } ?? "dropped")"
        }
        let expected = (0..<50).map { describe(rendering($0)) }
        for number in 0..<50 { store.append(rendering(number)) }
        for _ in 0..<2 {
            var read: [String] = []
            store.forEach { read.append(describe($0)) }
            #expect(read == expected)
        }
        store.append(rendering(50))
        var count = 0
        store.forEach { _ in count += 1 }
        #expect(count == 51, "appending after reading goes on at the end")
    }
}
