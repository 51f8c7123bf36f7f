import Foundation
import PackagePlugin

/// Build-tool plugin: compiles the Rancher SDK of the pages in the target's `docs/` folder into the target.
///
/// Convention: the docs pages (`*.md`, `*.html`, `<name>/index.md`) live in a folder named `docs` directly inside
/// the target's directory. Every file in it is an input of one build command whose single declared output is
/// `RancherSDK.swift` in the plugin's work directory, so SwiftPM reruns apigen only when a page changes (or
/// apigen itself is rebuilt), and then recompiles only if the generated file's content changed (apigen leaves
/// unchanged files alone). The generated API is `public`: the target *is* the SDK module its dependents import.
/// It holds the models and clients of the docs only; they run on apigen's `RancherRuntime` library product, which
/// the target must depend on (built once, as any dependency).
@main
struct GenerateRancherSDK: BuildToolPlugin {
    static let docsFolderName = "docs"
    static let outputFileName = "RancherSDK.swift"

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        // Generated Swift only compiles into a Swift target. (The concrete type, because the `Target`
        // protocol's `directoryURL` needs tools-version 6.1.)
        guard let module = target as? SwiftSourceModuleTarget else {
            throw PluginError("GenerateRancherSDK adds Swift code, so it applies to Swift targets only, not '\(target.name)'")
        }
        let dependsOnRuntime = module.dependencies.contains { dependency in
            if case .product(let product) = dependency { return product.name == "RancherRuntime" }
            return false
        }
        guard dependsOnRuntime else {
            throw PluginError("target '\(module.name)' applies GenerateRancherSDK, whose code runs on apigen's runtime: add "
                              + "dependencies: [.product(name: \"RancherRuntime\", package: \"apigen\")] to it")
        }
        let docsFolder = module.directoryURL.appending(path: Self.docsFolderName, directoryHint: .isDirectory)
        let pages = try Self.files(in: docsFolder)
        guard !pages.isEmpty else {
            throw PluginError("target '\(module.name)' applies GenerateRancherSDK but has no pages in "
                              + "\(docsFolder.path(percentEncoded: false)) (expected a '\(Self.docsFolderName)' folder "
                              + "of *.md, *.html or <name>/index.md pages)")
        }
        // A folder of its own, so apigen's manifest and temporary files stay apart from anything else SwiftPM keeps there.
        let outputFolder = context.pluginWorkDirectoryURL.appending(path: "SDK", directoryHint: .isDirectory)
        let outputFile = outputFolder.appending(path: Self.outputFileName)
        return [
            .buildCommand(
                displayName: "Generating \(Self.outputFileName) for \(module.name) from \(pages.count) docs page(s)",
                executable: try context.tool(named: "apigen").url,
                arguments: [
                    docsFolder.path(percentEncoded: false),
                    outputFolder.path(percentEncoded: false),
                    "--single-file", Self.outputFileName,
                    "--module-name", module.moduleName,
                    "--access", "public",
                ],
                inputFiles: pages,
                outputFiles: [outputFile]
            )
        ]
    }

    /// Every non-hidden regular file below `folder`, sorted; none when the folder does not exist.
    /// All of them are inputs, not only the ones apigen reads, so that a page added or renamed also triggers a run.
    static func files(in folder: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
        ) else { return [] }
        var files: [URL] = []
        for case let url as URL in walker where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }
}

struct PluginError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
