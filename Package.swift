// swift-tools-version:6.0
//
// Isnad: an embeddable analytic store for attributed statements in the news.
//
// Layering (see docs/architecture.md): each module depends only on those
// above it in this list, and only IsnadStore touches the LMDB C API.
//
//   CLMDB        system library over liblmdb (apt: liblmdb-dev)
//   IsnadVocabulary  the value types other modules share: calendar days,
//                record dates, byte-string tables (no dependencies)
//   IsnadStore   safe Swift layer over LMDB
//   IsnadText    analyzers, sentence splitting, name keys (no storage)
//   IsnadIndex   the schema: articles, statements, entities, postings
//   IsnadExtract statement extraction: text in, statements out (IsnadText
//                and IsnadVocabulary only; never the store or the index)
//   IsnadQuery   query language: lexer, parser, checks, engine
//   Isnad        the public facade other programs import
//   IsnadCLI     the `isnad` executable and its REPL
//   CEditLine    system library over libedit (apt: libedit-dev), REPL only
//   CMalloc      glibc's malloc tuning (malloc.h), for the CLI's batch work
//   CChecksum    CRC-32C by the processor (SSE 4.2, ARM CRC), for IsnadStore
import PackageDescription

let package = Package(
    name: "Isnad",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Isnad", targets: ["Isnad"]),
        .executable(name: "isnad", targets: ["IsnadCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `swift package generate-documentation --target Isnad` (the DocC
        // catalogue in Sources/Isnad/Isnad.docc); a plugin, never linked in.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLMDB",
            pkgConfig: "lmdb",
            providers: [.apt(["liblmdb-dev"]), .brew(["lmdb"])]
        ),
        // Line editing and history for the REPL (apt: libedit-dev).
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        // glibc's mallopt, which Swift's Glibc module does not export.
        .systemLibrary(name: "CMalloc"),
        // CRC-32C by the processor where it can (header-only, no library).
        .systemLibrary(name: "CChecksum"),
        .target(name: "IsnadVocabulary"),
        .target(name: "IsnadStore", dependencies: ["CLMDB", "CChecksum", "IsnadVocabulary"]),
        .target(name: "IsnadText"),
        .target(name: "IsnadIndex", dependencies: ["IsnadVocabulary", "IsnadStore", "IsnadText"]),
        .target(name: "IsnadExtract", dependencies: ["IsnadText", "IsnadVocabulary"]),
        .target(name: "IsnadQuery", dependencies: ["IsnadVocabulary", "IsnadStore", "IsnadIndex", "IsnadText"]),
        .target(
            name: "Isnad",
            dependencies: ["IsnadVocabulary", "IsnadStore", "IsnadText", "IsnadIndex", "IsnadExtract", "IsnadQuery"],
            // The default gazetteer (docs/ingest.md) is compiled into the
            // binary (ShippedGazetteer.swift, made from this file by `make
            // gazetteer`), so that `isnad` copied anywhere, or shipped to
            // Spark executors, finds it without a resource bundle.
            exclude: ["Resources/gazetteer.jsonl"]
        ),
        .executableTarget(
            name: "IsnadCLI",
            dependencies: [
                "Isnad",
                "IsnadText",
                "IsnadIndex",
                "IsnadQuery",
                "CEditLine",
                "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Release-mode benchmarks, run on demand: `make bench`.
        .executableTarget(
            name: "IsnadBench", dependencies: ["IsnadText", "IsnadStore", "IsnadIndex", "IsnadQuery"],
            path: "Sources/IsnadBench"),

        // MARK: - Tests
        // Test support: a synthetic corpus of Arabic and English articles,
        // their statements and entities, made from a seed (the generated
        // corpora of the oracle, import, chunk and command tests).
        .target(name: "SyntheticCorpus", dependencies: ["IsnadVocabulary"], path: "Tests/SyntheticCorpus"),
        .testTarget(name: "IsnadStoreTests", dependencies: ["IsnadStore", "IsnadVocabulary", "StoreProbe", "CLMDB", "SyntheticCorpus"]),
        .testTarget(name: "IsnadTextTests", dependencies: ["IsnadText", "SyntheticCorpus"], exclude: ["Fixtures"]),
        .testTarget(name: "IsnadTests", dependencies: ["Isnad"]),
        .testTarget(
            name: "IsnadQueryTests",
            dependencies: [
                "IsnadQuery", "IsnadStore", "IsnadIndex", "IsnadText", "IsnadVocabulary",
                "SyntheticCorpus",
            ]),
        .testTarget(
            name: "IsnadExtractTests", dependencies: ["IsnadExtract", "Isnad", "IsnadIndex", "IsnadQuery", "IsnadText", "IsnadVocabulary"]),
        .testTarget(name: "IsnadCLITests", dependencies: ["IsnadCLI", "Isnad", "IsnadText", "SyntheticCorpus"], exclude: ["Fixtures"]),
        // A second process for the store's multi-process tests: it opens a
        // store and answers commands on standard input (see main.swift).
        .executableTarget(name: "StoreProbe", dependencies: ["IsnadStore"], path: "Tests/StoreProbe"),
    ]
)
