// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "apigen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "apigen", targets: ["apigen"]),
        .library(name: "ApigenKit", targets: ["ApigenKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
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
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "apigen",
            dependencies: [
                "ApigenKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // In-process benchmark driver; run it through scripts/benchmark.
        .executableTarget(
            name: "apigen-bench",
            dependencies: ["ApigenKit"]
        ),
        .testTarget(
            name: "ApigenKitTests",
            dependencies: ["ApigenKit", "apigen"],
            exclude: ["Fixtures/make-html-fixtures.py"],
            resources: [.copy("Fixtures/pages")]
        ),
    ]
)
