import Foundation

/// The main job: docs folder in, Swift package out. Reads, resolves, emits, then writes only what changed;
/// any error stops the run before the output folder is touched.
public enum Generator {
    public struct Options: Sendable {
        public var loading = DocsSetLoader.Options()
        public var emitting = EmitOptions()
        /// Plan only: report what would change, write nothing.
        public var checkOnly = false
        /// Types to keep (with what they need), `nil` for all; types to drop.
        public var include: [String]?
        public var exclude: [String] = []

        public init(
            loading: DocsSetLoader.Options = .init(), emitting: EmitOptions = .init(), checkOnly: Bool = false,
            include: [String]? = nil, exclude: [String] = []
        ) {
            self.loading = loading
            self.emitting = emitting
            self.checkOnly = checkOnly
            self.include = include
            self.exclude = exclude
        }
    }

    /// The output must be a folder (or not exist yet) outside the docs: written inside them, the SDK's own
    /// Markdown (`README.md`, `docs/`) would be read as pages by the next run.
    static func checkOutputFolder(_ output: URL, docs: URL) throws(DiagnosticError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw DiagnosticError(.error("the output is a file, not a folder", file: output.path))
        }
        let outputPath = output.standardizedFileURL.resolvingSymlinksInPath().path
        let docsPath = docs.standardizedFileURL.resolvingSymlinksInPath().path
        if outputPath == docsPath || outputPath.hasPrefix(docsPath.hasSuffix("/") ? docsPath : docsPath + "/") {
            throw DiagnosticError(.error("the output folder is inside the docs folder \(docs.path); choose one outside it",
                                         file: output.path))
        }
    }

    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        public var plan: OutputWriter.Plan
        public var typeCount: Int
        /// The resolved docs; `nil` when the run stopped before parsing (up to date).
        public var document: APIDocument?
        public var pages: Int
        public var timings: StageTimings
        /// The inputs and outputs matched the last run's: nothing was parsed or written.
        public var upToDate: Bool
        /// Whether errors stopped the run (the output folder is untouched).
        public var failed: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// One API module of the package and the docs set it is generated from.
    public struct ModuleInput: Sendable {
        public var docs: URL
        public var moduleName: String

        public init(docs: URL, moduleName: String) {
            self.docs = docs
            self.moduleName = moduleName
        }
    }

    /// The package of one docs set, as the module `options.emitting.moduleName`.
    public static func run(docs: URL, output: URL, options: Options) throws(DiagnosticError) -> Report {
        try run(modules: [ModuleInput(docs: docs, moduleName: options.emitting.moduleName)], output: output, options: options)
    }

    /// One package holding a module per docs set (v2-beta and v1, say) over one runtime target. With several, each
    /// diagnostic names its docs set's folder, and the first module's run writes the package's own files.
    public static func run(modules: [ModuleInput], output: URL, options: Options) throws(DiagnosticError) -> Report {
        try checkModules(modules, options: options)
        for module in modules { try checkOutputFolder(output, docs: module.docs) }
        let writer = OutputWriter(folder: output)
        var fingerprintTimings = StageTimings()
        let inputs = try fingerprintTimings.measure(.read) { () throws(DiagnosticError) in
            try modules.map { module throws(DiagnosticError) in
                try InputFingerprint.compute(docs: module.docs, options: options.forModule(module.moduleName))
            }
        }
        let stamp = inputs.count == 1 ? inputs[0].fingerprint.hex
            : String(FNV1a.hash(inputs.map(\.fingerprint.hex).joined(separator: "+").utf8), radix: 16)
        let upToDate = writer.isUpToDate(withInputsStamp: stamp)
        if upToDate.upToDate {
            var plan = OutputWriter.Plan()
            plan.unchanged = upToDate.files
            return Report(diagnostics: [], plan: plan, typeCount: 0, pages: 0, timings: fingerprintTimings, upToDate: true)
        }
        var timings = fingerprintTimings
        var report = Report(diagnostics: [], plan: .init(), typeCount: 0, pages: 0, timings: timings, upToDate: false)
        var documents: [APIDocument] = []
        for (module, input) in zip(modules, inputs) {
            let (document, metrics) = try DocsSetLoader.loadMeasured(module.docs, options: options.loading, listed: input.pages)
            timings.add(metrics.timings)
            report.diagnostics += modules.count == 1 ? document.diagnostics : document.diagnostics.map { diagnostic in
                var located = diagnostic
                located.file = module.docs.appendingPathComponent(diagnostic.file).path
                return located
            }
            report.typeCount += document.types.count
            report.pages += metrics.pages
            report.document = report.document ?? document
            documents.append(document)
        }
        report.timings = timings
        guard !report.failed else { return report }
        let packageModules = modules.count == 1 ? [] : zip(modules, documents).map { module, document in
            PackageModule(moduleName: module.moduleName, docsVersion: document.docsVersion ?? "unknown",
                          apiVersion: document.apiVersion ?? "unknown")
        }
        var files: [GeneratedFile] = []
        for (module, document) in zip(modules, documents) {
            var emitting = options.forModule(module.moduleName).emitting
            emitting.packageModules = packageModules
            let selected = try TypeSelection.apply(include: options.include, exclude: options.exclude, to: document)
            try TypeSelection.checkNames(emitting.typeNameOverrides, in: document)
            let emitter = try SDKEmitter(options: emitting)
            if files.isEmpty { report.diagnostics += emitter.templateWarnings() }
            try emitter.checkNames(selected)
            files += timings.measure(.emit) { emitter.emit(selected) }
        }
        let plan = try timings.measure(.write) { () throws(DiagnosticError) in
            let plan = try writer.plan(files)
            if !options.checkOnly { try writer.apply(plan, files: files, inputsStamp: stamp) }
            return plan
        }
        report.plan = plan
        report.timings = timings
        return report
    }

    /// Several modules need names of their own, and make a package, not one file.
    private static func checkModules(_ modules: [ModuleInput], options: Options) throws(DiagnosticError) {
        guard modules.count > 1 else { return }
        if options.emitting.singleFileName != nil {
            throw DiagnosticError(.error("--single-file writes one module: give one docs set", file: "--single-file"))
        }
        var seen = Set<String>()
        for module in modules where !seen.insert(module.moduleName).inserted {
            throw DiagnosticError(.error("two docs sets would both be the module '\(module.moduleName)': give each its own "
                                         + "--module-name", file: "--module-name"))
        }
    }
}

extension Generator.Options {
    /// These options with another module name.
    func forModule(_ moduleName: String) -> Self {
        var options = self
        options.emitting.moduleName = moduleName
        return options
    }
}
