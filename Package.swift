// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "apigen",
    // The runtime (a product plugin users depend on) needs Duration, ContinuousClock and URLSession.data(for:delegate:).
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9)],
    products: [
        .executable(name: "apigen", targets: ["apigen"]),
        // What every generated SDK runs on (client, sending, retries, waiting, JSON, errors). Generated packages get a
        // verbatim copy of it; build-plugin users depend on this product, so it is built once, not per target.
        .library(name: "RancherRuntime", targets: ["RancherRuntime"]),
        .library(name: "ApigenKit", targets: ["ApigenKit"]),
        // The in-memory Rancher API behind apigen-mock, without HTTP. The HTTP server itself is the
        // package in Mock/, so that depending on apigen never resolves a server stack.
        .library(name: "RancherMock", targets: ["RancherMock"]),
        // `swift build` regenerates the SDK of a target's docs/ folder (see README, "As a build step").
        .plugin(name: "GenerateRancherSDK", targets: ["GenerateRancherSDK"]),
        // `swift package generate-sdk`: an explicit run writing a whole SDK package.
        .plugin(name: "GenerateSDKCommand", targets: ["GenerateSDKCommand"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
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
                "RuntimeResources",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The SDK's runtime: plain Swift, no dependencies, compiled and tested here.
        .target(name: "RancherRuntime", path: "Runtime/RancherRuntime"),
        // The runtime's files as resources, for the emitter to copy into generated packages verbatim.
        .target(
            name: "RuntimeResources",
            path: "Runtime",
            sources: ["RuntimeResources.swift"],
            // `.process`, not `.copy`: SwiftPM re-copies a copied folder only when its listing changes, not its files.
            resources: [.process("RancherRuntime"), .process("TestSupport")]
        ),
        // The built-in templates, shipped as resources from the repository's Templates/ folder.
        .target(
            name: "ApigenTemplates",
            path: "Templates",
            exclude: ["README.md"],
            resources: [.copy("Swift"), .copy("DocC"), .copy("Docs")]
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
            name: "RancherRuntimeTests",
            dependencies: ["RancherRuntime"]
        ),
        .testTarget(
            name: "ApigenKitTests",
            dependencies: ["ApigenKit", "apigen", "RancherMock"],
            exclude: [
                "Fixtures/make-html-fixtures.py", "Fixtures/seed-package-tests", "Fixtures/corpus-sdk-tests",
                "Fixtures/responses", "Fixtures/contexts",
            ],
            // Fixture docs sets (pages in the docs' format, written for the tests) and the /schemas a server would
            // send for two of them: every path the corpus tests guard also runs on these in a fresh clone.
            resources: [.copy("Fixtures/pages"), .copy("Fixtures/docs-sets"), .copy("Fixtures/oracle")]
        ),
    ]
)
