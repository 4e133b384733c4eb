// passerelle check benchmark: generated XLIFF 1.2 (fr -> de) files and TBX glossaries with
// seeded errors; throughput, peak memory, recall, the ratio to ICU word-break tokenisation
// of the same text (the floor), and termflex on the same files.
//
//   bash Benchmarks/check-benchmark.sh        (documented in the README)
//
// Environment: UNITS (default "20000,200000"), CONCEPTS (default "100,5000,100000"),
// TERMFLEX (path to a termflex executable; skipped when empty or missing), RUNS (best of, default 5).
import Consistency
import Foundation
import Linguistics
import Terminology

/// Deterministic random numbers (SplitMix64), so every run generates the same files.
struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

let syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "be", "du", "fa", "gi", "ho", "ju", "pe", "qua", "ri", "so", "tu", "ze", "bra", "cle", "dro", "fli", "gru", "pla", "stro", "tri"]

/// A pseudo-word of 3 or 4 syllables, unique for `index`.
func pseudoWord(_ index: Int, salt: Int) -> String {
    var value = index * 7919 + salt * 104_729 + 13
    var word = ""
    for _ in 0..<4 {
        word += syllables[value % syllables.count]
        value /= syllables.count
        if value == 0 { break }
    }
    return word + syllables[(index + salt) % syllables.count]
}

struct Corpus {
    var termbase = Termbase()
    /// Per concept: fr term, preferred de term, deprecated de term (or nil).
    var terms: [(fr: String, de: String, deprecated: String?)] = []
}

func makeGlossary(concepts: Int) -> Corpus {
    var corpus = Corpus()
    var random = Random(state: UInt64(concepts))
    for index in 0..<concepts {
        let fr = random.chance(40) ? "\(pseudoWord(index, salt: 1)) \(pseudoWord(index, salt: 2))" : pseudoWord(index, salt: 1)
        let de = pseudoWord(index, salt: 3).capitalized
        let en = pseudoWord(index, salt: 5)
        let deprecated = random.chance(30) ? pseudoWord(index, salt: 4).capitalized : nil
        var german = [Term(de, status: .preferred)]
        if let deprecated { german.append(Term(deprecated, status: .deprecated)) }
        corpus.termbase.concepts.append(Concept(id: "c\(index)", languages: [
            LanguageSection(language: "fr", terms: [Term(fr, status: .preferred)]),
            LanguageSection(language: "de", terms: german),
            LanguageSection(language: "en", terms: [Term(en, status: .preferred)]),
        ]))
        corpus.terms.append((fr, de, deprecated))
    }
    return corpus
}

let frenchFiller = ["le", "projet", "de", "la", "coopération", "régionale", "permet", "aux", "partenaires", "développer", "des",
                    "actions", "communes", "pour", "les", "entreprises", "du", "territoire", "avec", "une", "attention",
                    "particulière", "à", "emploi", "et", "formation", "nouvelles", "rencontres", "depuis", "trois", "ans"]
let germanFiller = ["das", "Projekt", "der", "regionalen", "Zusammenarbeit", "ermöglicht", "den", "Partnern", "gemeinsame",
                    "Maßnahmen", "für", "die", "Unternehmen", "Region", "zu", "entwickeln", "mit", "besonderer",
                    "Aufmerksamkeit", "auf", "Beschäftigung", "und", "Ausbildung", "neue", "Treffen", "seit", "drei", "Jahren"]

/// What was seeded in each unit.
enum Seed { case none, missing, deprecated }

func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
}

