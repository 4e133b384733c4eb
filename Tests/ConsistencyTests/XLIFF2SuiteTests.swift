import Consistency
import Foundation
import TestSupport
import Testing

@Suite("OASIS XLIFF 2 conformance suite")
struct XLIFF2SuiteTests {
    /// Invalid files Passerelle does not refuse yet (change-tracking references, one size
    /// restriction reference, one reordering rule): this list may only shrink.
    static let knownGaps: Set<String> = [
        "bad_WrongReordering2.xlf", "Bad-slr_sizeInfoRef-has-no-data-sib.xlf",
        "Bad-ctr-property-not-legit-category.xlf", "Bad-ctr_appliesTo-not-using-ref-to-resolvableID.xlf",
        "Bad-ctr_property-not-content-or-valid-attribute-ref.xlf", "Bad-ctr_ref-not-pointed-to-resolvableID.xlf",
        "Bad-ctr_revisions-not-using-ref-to-resolvableID.xlf",
    ]

    static func files(_ kind: String) throws -> [String] {
        try Corpus.files(under: "xliff2-oasis-testsuite/core/\(kind)") { $0.hasSuffix(".xlf") }
            + Corpus.files(under: "xliff2-oasis-testsuite/modules/\(kind)") { $0.hasSuffix(".xlf") }
    }

    @Test("every valid file loads")
    func valid() throws {
        let files = try Self.files("valid")
        #expect(files.count == 59)
        for file in files {
            #expect(throws: Never.self, "\(file)") { _ = try BilingualReader().units(in: file) }
        }
    }

    @Test("every invalid file is refused with file:line:column (but the known gaps)")
    func invalid() throws {
        let files = try Self.files("invalid")
        #expect(files.count == 162)
        var refused = 0
        for file in files {
            let name = (file as NSString).lastPathComponent
            do {
                _ = try BilingualReader().units(in: file)
                #expect(Self.knownGaps.contains(name), "\(name) was accepted")
            } catch {
                refused += 1
                #expect(!Self.knownGaps.contains(name), "\(name) is refused now: remove it from knownGaps")
                let first = try #require(error.diagnostics.first)
                #expect(first.file == file && first.line > 0 && first.column > 0, "\(first)")
            }
        }
        #expect(refused == 155)
    }
}
