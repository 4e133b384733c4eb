import Foundation
import TestSupport
import Testing

/// The shipped binary links Foundation (with its own ICU 76) statically and
/// Debian's ICU 72 dynamically. No symbol may cross between them.
@Suite("ICU isolation of the release binary")
struct ICUIsolationTests {
    @Test("LD_DEBUG=bindings: no symbol of Debian's ICU serves Foundation's ICU, nor the reverse")
    func noCrossBinding() throws {
        guard let binary = ProcessInfo.processInfo.environment["PASSERELLE_RELEASE_BIN"] else {
            // `make test` always sets it; a bare `swift test` has no release binary to check.
            return
        }
        #expect(FileManager.default.isExecutableFile(atPath: binary), "no release binary at \(binary); run make release")
        let crossings = try Self.crossBindings(of: binary)
        #expect(crossings.isEmpty, "\(crossings.prefix(10).joined(separator: "\n"))")
    }

    /// The detector is not blind: the debug binary links Foundation dynamically,
    /// and there Foundation's ICU binds to Debian's `UCaseMap` (see C-INTEROP.md).
    @Test("the detector sees the known crossing of a dynamically linked build")
    func detectorSeesDynamicBuild() throws {
        let crossings = try Self.crossBindings(of: CommandRunner.debugBinary)
        #expect(crossings.contains { $0.contains("UCaseMap") && $0.contains("_FoundationICU") }, "\(crossings)")
    }

    /// Lines of `LD_DEBUG=bindings` where a symbol crosses between Debian's ICU 72 and
    /// anything else than Passerelle's bridge calls (which use versioned names: `ucol_open_72`).
    static func crossBindings(of binary: String) throws -> [String] {
        let result = try CommandRunner.run(
            ["sort", "--locale", "de-u-co-phonebk"], stdin: Data("Öl\nOfen\nÄrger\n".utf8), binary: binary,
            environment: ["LD_DEBUG": "bindings", "LD_BIND_NOW": "1"])
        #expect(result.status == 0)
        #expect(result.stdout == "Ärger\nÖl\nOfen\n")
        let bindings = result.stderr.split(separator: "\n").map(String.init).filter { $0.contains("binding file") }
        #expect(bindings.count > 50, "LD_DEBUG printed no bindings: \(result.stderr.prefix(500))")
        let icu72 = #"libicu[a-z0-9]*\.so\.72"#
        return bindings.filter { line in
            guard let symbol = line.split(separator: "`").last?.split(separator: "'").first.map(String.init),
                  let arrow = line.range(of: " to ") else { return false }
            let from = String(line[..<arrow.lowerBound]), to = String(line[arrow.upperBound...])
            let fromICU = from.range(of: icu72, options: .regularExpression) != nil
            let toICU = to.range(of: icu72, options: .regularExpression) != nil
            if !fromICU && toICU { return !(symbol.hasSuffix("_72") || symbol.contains("icu_72")) }
            if fromICU && !toICU { return to.contains(binary) || to.contains("Foundation") }
            return false
        }
    }
}
