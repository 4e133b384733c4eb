import Base
import Foundation
import Terminology
import XMLSupport

/// What `passerelle check` found in a set of files.
public struct CheckReport: Sendable {
    /// Findings in a deterministic order: by file, line, unit, rule.
    public var findings: [Finding]
    /// Files that could not be read, each with file:line:column.
    public var problems: [Diagnostic]
    /// What was read but looks wrong (a unit id used twice), each with file:line:column;
    /// the units are still checked.
    public var notices: [Diagnostic] = []
    public var fileCount: Int
    public var unitCount: Int
    public var byteCount: Int
    /// Units read but not checked: locked, or in a state not asked for (``ConsistencyChecker/states``).
    public var skippedUnits = 0
    /// Findings the baseline suppressed (not in ``findings``).
    public var suppressedCount = 0
    /// The findings the baseline suppressed, when the findings are kept (not streamed): a
    /// baseline written again keeps them.
    public var suppressedFindings: [Finding] = []
    /// The languages of the units checked, as written.
    public var languages: Set<String> = []
    /// The findings given to a stream rather than kept in ``findings``, by rule, and how many are errors.
    var streamedByRule: [CheckRule: Int] = [:]
    var streamedErrors = 0

    /// The findings made, by rule: those in ``findings`` and those given to a stream.
    public var countsByRule: [CheckRule: Int] {
        findings.reduce(into: streamedByRule) { $0[$1.rule, default: 0] += 1 }
    }
    /// The error findings made (in ``findings`` or streamed).
    public var errorCount: Int { streamedErrors + findings.filter { $0.severity == .error }.count }
    /// The warning findings made (in ``findings`` or streamed).
    public var warningCount: Int { streamedByRule.values.reduce(0, +) - streamedErrors + findings.filter { $0.severity != .error }.count }

    /// True when a finding is an error.
    public var hasErrors: Bool { errorCount > 0 }

    /// Counts findings given to a stream.
    mutating func countStreamed(_ found: [Finding]) {
        for finding in found {
            streamedByRule[finding.rule, default: 0] += 1
            if finding.severity == .error { streamedErrors += 1 }
        }
    }

    /// "3 file(s), 120 unit(s): 2 error(s), 1 warning(s)", with what was suppressed,
    /// skipped or unreadable.
    public var summary: String {
        var text = "\(fileCount) file(s), \(unitCount) unit(s): \(errorCount) error(s), \(warningCount) warning(s)"
        if suppressedCount > 0 { text += ", \(suppressedCount) suppressed by the baseline" }
        if skippedUnits > 0 { text += ", \(skippedUnits) unit(s) not checked (locked, or in a state not asked for)" }
        if !problems.isEmpty { text += ", \(problems.count) file problem(s)" }
        return text
    }
}

/// Checks bilingual files against a termbase: reads them (several in parallel), runs the
/// per-unit rules, then `inconsistent-term` across all of them.
///
/// ```swift
/// let checker = ConsistencyChecker(termbase: termbase)
/// let report = checker.check(files: ["fr-de.xlf"])
/// ```
public struct ConsistencyChecker: Sendable {
    public let termbase: Termbase
    public var rules: Set<CheckRule>
    public let strength: TermMatcherStrength
    public var reader: BilingualReader
    /// What is blanked out of the texts before terms and numbers are looked for.
    public var masker: TextMasker
    /// Only segments in these states are checked (units whose file gives no state are
    /// checked too); nil: every state.
    public var states: Set<SegmentState>?
    /// Whether segments locked in the CAT tool are checked.
    public var includeLocked = false
    /// Findings the user accepted (`--baseline`): left out of the report, counted.
    public var baseline: Baseline?
    /// The term dictionaries, built once per language and kept between checks.
    private let dictionaries: DictionaryCache

    public init(termbase: Termbase, rules: Set<CheckRule> = Set(CheckRule.allCases), strength: TermMatcherStrength = .primary,
                reader: BilingualReader = BilingualReader(), masker: TextMasker = .standard) {
        self.termbase = termbase
        self.masker = masker
        self.rules = rules
        self.strength = strength
        self.reader = reader
        dictionaries = DictionaryCache(termbase: termbase, strength: strength.collationStrength)
    }

