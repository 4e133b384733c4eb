import Base
import Consistency
import Content
import Foundation
import Rendering
import Terminology
import XMLSupport

/// One libFuzzer entry point for every loader and renderer: the first byte of the input
/// chooses the target (`FUZZ_TARGET` fixes it), the rest is the file. Each target must end
/// in a value or a typed error, never a crash, a leak or a hang.
enum Target: UInt8, CaseIterable {
    case content, glossaryNative, glossaryTBX, glossaryCSV, xliff12, xliff2, tmx, renderHTML, renderMarkdown, renderText

    var fileExtension: String {
        switch self {
        case .content, .renderHTML, .renderMarkdown, .renderText: "xml"
        case .glossaryNative: "xml"
        case .glossaryTBX: "tbx"
        case .glossaryCSV: "csv"
        case .xliff12, .xliff2: "xlf"
        case .tmx: "tmx"
        }
    }
}

let folder: String = {
    let path = NSTemporaryDirectory() + "passerelle-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}()

let renderer: DocumentRenderer? = {
    let root = ProcessInfo.processInfo.environment["PASSERELLE_ROOT"] ?? FileManager.default.currentDirectoryPath + "/.."
    guard let theme = try? Theme.load(folder: root + "/templates/default"),
          let termbase = try? GlossaryLoader().load(paths: [root + "/glossaries"]) else { return nil }
    return DocumentRenderer(theme: theme, termbase: termbase)
}()

let fixed = ProcessInfo.processInfo.environment["FUZZ_TARGET"].flatMap { name in Target.allCases.first { "\($0)" == name } }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    var bytes = Data(bytes: start, count: count)
    let target: Target
    if let fixed {
        target = fixed
    } else {
        guard let first = bytes.first else { return 0 }
        target = Target(rawValue: first % UInt8(Target.allCases.count)) ?? .content
        bytes = bytes.dropFirst()
    }
    let file = folder + "/input.\(target.fileExtension)"
    guard (try? bytes.write(to: URL(fileURLWithPath: file))) != nil else { return 0 }
    switch target {
    case .content:
        _ = try? ContentLoader(contentRoot: folder).load(file: file)
    case .glossaryNative, .glossaryTBX, .glossaryCSV:
        _ = try? GlossaryLoader().load(paths: [file])
    case .xliff12, .xliff2, .tmx:
        _ = try? BilingualReader().units(in: file)
        _ = XLIFFValidation.problems(in: file)
    case .renderHTML, .renderMarkdown, .renderText:
        guard let renderer, let document = try? ContentLoader(contentRoot: folder).load(file: file) else { return 0 }
        let format: RenderOptions.Format = target == .renderHTML ? .html : target == .renderMarkdown ? .md : .txt
        _ = try? renderer.render(document, options: RenderOptions(format: format))
        _ = try? renderer.officeDocument(document, as: .odt, options: RenderOptions())
    }
    return 0
}

/// libFuzzer's driver (compiler-rt), run from the entry point SwiftPM gives an executable.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafeRawPointer, Int) -> CInt) -> CInt

@_cdecl("passerelle_fuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { start, size in fuzz(start, size) }
}
