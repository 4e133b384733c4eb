import Foundation
import Terminology
import XMLSupport

/// What `passerelle check` found in a set of files.
public struct CheckReport: Sendable {
    /// Findings in a deterministic order: by file, line, unit, rule.
    public var findings: [Finding]
    /// Files that could not be read, each with file:line:column.
    public var problems: [XMLDiagnostic]
    public var fileCount: Int
    public var unitCount: Int
    public var byteCount: Int

    /// True when a finding is an error.
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }
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
    public var strength: TermMatcherStrength
    public var reader: BilingualReader

    public init(termbase: Termbase, rules: Set<CheckRule> = Set(CheckRule.allCases), strength: TermMatcherStrength = .primary,
                reader: BilingualReader = BilingualReader()) {
        self.termbase = termbase
        self.rules = rules
        self.strength = strength
        self.reader = reader
    }

    /// Checks `files`; `progress` is called after each file with the number done.
    public func check(files: [String], progress: (@Sendable (Int) -> Void)? = nil) -> CheckReport {
        let concepts = Dictionary(termbase.concepts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let workers = max(1, min(files.count, ProcessInfo.processInfo.activeProcessorCount))
        let results = ResultBox(count: files.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let checker = UnitChecker(termbase: termbase, concepts: concepts, rules: rules, strength: strength)
            for index in stride(from: worker, to: files.count, by: workers) {
                var result = FileResult()
                do {
                    let units = try reader.units(in: files[index])
                    result.units = units.count
                    result.bytes = (try? FileManager.default.attributesOfItem(atPath: files[index])[.size] as? Int) ?? 0
                    for unit in units { result.findings += try checker.check(unit) }
                } catch let error as ConsistencyError {
                    result.problems = error.diagnostics
                } catch {
                    result.problems = [XMLDiagnostic(file: files[index], line: 0, message: "\(error)")]
                }
                results.store(result, at: index)
                progress?(results.done)
            }
            results.addRenderings(checker.renderings)
        }
        var report = CheckReport(findings: [], problems: [], fileCount: files.count, unitCount: 0, byteCount: 0)
        for result in results.all {
            report.findings += result.findings
            report.problems += result.problems
            report.unitCount += result.units
            report.byteCount += result.bytes
        }
        if rules.contains(.inconsistentTerm) { report.findings += Self.inconsistencies(results.renderings) }
        report.findings.sort { a, b in
            (a.file, a.line, a.unit, a.rule, a.conceptID ?? "") < (b.file, b.line, b.unit, b.rule, b.conceptID ?? "")
        }
        return report
    }

    /// One concept rendered with several accepted terms: a warning on each unit that does
    /// not use the most frequent one.
    static func inconsistencies(_ renderings: [UnitChecker.Rendering]) -> [Finding] {
        var findings: [Finding] = []
        let groups = Dictionary(grouping: renderings) { "\($0.conceptID)\u{1F}\($0.language)" }
        for (_, group) in groups {
            let counts = Dictionary(grouping: group, by: \.term).mapValues(\.count)
            guard counts.count > 1 else { continue }
            let majority = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!.key
            let example = group.first { $0.term == majority }!.finding
            for rendering in group where rendering.term != majority {
                var finding = rendering.finding
                finding.message = "\(rendering.conceptID) is rendered '\(rendering.term)' here but '\(majority)' in \(counts[majority]!) other unit(s), e.g. \(example.location) (\(example.unit))"
                findings.append(finding)
            }
        }
        return findings
    }
}

/// What one file gave.
struct FileResult: Sendable {
    var findings: [Finding] = []
    var problems: [XMLDiagnostic] = []
    var units = 0
    var bytes = 0
}

/// Results of the parallel workers, kept in file order.
private final class ResultBox: @unchecked Sendable {
    private var results: [FileResult]
    private(set) var renderings: [UnitChecker.Rendering] = []
    private var finished = 0
    private let lock = NSLock()

    init(count: Int) { results = Array(repeating: FileResult(), count: count) }

    func store(_ result: FileResult, at index: Int) {
        lock.lock(); results[index] = result; finished += 1; lock.unlock()
    }

    func addRenderings(_ more: [UnitChecker.Rendering]) {
        lock.lock(); renderings += more; lock.unlock()
    }

    var done: Int { lock.lock(); defer { lock.unlock() }; return finished }
    var all: [FileResult] { lock.lock(); defer { lock.unlock() }; return results }
}
