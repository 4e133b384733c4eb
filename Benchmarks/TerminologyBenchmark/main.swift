// Termbase benchmark: generated glossaries of 1k, 10k and 100k concepts in fr/de/en.
//
//   swift run -c release terminology-benchmark [sizes...]     (or: make bench)
//
// For each size: write the native XML, then time load (parse + RELAX NG + model),
// index (German collation index + lookup index) and 1,000 lookups. Figures are
// printed with ratios to the smallest size, so the growth is visible on a noisy
// machine: load and index should grow about linearly (per-concept time flat),
// lookups should not grow with the size.
import Foundation
import Terminology
import XMLSupport

let sizes = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let runSizes = sizes.isEmpty ? [1_000, 10_000, 100_000] : sizes

let stems = ["économie", "coopérative", "entreprise", "solidarité", "développement", "association", "mutuelle", "fondation"]
let adjectives = ["sociale", "locale", "solidaire", "durable", "territoriale", "collective", "inclusive", "circulaire"]
let germanStems = ["Wirtschaft", "Genossenschaft", "Unternehmen", "Entwicklung", "Verein", "Stiftung", "Förderung", "Ökonomie"]
let germanPrefixes = ["Sozial", "Regional", "Solidar", "Gemeinwohl", "Kreislauf", "Bürger", "Nachbarschafts", "Grenz"]
let englishStems = ["economy", "cooperative", "enterprise", "development", "association", "foundation", "finance", "housing"]

/// A deterministic word for concept `n` (a mixed-radix spelling of n keeps terms unique).
func word(_ n: Int, _ list: [String]) -> String { list[n % list.count] }
func suffix(_ n: Int) -> String { String(n, radix: 26).map { String(UnicodeScalar(UInt8(($0.wholeNumberValue ?? 0) + 97))) }.joined() }

func generate(_ count: Int) -> Termbase {
    var concepts: [Concept] = []
    concepts.reserveCapacity(count)
    for n in 0..<count {
        let tag = suffix(n)
        concepts.append(Concept(id: "c\(n)", subjectField: "generated", relations: n > 0 ? [ConceptRelation(.related, "c\(n - 1)")] : [], languages: [
            LanguageSection(language: "fr", equivalence: .exact, definitions: [Definition("Définition générée \(n).", source: "générateur")],
                            terms: [Term("\(word(n, stems)) \(word(n / 8, adjectives)) \(tag)", status: .preferred),
                                    Term("\(word(n + 3, stems)) \(tag)", status: .deprecated)]),
            LanguageSection(language: "de", equivalence: .close,
                            terms: [Term("\(word(n, germanPrefixes))\(word(n / 8, germanStems).lowercased())\(tag)", status: .preferred)]),
            LanguageSection(language: "en", equivalence: .exact,
                            terms: [Term("\(tag) \(word(n, englishStems))", status: .preferred)]),
        ]))
    }
    return Termbase(title: "generated", concepts: concepts)
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

print("size      load(s)  per-concept(µs)  index(s)  per-concept(µs)  1000 lookups(ms)  lookup ratio")
var baseline: (load: Double, index: Double, lookup: Double)?
for size in runSizes {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-bench-\(size).xml").path
    try GlossaryFormat.native.write(generate(size), to: path)
    var termbase = Termbase()
    var tree: XMLTree?
    let parse = try seconds { tree = try XMLTree.parse(file: path) }
    let validate = try seconds { try NativeGlossaryFormat.validate(tree!) }
    let load = try seconds { termbase = try GlossaryFormat.read(file: path) }
    print(String(format: "  (parse %.3fs, validate %.3fs of the load)", parse, validate))
    var lookup: TermLookup?
    let index = try seconds {
        _ = try TermIndex(termbase: termbase, language: "de")
        lookup = try TermLookup(termbase: termbase)
    }
    var found = 0
    let queries = (0..<1_000).map { i -> String in
        let n = (i * 7919) % size
        return "\(word(n, stems).uppercased()) \(word(n / 8, adjectives))s \(suffix(n))"
    }
    // Exact lookups: the cost must not depend on the termbase size.
    let lookups = try seconds {
        for query in queries { found += try lookup!.findExact(query, language: "fr").isEmpty ? 0 : 1 }
    }
    let perLoad = load / Double(size) * 1e6, perIndex = index / Double(size) * 1e6
    if baseline == nil { baseline = (perLoad, perIndex, lookups) }
    print(String(format: "%-8d  %7.3f  %15.1f  %8.3f  %15.1f  %16.1f  %12.2f   (%d/1000 found)", size, load, perLoad, index, perIndex,
                 lookups * 1000, lookups / baseline!.lookup, found))
    try? FileManager.default.removeItem(atPath: path)
}
if let baseline {
    print(String(format: "baseline (smallest size): load %.1f µs/concept, index %.1f µs/concept", baseline.load, baseline.index))
}
