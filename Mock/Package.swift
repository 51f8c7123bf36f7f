// swift-tools-version:6.0
// apigen-mock: the Rancher-compatible server, served over HTTP by Hummingbird. It is a package of its own so that
// a package using apigen (its plugins or ApigenKit) resolves only what the generator needs, never a server stack.
// Run it from the repository root: swift run --package-path Mock apigen-mock DOCS
import PackageDescription

let package = Package(
    name: "apigen-mock",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "apigen-mock", targets: ["apigen-mock"]),
    ],
    dependencies: [
        .package(name: "apigen", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .executableTarget(
            name: "apigen-mock",
            dependencies: [
                .product(name: "RancherMock", package: "apigen"),
                .product(name: "ApigenKit", package: "apigen"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ]
)
