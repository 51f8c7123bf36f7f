import Dispatch
import Synchronization

/// Renders the resolved IR into the files of a Swift package, through the templates.
public struct SDKEmitter: Sendable {
    public let options: EmitOptions
    private let templates: TemplateSet

    public init(options: EmitOptions) throws(DiagnosticError) {
        self.options = options
        templates = try TemplateSet(overrides: options.templatesDirectory)
        guard SwiftNames.isValidModuleName(options.moduleName) else {
            throw DiagnosticError(.error("'\(options.moduleName)' is not a valid Swift module name", file: "--module-name"))
        }
    }

    public func emit(_ document: APIDocument) -> [GeneratedFile] {
        let model = SwiftSDKModel(document: document, options: options)
        let module = options.moduleName
        let package = model.packageContext()
        // Contexts are built once (the docs reuse them) and every file renders on its own, over the cores.
        let types = model.modelTypes.values.sorted { $0.name < $1.name }
        let modelContexts = ConcurrentMap.map(types) { (name: $0.name, context: model.modelContext(for: $0)) }
        let clientContexts = ConcurrentMap.map(model.resources) { (name: $0.name, context: model.clientContext(for: $0)) }
        var files = ConcurrentMap.map(modelContexts) { name, context in
            GeneratedFile(path: "Sources/\(module)/Models/\(context.typeName).swift",
                          contents: templates.render(context, template: "Swift/Model.swift"), sourceTypes: [name])
        }
        files += ConcurrentMap.map(clientContexts) { name, context -> [GeneratedFile] in
            guard let context else { return [] }
            return [
                GeneratedFile(path: "Sources/\(module)/Client/\(context.clientTypeName).swift",
                              contents: templates.render(context, template: "Swift/ResourceClient.swift"), sourceTypes: [name]),
                GeneratedFile(path: "Tests/\(module)Tests/\(context.clientTypeName)Tests.swift",
                              contents: templates.render(context, template: "Swift/ResourceClientTests.swift"), sourceTypes: [name]),
            ]
        }.flatMap { $0 }
        for name in templates.names {
            let fileName = name.split(separator: "/").last.map(String.init) ?? name
            if name.hasPrefix("Runtime/") {
                files.append(GeneratedFile(path: "Sources/\(module)/Support/\(fileName)",
                                           contents: templates.render(package, template: name)))
            } else if name.hasPrefix("RuntimeTests/") {
                files.append(GeneratedFile(path: "Tests/\(module)Tests/\(fileName)",
                                           contents: templates.render(package, template: name)))
            }
        }
        if options.singleFileName == nil {
            files += documentation(
                model, models: Dictionary(modelContexts.map { ($0.name, $0.context) }) { first, _ in first },
                clients: Dictionary(clientContexts.compactMap { entry in entry.context.map { (entry.name, $0) } }) { first, _ in first })
        }
        files.append(GeneratedFile(path: "Package.swift", contents: templates.render(package, template: "Swift/Package.swift")))
        files.append(GeneratedFile(path: "README.md", contents: templates.render(package, template: "Swift/README.md")))
        for index in files.indices { files[index].contents = Self.tidy(files[index].contents) }
        files.sort { $0.path < $1.path }
        if let singleFileName = options.singleFileName { return [Self.combined(files, module: module, into: singleFileName)] }
        return files
    }

    /// A DocC catalog (landing page, an article per resource) and a plain Markdown reference (`docs/`).
    private func documentation(
        _ model: SwiftSDKModel, models: [String: ModelContext], clients: [String: ResourceClientContext]
    ) -> [GeneratedFile] {
        let module = options.moduleName
        let index = model.docsIndexContext(models: models, clients: clients)
        var files = [
            GeneratedFile(path: "Sources/\(module)/\(module).docc/\(module).md", contents: templates.render(index, template: "DocC/Landing.md")),
            GeneratedFile(path: "docs/README.md", contents: templates.render(index, template: "Docs/Index.md")),
        ]
        let pages = index.resources.map { ($0, true) } + (index.resources + index.types).map { ($0, false) }
        files += ConcurrentMap.map(pages) { type, isGuide in
            isGuide
                ? GeneratedFile(path: "Sources/\(module)/\(module).docc/\(type.typeName)-Guide.md",
                                contents: templates.render(type, template: "DocC/Article.md"), sourceTypes: [type.apiName])
                : GeneratedFile(path: "docs/\(type.typeName).md", contents: templates.render(type, template: "Docs/Type.md"),
                                sourceTypes: [type.apiName])
        }
        return files
    }

    /// The module's Swift sources as one file; each part keeps its own header and imports.
    static func combined(_ files: [GeneratedFile], module: String, into name: String) -> GeneratedFile {
        let sources = files.filter { $0.path.hasPrefix("Sources/\(module)/") && $0.path.hasSuffix(".swift") }
        let contents = sources.map { "// MARK: - \($0.path.dropFirst("Sources/\(module)/".count))\n\n" + $0.contents }
            .joined(separator: "\n")
        return GeneratedFile(path: name, contents: contents, sourceTypes: sources.flatMap(\.sourceTypes))
    }

    /// Templates leave blank-line runs where optional sections render empty: keep at most one.
    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        var blank = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let isBlank = line.allSatisfy { $0 == " " }
            blank = isBlank ? blank + 1 : 0
            if blank <= 1 { lines.append(isBlank ? "" : line) }
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
