// swift-tools-version:6.0
// A package whose RancherSDK target is generated from its docs/ folder on every `swift build` that needs it.
import PackageDescription

let package = Package(
    name: "PluginExample",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "RancherSDK", targets: ["RancherSDK"]),
    ],
    dependencies: [
        .package(name: "apigen", path: "../.."),
    ],
    targets: [
        .target(
            name: "RancherSDK",
            // What the generated models and clients run on, built once as a dependency (the plugin generates only
            // the API of the docs).
            dependencies: [.product(name: "RancherRuntime", package: "apigen")],
            // The docs pages are the plugin's input, not sources or resources of the module.
            exclude: ["docs"],
            plugins: [.plugin(name: "GenerateRancherSDK", package: "apigen")]
        ),
        .testTarget(name: "RancherSDKTests", dependencies: ["RancherSDK"]),
    ]
)
