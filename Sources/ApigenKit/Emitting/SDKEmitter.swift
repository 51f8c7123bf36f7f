import Dispatch
import Synchronization

/// Renders the resolved IR into the files of a Swift package, through the templates.
public struct SDKEmitter: Sendable {
    public let options: EmitOptions
    private let templates: TemplateSet
    /// The runtime's files, copied into every package (not into `--single-file` output, which imports the runtime):
    /// its sources once per package, the loopback test support into each module's tests.
    private let runtimeFiles: [GeneratedFile]

    public init(options: EmitOptions) throws(DiagnosticError) {
        self.options = options
        templates = try TemplateSet(overrides: options.templatesDirectory)
        guard SwiftNames.isValidModuleName(options.moduleName) else {
            throw DiagnosticError(.error("'\(options.moduleName)' is not a valid Swift module name", file: "--module-name"))
        }
        guard options.moduleName != RuntimeFiles.moduleName else {
            throw DiagnosticError(.error("'\(RuntimeFiles.moduleName)' is the runtime's module in every package; choose another name",
                                         file: "--module-name"))
        }
        let writesPackageFiles = Self.writesPackageFiles(options)
        runtimeFiles = options.singleFileName != nil ? []
            : try RuntimeFiles.generatedFiles(module: options.moduleName).filter { writesPackageFiles || $0.path.hasPrefix("Tests/") }
    }

    /// Whether this module's run writes the package's own files (manifest, README, `.spi.yml`, runtime): always,
    /// unless the package holds several modules and this is not the first.
    private static func writesPackageFiles(_ options: EmitOptions) -> Bool {
        options.packageModules.first.map { $0.moduleName == options.moduleName } ?? true
    }

    /// Where the plain Markdown reference goes: `docs/`, or `docs/<Module>/` in a package of several modules.
    private var referenceFolder: String {
        options.packageModules.count > 1 ? "docs/\(options.moduleName)/" : "docs/"
    }

    /// The keys of the user's templates that no context answers (they would render as nothing).
    public func templateWarnings() -> [Diagnostic] { templates.overrideWarnings() }

    /// Two API types that become one Swift type would make two files at one path, and one would be lost:
    /// an error naming both, and their pages, instead.
    public func checkNames(_ document: APIDocument) throws(DiagnosticError) {
        var owners: [String: APIType] = [:]
        for type in SwiftDeclarations.modelTypes(in: document).values.sorted(by: { $0.name < $1.name }) {
            let swiftName = SwiftDeclarations.typeName(type.name, overrides: options.typeNameOverrides)
            if let first = owners[swiftName.lowercased()] {
                throw DiagnosticError(.error(
                    "the types '\(first.name)' (\(first.source)) and '\(type.name)' (\(type.source)) both become the Swift type "
                        + "'\(swiftName)'; give one another name with names: in apigen.yml", file: type.source))
            }
            // Case-insensitively: the files `Foo.swift` and `FOO.swift` are one on some file systems.
            owners[swiftName.lowercased()] = type
        }
    }

    public func emit(_ document: APIDocument) -> [GeneratedFile] {
        let jobs = renderJobs(document)
        // The template check assumes each template's context; debug builds (the tests) hold it to that.
        assert(jobs.allSatisfy { job in
            TemplateKeyCheck.context(ofTemplate: job.template).map { ObjectIdentifier($0) } == ObjectIdentifier(type(of: job.context))
        })
        let parameters = TemplateParameters(values: options.templateParameters)
        var files = ConcurrentMap.map(jobs) { job in
            GeneratedFile(path: job.path,
                          contents: Self.tidy(templates.render(TemplateRoot(context: job.context, params: parameters), template: job.template)),
                          sourceTypes: job.sourceTypes)
        }
        if let singleFileName = options.singleFileName { return [Self.combined(files.sorted { $0.path < $1.path }, module: options.moduleName, into: singleFileName)] }
        files += runtimeFiles
        files.sort { $0.path < $1.path }
        return files
    }

    /// What every template receives, as `apigen context` prints it: the params, and per file its template and
    /// context (keys sorted, as the templates see them).
    public func contexts(_ document: APIDocument, template: String? = nil) throws(DiagnosticError) -> String {
        if let template, !templates.names.contains(template) || TemplateKeyCheck.context(ofTemplate: template) == nil {
            let renderers = templates.names.filter { TemplateKeyCheck.context(ofTemplate: $0) != nil }
            throw DiagnosticError(.error(
                "no template '\(template)' renders files\(ClosestName.suggestion(for: template, in: renderers)) (see Templates/README.md)",
                file: "--template"))
        }
        struct File: Encodable {
            var path: String
            var template: String
            var context: JSONTree
        }
        struct Contexts: Encodable {
            var params: [String: String]
            var files: [File]
        }
        let files = renderJobs(document).filter { template == nil || $0.template == template }.map { job in
            File(path: job.path, template: job.template, context: job.context.jsonValue)
        }
        do {
            return try CanonicalJSON.encode(Contexts(params: options.templateParameters, files: files.sorted { $0.path < $1.path }))
        } catch {
            throw DiagnosticError(.error("cannot encode the contexts: \(error)", file: "-"))
        }
    }

