import Foundation

/// Runs the real `passerelle` binary, as a user would.
public enum CommandRunner {
    /// What a run printed and returned.
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// The debug binary built next to the test bundle.
    public static var debugBinary: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("passerelle").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return Corpus.packageRoot.appendingPathComponent(".build/debug/passerelle").path
    }

    /// Runs `binary` with `arguments`, feeding `stdin`, with extra environment variables.
    public static func run(
        _ arguments: [String], stdin: Data? = nil, binary: String = debugBinary,
        environment: [String: String] = [:], directory: String = Corpus.packageRoot.path
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe(), errors = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        let writer = Thread {
            if let stdin { input.fileHandleForWriting.write(stdin) }
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        // Read both pipes while the process runs, so a large output cannot block it.
        let errorBox = DataBox()
        let errorReader = Thread { errorBox.data = errors.fileHandleForReading.readDataToEndOfFile() }
        errorReader.start()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while errorBox.data == nil { Thread.sleep(forTimeInterval: 0.005) }
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: errorBox.data ?? Data(), as: UTF8.self))
    }
}

private final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Data?
    var data: Data? {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}
