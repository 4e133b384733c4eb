import Foundation

/// Prints the print-ready HTML of a document to PDF with a program the machine has:
/// WeasyPrint (Debian `weasyprint`: CSS paged media, running titles, "page x / y", fonts
/// embedded, the title and language in the PDF's metadata) when installed, else headless
/// Chromium. Both read the page's `@page` rules; neither is reached through the network
/// (the HTML embeds its images and styles).
public struct PDFPrinter: Sendable {
    /// The programs that can print, the best first.
    public enum Engine: String, Sendable {
        case weasyprint, chromium
    }

    public let engine: Engine
    /// The program's path.
    public let executable: String
    /// How long printing may take before it is stopped, in seconds.
    public var timeout: TimeInterval = 180
    /// The PDF's creation date, for the same bytes from the same input (WeasyPrint reads it
    /// as `SOURCE_DATE_EPOCH`; so does a run with that variable set). Nil: now.
    public var sourceDate: Date? = nil

    public init(engine: Engine, executable: String) {
        self.engine = engine
        self.executable = executable
    }

    /// WeasyPrint if it is on the PATH, else Chromium (`chromium`, `chromium-browser`,
    /// `google-chrome`); `PASSERELLE_PDF_ENGINE=weasyprint|chromium` chooses one.
    ///
    /// - Throws: ``RenderingError/office(_:)`` naming both packages when neither is installed.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) throws(RenderingError) -> PDFPrinter {
        let wanted = environment["PASSERELLE_PDF_ENGINE"].flatMap(Engine.init(rawValue:))
        let candidates: [(Engine, [String])] = [(.weasyprint, ["weasyprint"]), (.chromium, ["chromium", "chromium-browser", "google-chrome"])]
        for (engine, names) in candidates where wanted == nil || wanted == engine {
            for name in names {
                if let path = executablePath(name, environment: environment) { return PDFPrinter(engine: engine, executable: path) }
            }
        }
        throw .office("no program to print PDF with: install WeasyPrint (apt-get install weasyprint) or Chromium (apt-get install chromium)"
            + (wanted.map { " (PASSERELLE_PDF_ENGINE asks for \($0.rawValue))" } ?? ""))
    }

    /// The PDF of `html`; `baseFolder` is where relative references would be resolved.
    public func pdf(ofHTML html: String, baseFolder: String) throws(RenderingError) -> Data {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            let input = work.appendingPathComponent("document.html"), output = work.appendingPathComponent("document.pdf")
            try Data(html.utf8).write(to: input)
            let arguments: [String] = switch engine {
            case .weasyprint:
                ["--quiet", "--base-url", URL(fileURLWithPath: baseFolder.isEmpty ? "." : baseFolder).absoluteString, input.path, output.path]
            case .chromium:
                ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(work.appendingPathComponent("profile").path)",
                 "--print-to-pdf=\(output.path)", input.absoluteString]
            }
            let (status, errors) = try run(arguments)
            guard status == 0, let data = FileManager.default.contents(atPath: output.path), data.starts(with: Array("%PDF".utf8)) else {
                let reason = errors.split(separator: "\n").last.map(String.init) ?? "exit status \(status)"
                throw RenderingError.office("\(engine.rawValue) could not print the PDF: \(reason)")
            }
            return data
        } catch let error as RenderingError {
            throw error
        } catch {
            throw .office("the PDF could not be printed (\(error.localizedDescription))")
        }
    }

    /// Runs the engine; stops it after ``timeout``.
    private func run(_ arguments: [String]) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let sourceDate {
            process.environment = ProcessInfo.processInfo.environment.merging(["SOURCE_DATE_EPOCH": String(Int(sourceDate.timeIntervalSince1970))]) { $1 }
        }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let finished = DispatchSemaphore(value: 0)
        let output = ErrorOutput()
        DispatchQueue.global().async {
            output.data = errors.fileHandleForReading.readDataToEndOfFile()
            finished.signal()
        }
        let deadline = DispatchTime.now() + timeout
        if finished.wait(timeout: deadline) == .timedOut {
            process.terminate()
            process.waitUntilExit()
            throw RenderingError.office("\(engine.rawValue) did not finish printing within \(Int(timeout)) s and was stopped")
        }
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output.data, as: UTF8.self))
    }

    private final class ErrorOutput: @unchecked Sendable {
        var data = Data()
    }

    private static func executablePath(_ name: String, environment: [String: String]) -> String? {
        for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