/// Writes the XLIFF 1.2 file; returns the seeds per unit id and the texts (for the floor).
func makeXLIFF(units: Int, corpus: Corpus, path: String) throws -> (seeds: [String: Seed], texts: [(String, String)]) {
    var random = Random(state: UInt64(units) &* 31 &+ UInt64(corpus.terms.count))
    var seeds: [String: Seed] = [:]
    var texts: [(String, String)] = []
    texts.reserveCapacity(units)
    FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    var buffer = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file source-language=\"fr\" target-language=\"de\" datatype=\"plaintext\" original=\"bench\">\n<body>\n"
    for index in 0..<units {
        let concept = random.below(corpus.terms.count)
        let term = corpus.terms[concept]
        var seed = Seed.none
        if random.chance(4) { seed = .missing } else if term.deprecated != nil && random.chance(3) { seed = .deprecated }
        var source = (0..<12).map { _ in frenchFiller[random.below(frenchFiller.count)] }
        var target = (0..<11).map { _ in germanFiller[random.below(germanFiller.count)] }
        source.insert(term.fr, at: 5)
        switch seed {
        case .none: target.insert(term.de, at: 5)
        case .missing: break
        case .deprecated: target.insert(term.deprecated!, at: 5)
        }
        let sourceText = source.joined(separator: " ").capitalizedFirst + "."
        let targetText = target.joined(separator: " ").capitalizedFirst + "."
        seeds["u\(index)"] = seed
        texts.append((sourceText, targetText))
        buffer += "<trans-unit id=\"u\(index)\"><source>\(escape(sourceText))</source><target>\(escape(targetText))</target></trans-unit>\n"
        if buffer.utf8.count > 1 << 20 { handle.write(Data(buffer.utf8)); buffer = "" }
    }
    buffer += "</body>\n</file>\n</xliff>\n"
    handle.write(Data(buffer.utf8))
    try handle.close()
    return (seeds, texts)
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// The best time of `runs` runs: the machines are noisy, the minimum is the most repeatable.
func best(of runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs { times.append(try seconds(body)) }
    return times.min()!
}

/// The best times of two tasks run in turn, `runs` times each: a ratio of the two is not
/// skewed by a slow spell of the machine falling on one of them.
func bestInTurn(of runs: Int, _ first: () throws -> Void, _ second: () throws -> Void) rethrows -> (Double, Double) {
    var a = Double.infinity, b = Double.infinity
    for _ in 0..<runs {
        a = min(a, try seconds(first))
        b = min(b, try seconds(second))
    }
    return (a, b)
}

/// Recall on the seeds: missing seeds found as missing-term, deprecated seeds as deprecated-term.
func recall(_ seeds: [String: Seed], findings: [(unit: String, rule: String)]) -> (missing: Double, deprecated: Double) {
    let missingFound = Set(findings.filter { $0.rule == "missing-term" }.map(\.unit))
    let deprecatedFound = Set(findings.filter { $0.rule == "deprecated-term" }.map(\.unit))
    let missing = seeds.filter { $0.value == .missing }.map(\.key)
    let deprecated = seeds.filter { $0.value == .deprecated }.map(\.key)
    return (Double(missing.filter(missingFound.contains).count) / Double(max(missing.count, 1)),
            Double(deprecated.filter(deprecatedFound.contains).count) / Double(max(deprecated.count, 1)))
}

/// Runs a command; returns (seconds, stdout, stderr). Spawned with posix_spawn and timed
/// to its exit: Foundation's Process added about 0.1 s here (it closes every possible file
/// descriptor before exec), which would be counted against the command.
func run(_ executable: String, _ arguments: [String]) throws -> (Double, String, String) {
    let work = FileManager.default.temporaryDirectory.path
    let outPath = "\(work)/passerelle-bench-\(getpid()).out", errPath = "\(work)/passerelle-bench-\(getpid()).err"
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    var status: Int32 = 0
    let time = seconds {
        guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { return }
        waitpid(pid, &status, 0)
    }
    guard pid != 0 else { throw CocoaError(.executableLoad) }
    let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    try? FileManager.default.removeItem(atPath: outPath)
    try? FileManager.default.removeItem(atPath: errPath)
    return (time, out, err)
}

// MARK: Main

let environment = ProcessInfo.processInfo.environment
let unitSizes = (environment["UNITS"] ?? "20000,200000").split(separator: ",").compactMap { Int($0) }
let conceptSizes = (environment["CONCEPTS"] ?? "100,5000,100000").split(separator: ",").compactMap { Int($0) }
/// Every time is the best of this many runs (termflex: one run).
let runs = max(1, Int(environment["RUNS"] ?? "5") ?? 5)
let termflex = environment["TERMFLEX"].flatMap { FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil }
let work = "Benchmarks/work/check"
let binary = ".build/release/passerelle"
try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)

