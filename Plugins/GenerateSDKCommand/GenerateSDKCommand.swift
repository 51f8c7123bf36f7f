import Foundation
import PackagePlugin

/// `swift package generate-sdk [--target T]… [--docs DIR] [--output DIR] [-- APIGEN-OPTIONS]`
///
/// Writes a complete SDK package (Package.swift, sources, tests) with apigen, for explicit runs whose result is
/// committed or published. What it reads:
/// - `--docs DIR`: that folder (relative to the package), into `--output` (default `generated`);
/// - otherwise the `docs/` folder of each `--target` (default: every target that has one, the convention of the
///   GenerateRancherSDK build-tool plugin), each into `--output` (default `generated/<Target>`), module named
///   after the target.
/// Anything else (e.g. `--strict`, `--check`, `--access internal`) goes to apigen unchanged.
@main
struct GenerateSDKCommand: CommandPlugin {
    static let docsFolderName = "docs"

    /// One apigen run: which docs, where to, which module name (nil: apigen's default or the user's own option).
    struct Job {
        var docs: URL
        var output: URL
        var moduleName: String?
    }

    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let targetNames = extractor.extractOption(named: "target")
        let docsPaths = extractor.extractOption(named: "docs")
        let outputPaths = extractor.extractOption(named: "output")
        let apigenArguments = extractor.remainingArguments.filter { $0 != "--" }

        guard docsPaths.count <= 1, outputPaths.count <= 1 else {
            throw PluginError("give --docs and --output at most once each")
        }
        guard docsPaths.isEmpty || targetNames.isEmpty else {
            throw PluginError("give either --docs or --target, not both")
        }
        let packageFolder = context.package.directoryURL
        let output = outputPaths.first.map { Self.resolve($0, against: packageFolder) }
        let jobs: [Job]
        if let docsPath = docsPaths.first {
            jobs = [Job(docs: Self.resolve(docsPath, against: packageFolder),
                        output: output ?? packageFolder.appending(path: "generated"), moduleName: nil)]
        } else {
            let targets = try Self.targetsWithDocs(in: context.package, named: targetNames)
            if targets.count > 1, output != nil {
                throw PluginError("--output names one folder but \(targets.count) targets have docs: "
                                  + "pick one with --target")
            }
            jobs = targets.map { target in
                Job(docs: Self.docsFolder(of: target),
                    output: output ?? packageFolder.appending(path: "generated").appending(path: target.name),
                    moduleName: target.moduleName)
            }
        }

        let apigen = try context.tool(named: "apigen").url
        // The user's own --module-name wins over the target's name.
        let userNamesModule = apigenArguments.contains { $0 == "--module-name" || $0.hasPrefix("--module-name=") }
        for job in jobs {
            var arguments = [job.docs.path(percentEncoded: false), job.output.path(percentEncoded: false)]
            if let moduleName = job.moduleName, !userNamesModule { arguments += ["--module-name", moduleName] }
            arguments += apigenArguments
            // Unbuffered, so the line comes before apigen's own output rather than after it.
            FileHandle.standardOutput.write(Data("apigen \(arguments.joined(separator: " "))\n".utf8))
            try Self.run(apigen, arguments)
        }
    }

    /// The named targets (all must have a docs folder), or every Swift target that has one.
    static func targetsWithDocs(in package: Package, named names: [String]) throws -> [SwiftSourceModuleTarget] {
        if names.isEmpty {
            let found = package.targets.compactMap { $0 as? SwiftSourceModuleTarget }.filter { isDirectory(docsFolder(of: $0)) }
            guard !found.isEmpty else {
                throw PluginError("no target of \(package.displayName) has a '\(docsFolderName)' folder; "
                                  + "name a docs folder with --docs DIR")
            }
            return found
        }
        return try package.targets(named: names).map { target in
            guard let module = target as? SwiftSourceModuleTarget, isDirectory(docsFolder(of: module)) else {
                throw PluginError("target '\(target.name)' has no '\(docsFolderName)' folder")
            }
            return module
        }
    }

    /// (The concrete target type, because the `Target` protocol's `directoryURL` needs tools-version 6.1.)
    static func docsFolder(of target: SwiftSourceModuleTarget) -> URL {
        target.directoryURL.appending(path: docsFolderName, directoryHint: .isDirectory)
    }

    static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path(percentEncoded: false), isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    /// Paths are relative to the package, not to wherever `swift package` was started.
    static func resolve(_ path: String, against folder: URL) -> URL {
        path.hasPrefix("/") ? URL(filePath: path) : folder.appending(path: path)
    }

    /// Runs apigen with the plugin's stdout and stderr, so its summary and diagnostics reach the user as they are.
    static func run(_ executable: URL, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw PluginError("apigen exited with status \(process.terminationStatus)")
        }
    }
}

struct PluginError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