    /// Builds the term dictionaries of `languages` now (in parallel), rather than when the
    /// first units in these languages are read.
    public func prepare(languages: Set<String>) {
        dictionaries.prepare(languages: languages)
    }

    /// Units read ahead and checked in parallel; only one batch is held at a time.
    static let batchSize = 4096
    /// The first batch of a file is small, and each next one twice as large up to
    /// ``batchSize``: the workers start while the reader is still near the beginning.
    static let firstBatchSize = 256

    /// Checks `files` with the checker `make` returns, reading the files ahead (when they
    /// are small, see ``UnitPrefetch``) while `make` runs: loading a termbase and reading the
    /// files overlap. `reader` must be the checker's reader.
    ///
    /// With `stream`, findings are given to it as they are made, a batch of units at a time
    /// (each batch in report order; files in the order given, units in reading order;
    /// `inconsistent-term`, which needs every file, last), with those the baseline suppressed
    /// apart, and the report keeps only their counts: memory stays bounded whatever the size
    /// of the files.
    public static func check<Failure: Error>(files: [String], reader: BilingualReader, progress: (@Sendable (Int) -> Void)? = nil,
                                             stream: ((_ findings: [Finding], _ suppressed: [Finding]) -> Void)? = nil,
                                             checker make: () throws(Failure) -> ConsistencyChecker) throws(Failure) -> CheckReport {
        let prefetch = UnitPrefetch(files: files, reader: reader)
        return try make().check(files: files, prefetch: prefetch, progress: progress, stream: stream)
    }

    /// Checks `files`, one after the other, each streamed in batches whose units are checked
    /// in parallel (or taken from `prefetch` when it read them ahead); `progress` is called
    /// after each file with the number done.
    public func check(files: [String], progress: (@Sendable (Int) -> Void)? = nil) -> CheckReport {
        check(files: files, prefetch: nil, progress: progress, stream: nil)
    }

    /// ``check(files:progress:)``, taking the units `prefetch` read ahead; with `stream`,
    /// giving it the findings as they are made rather than keeping them in the report.
    func check(files: [String], prefetch: UnitPrefetch?, progress: (@Sendable (Int) -> Void)?,
               stream: ((_ findings: [Finding], _ suppressed: [Finding]) -> Void)?) -> CheckReport {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let checkers = (0..<workers).map { _ in
            UnitChecker(concepts: termbase.concepts, rules: rules, dictionaries: dictionaries, masker: masker)
        }
        var report = CheckReport(findings: [], problems: [], fileCount: files.count, unitCount: 0, byteCount: 0)
        /// Findings made: left out when the baseline accepts them, then streamed (and counted) or kept.
        func deliver(_ made: [Finding]) {
            var found = made, suppressed: [Finding] = []
            if let baseline {
                // One look-up per finding: a baseline key hashes the unit's source text.
                found = []
                for finding in made {
                    if baseline.suppresses(finding) { suppressed.append(finding) } else { found.append(finding) }
                }
                report.suppressedCount += suppressed.count
            }
            if let stream {
                report.countStreamed(found)
                stream(found.sorted(by: Self.reportOrder), suppressed.sorted(by: Self.reportOrder))
            } else {
                report.findings += found
                report.suppressedFindings += suppressed
            }
        }
        for (index, file) in files.enumerated() {
            // While the workers check one batch, this thread reads the next.
            var batch: [BilingualUnit] = []
            batch.reserveCapacity(Self.batchSize)
            var limit = Self.firstBatchSize
            var inFlight: (group: DispatchGroup, results: BatchResults)?
            func collect() {
                guard let (group, results) = inFlight else { return }
                group.wait()
                deliver(results.findings)
                report.unitCount += results.units
                if let failure = results.failure, !report.problems.contains(failure) { report.problems.append(failure) }
                inFlight = nil
            }
            func dispatch() {
                collect()
                guard !batch.isEmpty else { return }
                let languages = Self.languages(of: batch)
                report.languages.formUnion(languages)
                if rules.contains(where: \.usesTerms) { dictionaries.prepare(languages: languages) }
                let units = batch, results = BatchResults(units: batch.count), group = DispatchGroup()
                DispatchQueue.global().async(group: group) { Self.checkInParallel(units, checkers: checkers, into: results) }
                inFlight = (group, results)
                batch.removeAll(keepingCapacity: true)
                limit = min(limit * 2, Self.batchSize)
            }
            func take(_ unit: BilingualUnit) {
                if (unit.locked && !includeLocked) || (states != nil && unit.state.map { !states!.contains($0) } ?? false) {
                    report.skippedUnits += 1
                    return
                }
                batch.append(unit)
                if batch.count == limit { dispatch() }
            }
            do {
                if let prefetched = prefetch?.take(file) {
                    let read = try prefetched.get()
                    report.notices += read.notices
                    for unit in read.units { take(unit) }
                } else {
                    report.notices += try reader.forEachUnit(in: file, take)
                }
                dispatch()
                collect()
                report.byteCount += FileSize.of(file)
            } catch {
                collect()
                report.problems += error.diagnostics
            }
            progress?(index + 1)
        }
        if rules.contains(.inconsistentTerm) {
            deliver(TermRenderings.inconsistencies(checkers.map(\.renderings), concepts: termbase.concepts))
        }
        report.findings.sort(by: Self.reportOrder)
        report.suppressedFindings.sort(by: Self.reportOrder)
        return report
    }

