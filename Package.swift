// swift-tools-version: 6.0
//
// Passerelle: multilingual terminology and content for a cross-border
// social and solidarity economy cluster. See README.md and DESIGN.md.
import Foundation
import PackageDescription

let package = Package(
    name: "Passerelle",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Passerelle", targets: ["Base", "Mail", "Linguistics", "XMLSupport", "Terminology", "Content", "Rendering", "Consistency", "Exchange"]),
        .executable(name: "passerelle", targets: ["passerelle"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // C layer. Only Linguistics and XMLSupport import these.
        .target(
            name: "CICUBridge",
            linkerSettings: [
                .linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata"),
            ]
        ),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .systemLibrary(name: "CHyphen", providers: [.apt(["libhyphen-dev"])]),

        // Diagnostics every module reports with; depends on nothing.
        .target(name: "Base"),
        // RFC 5322 and MIME messages: headers, quoted-printable, format=flowed.
        .target(name: "Mail", dependencies: ["Base", .product(name: "TOMLKit", package: "TOMLKit")]),
        .target(name: "Linguistics", dependencies: ["Base", "CICUBridge", "CStemmer", "CHyphen"]),
        .target(name: "XMLSupport", dependencies: ["Base", "CLibXML2"]),
        .target(
            name: "Terminology",
            dependencies: ["Base", "Linguistics", "XMLSupport", .product(name: "CSV", package: "CSV.swift")]
        ),
        .target(name: "Content", dependencies: ["Base", "Linguistics", "XMLSupport"]),
        .target(
            name: "Rendering",
            dependencies: ["Base", "Content", "Terminology", "Linguistics", "Mail", "XMLSupport", .product(name: "Mustache", package: "swift-mustache"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .target(name: "Consistency", dependencies: ["Base", "Content", "Terminology", "Linguistics", "XMLSupport"]),
        // XLIFF for translators: extract a document with its termbase entries, merge the translation back.
        .target(name: "Exchange", dependencies: ["Base", "Content", "Terminology", "Linguistics", "XMLSupport", "Consistency"]),

        .executableTarget(
            name: "passerelle",
            dependencies: [
                "Base", "Linguistics", "Mail", "XMLSupport", "Terminology", "Content", "Rendering", "Consistency", "Exchange",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .executableTarget(name: "check-benchmark", dependencies: ["Base", "Consistency", "Terminology", "Linguistics"], path: "Benchmarks/CheckBenchmark"),
        .executableTarget(name: "terminology-benchmark", dependencies: ["Base", "Terminology", "XMLSupport"], path: "Benchmarks/TerminologyBenchmark"),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "MailTests", dependencies: ["Mail", "TestSupport"]),
        .testTarget(name: "LinguisticsTests", dependencies: ["Base", "Linguistics", "TestSupport"]),
        .testTarget(name: "XMLSupportTests", dependencies: ["Base", "XMLSupport", "TestSupport"]),
        .testTarget(name: "TerminologyTests", dependencies: ["Base", "Terminology", "TestSupport"]),
        .testTarget(name: "ContentTests", dependencies: ["Base", "Content", "TestSupport"]),
        .testTarget(name: "RenderingTests", dependencies: ["Base", "Rendering", "Content", "Terminology", "XMLSupport", "TestSupport",
                                                     .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "ConsistencyTests", dependencies: ["Base", "Consistency", "Terminology", "TestSupport"]),
        .testTarget(name: "ExchangeTests", dependencies: ["Base", "Exchange", "Content", "Terminology", "XMLSupport", "TestSupport"]),
        .testTarget(name: "PasserelleCLITests", dependencies: ["passerelle", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets, only when asked (`make fuzz` sets PASSERELLE_FUZZ and builds with
// -sanitize=fuzzer,address): the entry point is LLVMFuzzerTestOneInput, not main.
if ProcessInfo.processInfo.environment["PASSERELLE_FUZZ"] != nil {
    package.targets.append(.executableTarget(
        name: "passerelle-fuzzer",
        dependencies: ["Base", "Consistency", "Content", "Rendering", "Terminology", "XMLSupport"],
        path: "Fuzz/PasserelleFuzzer",
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    ))
}
