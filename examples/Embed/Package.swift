// swift-tools-version:6.0
//
// A program that embeds Isnad: builds a store from a folder of articles,
// runs a saved query file, and answers a question with the query builder.
// It depends on the Isnad package two folders up, by path.
import Foundation
import PackageDescription

// A path dependency is known by its folder's name (`isnad`, `main`, …
// wherever the clone is), so the product's package is named the same way.
let isnadFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
    name: "Embed",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: isnadFolder.path)
    ],
    targets: [
        .executableTarget(
            name: "Embed",
            dependencies: [.product(name: "Isnad", package: isnadFolder.lastPathComponent.lowercased())]
        )
    ]
)