    /// Findings by file, line, column, unit, segment, rule, concept and term.
    private static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if (a.file, a.line, a.column) != (b.file, b.line, b.column) { return (a.file, a.line, a.column) < (b.file, b.line, b.column) }
        if (a.unit, a.segment ?? "") != (b.unit, b.segment ?? "") { return (a.unit, a.segment ?? "") < (b.unit, b.segment ?? "") }
        return (a.rule, a.conceptID ?? "", a.targetTerm ?? "") < (b.rule, b.conceptID ?? "", b.targetTerm ?? "")
    }

    /// The source and target languages of a batch's units, as written.
    private static func languages(of batch: [BilingualUnit]) -> Set<String> {
        var languages: Set<String> = []
        var last = ("", "")
        for unit in batch where unit.sourceLanguage != last.0 || unit.targetLanguage != last.1 {
            last = (unit.sourceLanguage, unit.targetLanguage)
            languages.insert(last.0)
            languages.insert(last.1)
        }
        return languages
    }

    /// Splits a batch between the checkers (one per core), keeping the units' order.
    private static func checkInParallel(_ batch: [BilingualUnit], checkers: [UnitChecker], into results: BatchResults) {
        let slice = (batch.count + checkers.count - 1) / checkers.count
        DispatchQueue.concurrentPerform(iterations: checkers.count) { worker in
            let range = min(worker * slice, batch.count)..<min((worker + 1) * slice, batch.count)
            var findings: [Finding] = []
            for index in range {
                do {
                    findings += try checkers[worker].check(batch[index])
                } catch {
                    // An unknown language: the first unit that has it says where.
                    let unit = batch[index]
                    results.fail(Diagnostic(file: unit.file, line: unit.line, column: unit.column,
                                               message: "unit \(unit.displayID) (\(unit.sourceLanguage) -> \(unit.targetLanguage)): \(error)"))
                    break
                }
            }
            results.store(findings, at: worker, of: checkers.count)
        }
    }
}

/// The findings of the parallel slices of one batch, kept in order.
private final class BatchResults: @unchecked Sendable {
    let units: Int
    private var slices: [[Finding]] = []
    private var failed: Diagnostic?
    private let lock = NSLock()

    init(units: Int) { self.units = units }

    func store(_ findings: [Finding], at index: Int, of count: Int) {
        lock.lock()
        if slices.isEmpty { slices = Array(repeating: [], count: count) }
        slices[index] = findings
        lock.unlock()
    }

    func fail(_ diagnostic: Diagnostic) {
        lock.lock(); if failed == nil { failed = diagnostic }; lock.unlock()
    }

    var findings: [Finding] { lock.lock(); defer { lock.unlock() }; return slices.flatMap { $0 } }
    var failure: Diagnostic? { lock.lock(); defer { lock.unlock() }; return failed }
}