    private func renderJobs(_ document: APIDocument) -> [RenderJob] {
        let model = SwiftSDKModel(document: document, options: options)
        let module = options.moduleName
        let package = model.packageContext()
        // Contexts are built once (the docs reuse them); then every file is one render job, all of them run
        // over the cores together, the whole-set pages first so that they do not end up last on one core.
        let types = model.modelTypes.values.sorted { $0.name < $1.name }
        let modelContexts = ConcurrentMap.map(types) { (name: $0.name, context: model.modelContext(for: $0)) }
        let clientContexts = ConcurrentMap.map(model.resources) { (name: $0.name, context: model.clientContext(for: $0)) }
        var jobs: [RenderJob] = []
        if options.singleFileName == nil {
            jobs += documentationJobs(
                model, package: package, models: Dictionary(modelContexts.map { ($0.name, $0.context) }) { first, _ in first },
                clients: Dictionary(clientContexts.compactMap { entry in entry.context.map { (entry.name, $0) } }) { first, _ in first })
        }
        jobs += modelContexts.map { name, context in
            RenderJob(path: "Sources/\(module)/Models/\(context.typeName).swift", template: "Swift/Model.swift",
                      context: context, sourceTypes: [name])
        }
        for (name, context) in clientContexts {
            guard let context else { continue }
            jobs.append(RenderJob(path: "Sources/\(module)/Client/\(context.clientTypeName).swift",
                                  template: "Swift/ResourceClient.swift", context: context, sourceTypes: [name]))
            jobs.append(RenderJob(path: "Tests/\(module)Tests/\(context.clientTypeName)Tests.swift",
                                  template: "Swift/ResourceClientTests.swift", context: context, sourceTypes: [name]))
        }
        jobs.append(RenderJob(path: "Sources/\(module)/Models/ResourceTypes.swift", template: "Swift/ResourceTypes.swift",
                              context: package))
        if Self.writesPackageFiles(options) {
            jobs.append(RenderJob(path: "Package.swift", template: "Swift/Package.swift", context: package))
            jobs.append(RenderJob(path: "README.md", template: "Swift/README.md", context: package))
            jobs.append(RenderJob(path: ".spi.yml", template: "Swift/spi.yml", context: package))
        }
        return jobs
    }

    /// One file to render: a template, its context, and the IR types it comes from.
    private struct RenderJob: Sendable {
        var path: String
        var template: String
        var context: any TemplateContext
        var sourceTypes: [String] = []
    }

    /// A DocC catalog (landing page, an article per resource) and a plain Markdown reference (`docs/`).
    private func documentationJobs(
        _ model: SwiftSDKModel, package: PackageContext, models: [String: ModelContext], clients: [String: ResourceClientContext]
    ) -> [RenderJob] {
        let module = options.moduleName
        let index = model.docsIndexContext(models: models, clients: clients)
        var jobs = [
            RenderJob(path: "Sources/\(module)/\(module).docc/\(module).md", template: "DocC/Landing.md", context: index),
            RenderJob(path: "Sources/\(module)/\(module).docc/GettingStarted.md", template: "DocC/GettingStarted.md", context: package),
            RenderJob(path: referenceFolder + "README.md", template: "Docs/Index.md", context: index),
        ]
        for type in index.resources {
            jobs.append(RenderJob(path: "Sources/\(module)/\(module).docc/\(type.typeName)-Guide.md", template: "DocC/Article.md",
                                  context: type, sourceTypes: [type.apiName]))
        }
        for type in index.resources + index.types {
            jobs.append(RenderJob(path: referenceFolder + "\(type.typeName).md", template: "Docs/Type.md", context: type,
                                  sourceTypes: [type.apiName]))
        }
        return jobs
    }

    /// The module's Swift sources as one file; each part keeps its own header and imports.
    static func combined(_ files: [GeneratedFile], module: String, into name: String) -> GeneratedFile {
        let sources = files.filter { $0.path.hasPrefix("Sources/\(module)/") && $0.path.hasSuffix(".swift") }
        let contents = sources.map { "// MARK: - \($0.path.dropFirst("Sources/\(module)/".count))\n\n" + $0.contents }
            .joined(separator: "\n")
        return GeneratedFile(path: name, contents: contents, sourceTypes: sources.flatMap(\.sourceTypes))
    }

    /// Templates leave blank-line runs where optional sections render empty: keep at most one.
    /// Works on UTF-8 bytes: it runs over every generated line.
    static func tidy(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var blankRun = 0
        var pendingBlankLines = 0
        for line in text[...].lines() {
            let isBlank = line.utf8.allSatisfy { $0 == 0x20 }
            blankRun = isBlank ? blankRun + 1 : 0
            guard blankRun <= 1 else { continue }
            if isBlank {
                pendingBlankLines += 1  // written only if a non-blank line follows: no trailing blank lines
                continue
            }
            for _ in 0..<pendingBlankLines { output.append(0x0A) }
            pendingBlankLines = 0
            output.append(contentsOf: line.utf8)
            output.append(0x0A)
        }
        return output.isEmpty ? "\n" : String(decoding: output, as: UTF8.self)
    }
}
