import ArgumentParser
import Base
import Consistency
import Foundation
import Linguistics
import Terminology
import XMLSupport

/// `passerelle check FILE...`: term consistency of translations.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check that translations use the agreed terms (XLIFF 1.2/2.0/2.1/2.2 and CAT dialects, TMX, PO, content XML).",
        discussion: """
        Rules: \(CheckRule.allCases.map(\.rawValue).joined(separator: ", ")). \
        Exit status: 0 no error finding, 1 error findings, 2 bad input or usage (unreadable files are \
        reported with file:line:column; the others are still checked).
        """
    )

    @Argument(help: "Bilingual files: .xlf/.xliff/.sdlxliff/.mqxliff/.mxliff (XLIFF 1.2 or 2.x), .tmx, .po, or content XML; a folder stands for the bilingual files inside it.")
    var files: [String]

    @OptionGroup var glossary: GlossaryOptions

    @Option(name: .long, help: "The source language (default: from each file).")
    var sourceLanguage: String?

    @Option(name: .long, help: "The target language (default: from each file).")
    var targetLanguage: String?

    @Option(name: .long, help: "Only these rules, comma-separated.")
    var rules: String?

    @Option(name: .long, help: "Rules to leave out, comma-separated.")
    var skip: String?

    @Option(name: .long, help: "primary (case and accents ignored) or secondary (accents count).")
    var strength: TermMatcherStrength = .primary

    @Option(name: .long, help: "text, json or html.")
    var format: ReportFormat = .text

    @Option(name: [.short, .long], help: "The report file (default: standard output).")
    var output: String?

    @Option(name: .long, help: "A regular expression (ICU syntax) for more text that is not prose, e.g. '\\[[A-Z_]+\\]'; repeatable.")
    var mask: [String] = []

    @Flag(name: .long, help: "Do not mask placeholders, markup, URLs, e-mail addresses and `code` (masked by default).")
    var noDefaultMasks = false

    @Option(name: .long, help: "Only segments in these states, comma-separated: initial, translated, reviewed, final (segments whose file gives no state are checked).")
    var states: String?

    @Flag(name: .long, help: "Check segments locked in the CAT tool too (skipped by default).")
    var includeLocked = false

    @Option(name: .long, help: "Findings to accept (a file written by --write-baseline): not reported, counted in the summary.")
    var baseline: String?

    @Option(name: .long, help: "Write every finding of this run (those --baseline accepted included) to a baseline file, to accept them in later runs.")
    var writeBaseline: String?

    @Flag(name: .long, help: "Print units, throughput and peak memory on stderr.")
    var stats = false

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case text, json, html }

    func run() throws {
        var exit: Int32 = 0
        try reportingFailures {
            let selected = try selectedRules()
            guard !selected.isEmpty else { throw CommandFailure(message: "no rule left to run: --skip removes every rule --rules asked for") }
            let files = try expandedFiles()
            if let output { try refuseOverwriting(files + [baseline, writeBaseline].compactMap { $0 }, with: output) }
            if let writeBaseline { try refuseOverwriting(files, with: writeBaseline) }
            var clock = PhaseClock()
            let reader = BilingualReader(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
            let toTerminal = output == nil && isatty(STDOUT_FILENO) == 1
            // The progress bar would be overwritten by a report written to the same terminal.
            let bar = ProgressBar(total: toTerminal ? 0 : files.count)
            // Text and JSON are written as the check goes (to a temporary file beside -o, put
            // in place at the end); HTML once every finding is known.
            let file = try output.map { path throws(FileError) in try AtomicFile.Writer(path: path) }
            let stream: ReportStream? = switch format {
            case .text: ReportStream(format: .text(colour: toTerminal), output: { try Self.write($0, to: file) })
            case .json: ReportStream(format: .json, output: { try Self.write($0, to: file) })
            case .html: nil
            }
            let baselineFile = try writeBaseline.map { path throws(FileError) in try AtomicFile.Writer(path: path) }
            try baselineFile?.write(Baseline.Recorder.heading)
            var recorder = writeBaseline.map { Baseline.Recorder(file: $0) }
            var baselineFailure: FileError?
            func record(_ findings: [Finding]) {
                guard let baselineFile, recorder != nil, baselineFailure == nil else { return }
                do throws(FileError) { try baselineFile.write(recorder!.lines(for: findings)) } catch { baselineFailure = error }
            }
            // A baseline written again keeps the findings the one read accepted.
            let streamed: (([Finding], [Finding]) -> Void)? = stream.map { stream in { findings, suppressed in
                stream.add(findings)
                record(findings + suppressed)
            } }
            let report = try ConsistencyChecker.check(files: files, reader: reader, progress: { done in bar.update(done) }, stream: streamed) { () throws in
                let termbase = try glossary.load()
                clock.lap("glossary (\(termbase.concepts.count) concepts)")
                var checker = ConsistencyChecker(termbase: termbase, rules: selected, strength: strength, reader: reader,
                                                 masker: try TextMasker(useDefaults: !noDefaultMasks, patterns: mask))
                checker.states = try selectedStates()
                checker.includeLocked = includeLocked
                checker.baseline = try baseline.map { file throws(ConsistencyError) in try Baseline(file: file) }
                return checker
            }
            bar.finish()
            clock.lap("check")
            printDiagnostics(report.notices + report.problems)
            if let baselineFile, let writeBaseline {
                if stream == nil { record(report.findings + report.suppressedFindings) }
                if let baselineFailure { throw baselineFailure }
                try baselineFile.commit()
                FileHandle.standardError.write(Data("passerelle: \(recorder?.count ?? 0) finding(s) written to the baseline \(writeBaseline)\n".utf8))
            }
            if let stream {
                try stream.finish(report)
            } else {
                try Self.write(HTMLReporter.render(report), to: file)
            }
            try file?.commit()
            clock.lap("report")
            if stats { printStats(report, clock: clock) }
            exit = !report.problems.isEmpty ? 2 : report.hasErrors ? 1 : 0
        }
        if exit != 0 { throw ExitCode(exit) }
    }

    /// Report text to the -o file's writer, else to standard output.
    private static func write(_ text: String, to file: AtomicFile.Writer?) throws {
        if let file { try file.write(text) } else { FileHandle.standardOutput.write(Data(text.utf8)) }
    }

    private func selectedRules() throws -> Set<CheckRule> {
        func parse(_ list: String) throws -> Set<CheckRule> {
            Set(try list.split(separator: ",").map { name in
                let trimmed = name.trimmingCharacters(in: .whitespaces)
                guard let rule = CheckRule(rawValue: trimmed) else {
                    throw CommandFailure(message: "unknown rule '\(trimmed)'; rules are \(CheckRule.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return rule
            })
        }
        var selected = try rules.map(parse) ?? Set(CheckRule.allCases)
        if let skip { selected.subtract(try parse(skip)) }
        return selected
    }

    /// The files asked for, a folder standing for the bilingual files inside it.
    private func expandedFiles() throws -> [String] {
        try files.flatMap { path -> [String] in
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
            let inside = BilingualFormat.files(in: path)
            if inside.isEmpty {
                throw CommandFailure(message: "\(path): a folder with no bilingual file (.xlf .xliff .sdlxliff .mqxliff .mxliff .tmx .po or content XML)")
            }
            return inside
        }
    }

    private func selectedStates() throws -> Set<SegmentState>? {
        guard let states else { return nil }
        guard states.contains(where: { $0.isLetter }) else {
            throw CommandFailure(message: "--states needs at least one of \(SegmentState.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return Set(try states.split(separator: ",").map { name in
            let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard let state = SegmentState(rawValue: trimmed) else {
                throw CommandFailure(message: "unknown state '\(trimmed)'; states are \(SegmentState.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return state
        })
    }

    private func printStats(_ report: CheckReport, clock: PhaseClock) {
        let megabytes = Double(report.byteCount) / 1_048_576
        let seconds = clock.total
        let line = String(format: "%d units, %.1f MB in %.2f s: %.0f units/s, %.2f MB/s; peak memory %.0f MB\n",
                          report.unitCount, megabytes, seconds, Double(report.unitCount) / max(seconds, 1e-9),
                          megabytes / max(seconds, 1e-9), Self.peakMemoryMegabytes())
        let phases = clock.laps.map { String(format: "%@ %.3f s", $0.name, $0.seconds) }.joined(separator: ", ")
        let primaries = Set(report.languages.map(LanguageTag.primary)).sorted()
        let methods = primaries.map { "\($0): \(TermDictionary.matchingMethod(language: $0))" }.joined(separator: "; ")
        FileHandle.standardError.write(Data((line + "  " + phases + "\n" + (methods.isEmpty ? "" : "  words: \(methods)\n")).utf8))
    }

    /// The process's peak resident memory. Linux's VmHWM belongs to this program alone;
    /// getrusage's maxrss can carry over the memory of the process that started it.
    static func peakMemoryMegabytes() -> Double {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") {
            return kilobytes / 1024
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}

extension TermMatcherStrength: ExpressibleByArgument {}