print(["units   ", "concepts ", " build s", "  check s", " units/s", "      MB/s", "floor x", " peak MB", " miss rec", " depr rec", "    CLI s"].joined(separator: " "))
var termflexRows: [String] = []
for units in unitSizes {
    for concepts in conceptSizes {
        // The 200,000-unit file is measured with the middle glossary only (memory and throughput).
        if units > unitSizes.min()! && concepts != 5000 && conceptSizes.contains(5000) { continue }
        let corpus = makeGlossary(concepts: concepts)
        let glossary = "\(work)/glossary-\(concepts).tbx"
        try GlossaryFormat.tbx.write(corpus.termbase, to: glossary)
        let file = "\(work)/units-\(units)-\(concepts).xlf"
        let (seeds, texts) = try makeXLIFF(units: units, corpus: corpus, path: file)
        let megabytes = Double((try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0) / 1_048_576

        // The floor: ICU word breaks of the same texts, alone.
        let french = try WordTokenizer(locale: "fr"), german = try WordTokenizer(locale: "de")
        var words = 0
        func tokenize() { words = 0; for (source, target) in texts { words += french.words(in: source).count + german.words(in: target).count } }

        // Parts: streaming the XLIFF alone; matching the terms of both texts alone.
        var readUnits = 0
        var readTime = Double.infinity
        for _ in 0..<runs { readTime = min(readTime, try seconds { readUnits = try BilingualReader().units(in: file).units.count }) }
        var frenchMatcher: TermMatcher?, germanMatcher: TermMatcher?
        let serialBuild = try seconds {
            frenchMatcher = try TermMatcher(termbase: corpus.termbase, language: "fr")
            germanMatcher = try TermMatcher(termbase: corpus.termbase, language: "de")
        }
        var matched = 0
        let matchTime = best(of: runs) { matched = 0; for (source, target) in texts { matched += frenchMatcher!.matches(in: source).count + germanMatcher!.matches(in: target).count } }
        // What the check adds to matching: masking both texts, and the target's nested terms.
        var masked = 0
        let maskTime = best(of: runs) { masked = 0; for (source, target) in texts { masked += TextMasker.standard.mask(source).utf8.count + TextMasker.standard.mask(target).utf8.count } }
        let nestedTime = best(of: runs) { for (_, target) in texts { matched += germanMatcher!.matches(in: target, nested: true).count } }

        // In-process: read the XLIFF and run every rule (the termbase is already loaded).
        // The checker indexes the concepts and builds the dictionaries once per run (both
        // languages in parallel): timed apart.
        var checker: ConsistencyChecker!
        let buildTime = seconds {
            checker = ConsistencyChecker(termbase: corpus.termbase)
            checker.prepare(languages: ["fr", "de"])
        }
        var report: CheckReport?
        // The floor and the check run in turn.
        let (floor, checking) = bestInTurn(of: runs, tokenize, { report = checker.check(files: [file]) })
        FileHandle.standardError.write(Data(String(format: "  %d x %d parts: floor %.3f s, read %.3f s (%d units), build %.3f s (one core), match %.3f s (one core), mask %.3f s, nested target match %.3f s\n",
                                                   units, concepts, floor, readTime, readUnits, serialBuild, matchTime, maskTime, nestedTime).utf8))
        let found = report!.findings.map { ($0.unit, $0.rule.rawValue) }
        let (missingRecall, deprecatedRecall) = recall(seeds, findings: found)

        // The CLI, as users run it (glossary loading included), for peak memory.
        var (cliTime, _, stderr) = try run(binary, ["check", file, "--glossary", glossary, "--format", "json", "-o", "\(work)/report.json", "--stats"])
        // The whole command is short for 20,000 units: twice as many runs catch a calm moment.
        for _ in 1..<(units <= 20_000 ? runs * 2 : runs) {
            cliTime = min(cliTime, try run(binary, ["check", file, "--glossary", glossary, "--format", "json", "-o", "\(work)/report.json"]).0)
        }
        let peak = stderr.range(of: #"peak memory (\d+) MB"#, options: .regularExpression)
            .map { String(stderr[$0]).split(separator: " ")[2] }.map(String.init) ?? "?"
        print(String(format: "%-8d %-9d %8.2f %9.2f %8.0f %10.2f %7.2f %8@ %8.1f%% %8.1f%% %9.2f", units, concepts, buildTime, checking,
                     Double(units) / checking, megabytes / checking, checking / floor, peak as NSString,
                     missingRecall * 100, deprecatedRecall * 100, cliTime))

        if let termflex, units == unitSizes.min()!, concepts == 5000 || conceptSizes.count == 1 {
            let output = "\(work)/termflex-\(units)-\(concepts).json"
            let (time, _, _) = try run(termflex, ["--glossary", glossary, "--src", "fr", "--tgt", "de", "--json", output, "-q", file])
            var flagged: [(String, String)] = []
            if let data = FileManager.default.contents(atPath: output),
               let results = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] {
                // termflex names units by line; the generated file has unit u0 on line 5, one per line.
                for result in results where !((result["failed"] as? [Any]) ?? []).isEmpty {
                    if let line = result["line"] as? Int { flagged.append(("u\(line - 5)", "missing-term")) }
                }
            }
            let flaggedUnits = Set(flagged.map(\.0))
            let missing = seeds.filter { $0.value == .missing }.map(\.key)
            let deprecated = seeds.filter { $0.value == .deprecated }.map(\.key)
            termflexRows.append(String(format: "termflex %d units x %d concepts: %.2f s (passerelle CLI %.2f s: %.0fx faster); termflex flags %.1f%% of the seeded missing terms and %.1f%% of the seeded deprecated ones",
                                       units, concepts, time, cliTime, time / cliTime,
                                       Double(missing.filter(flaggedUnits.contains).count) * 100 / Double(max(missing.count, 1)),
                                       Double(deprecated.filter(flaggedUnits.contains).count) * 100 / Double(max(deprecated.count, 1))))
        }
    }
}
print("")
print("build s: the fr and de term dictionaries (in parallel); check s: in-process read + all rules, dictionaries built;")
print("units/s, MB/s and floor x (ratio to ICU word-break tokenisation of the same texts alone) are of check s;")
print("peak MB: resident peak of `passerelle check --stats` (CLI); CLI s: the whole command, glossary loading included.")
print("Times are the best of \(runs) runs (RUNS=...; the CLI on 20,000 units: \(runs * 2)), termflex one run.")
for row in termflexRows { print(row) }
if termflex == nil { print("termflex: not run (set TERMFLEX to its executable; Benchmarks/check-benchmark.sh installs it in a venv)") }
