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

    public static func run(docs: URL, output: URL, options: Options) throws(DiagnosticError) -> Report {
        try checkOutputFolder(output, docs: docs)
        let writer = OutputWriter(folder: output)
        var fingerprintTimings = StageTimings()
        let (fingerprint, pages) = try fingerprintTimings.measure(.read) { () throws(DiagnosticError) in
            try InputFingerprint.compute(docs: docs, options: options)
        }
        let upToDate = writer.isUpToDate(withInputsStamp: fingerprint.hex)
        if upToDate.upToDate {
            var plan = OutputWriter.Plan()
            plan.unchanged = upToDate.files
            return Report(diagnostics: [], plan: plan, typeCount: 0, pages: 0, timings: fingerprintTimings, upToDate: true)
        }
        let (document, metrics) = try DocsSetLoader.loadMeasured(docs, options: options.loading, listed: pages)
        var timings = metrics.timings
        timings.add(fingerprintTimings)
        var report = Report(diagnostics: document.diagnostics, plan: .init(), typeCount: document.types.count,
                            pages: metrics.pages, timings: timings, upToDate: false)
        report.document = document
        guard !report.failed else { return report }
        let selected = try TypeSelection.apply(include: options.include, exclude: options.exclude, to: document)
        try TypeSelection.checkNames(options.emitting.typeNameOverrides, in: document)
        let emitter = try SDKEmitter(options: options.emitting)
        report.diagnostics += emitter.templateWarnings()
        try emitter.checkNames(selected)
        let files = timings.measure(.emit) { emitter.emit(selected) }
        let plan = try timings.measure(.write) { () throws(DiagnosticError) in
            let plan = try writer.plan(files)
            if !options.checkOnly { try writer.apply(plan, files: files, inputsStamp: fingerprint.hex) }
            return plan
        }
        report.plan = plan
        report.timings = timings
        return report
    }
}
