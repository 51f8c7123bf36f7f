// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "apigen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "apigen", targets: ["apigen"]),
        // The mock Rancher server; a separate product so that `apigen` does not link SwiftNIO.
        .executable(name: "apigen-mock", targets: ["apigen-mock"]),
        .library(name: "ApigenKit", targets: ["ApigenKit"]),
        // `swift build` regenerates the SDK of a target's docs/ folder (see README, "As a build step").
        .plugin(name: "GenerateRancherSDK", targets: ["GenerateRancherSDK"]),
        // `swift package generate-sdk`: an explicit run writing a whole SDK package.
        .plugin(name: "GenerateSDKCommand", targets: ["GenerateSDKCommand"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        // Only the mock server (`apigen-mock`) uses it: `apigen` and its plugins never link SwiftNIO.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // C libraries from Debian: libcmark-gfm-dev + libcmark-gfm-extensions-dev, libxml2-dev.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "ApigenKit",
            dependencies: [
                "CCmarkGFM",
                "CLibXML2",
                "ApigenTemplates",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The built-in templates, shipped as resources from the repository's Templates/ folder.
        .target(
            name: "ApigenTemplates",
            path: "Templates",
            exclude: ["README.md"],
            resources: [.copy("Swift"), .copy("Runtime"), .copy("RuntimeTests"), .copy("DocC"), .copy("Docs")]
        ),
        .executableTarget(
            name: "apigen",
            dependencies: [
                "ApigenKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A Rancher-compatible in-memory API, made from a docs set's IR: store, lifecycle, validation,
        // collections. No HTTP here, so its tests need no server and no SwiftNIO.
        .target(
            name: "RancherMock",
            dependencies: ["ApigenKit"]
        ),
        // `apigen-mock DOCS`: RancherMock served over HTTP by Hummingbird.
        .executableTarget(
            name: "apigen-mock",
            dependencies: [
                "RancherMock",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // In-process benchmark driver; run it through scripts/benchmark.
        .executableTarget(
            name: "apigen-bench",
            dependencies: ["ApigenKit"]
        ),
        .plugin(
            name: "GenerateRancherSDK",
            capability: .buildTool(),
            dependencies: ["apigen"]
        ),
        .plugin(
            name: "GenerateSDKCommand",
            capability: .command(
                intent: .custom(verb: "generate-sdk",
                                description: "Generate a Rancher SDK package from a docs folder with apigen."),
                permissions: [.writeToPackageDirectory(reason: "apigen writes the generated SDK package into it.")]
            ),
            dependencies: ["apigen"]
        ),
        .testTarget(
            name: "ApigenKitTests",
            dependencies: ["ApigenKit", "apigen", "RancherMock"],
            exclude: [
                "Fixtures/make-html-fixtures.py", "Fixtures/seed-package-tests", "Fixtures/corpus-sdk-tests",
                "Fixtures/responses", "Fixtures/contexts",
            ],
            resources: [.copy("Fixtures/pages")]
        ),
    ]
)
