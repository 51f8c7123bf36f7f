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

    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        public var plan: OutputWriter.Plan
        public var typeCount: Int
        public var pages: Int
        public var timings: StageTimings
        /// The inputs and outputs matched the last run's: nothing was parsed or written.
        public var upToDate: Bool
        /// Whether errors stopped the run (the output folder is untouched).
        public var failed: Bool { diagnostics.contains { $0.severity == .error } }
    }

    public static func run(docs: URL, output: URL, options: Options) throws(DiagnosticError) -> Report {
        let writer = OutputWriter(folder: output)
        var fingerprintTimings = StageTimings()
        let (fingerprint, pages) = try fingerprintTimings.measure(.read) { () throws(DiagnosticError) in
            try InputFingerprint.compute(docs: docs, options: options)
        }
        let upToDate = writer.isUpToDate(with: fingerprint)
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
        guard !report.failed else { return report }
        let selected = try TypeSelection.apply(include: options.include, exclude: options.exclude, to: document)
        let emitter = try SDKEmitter(options: options.emitting)
        let files = timings.measure(.emit) { emitter.emit(selected) }
        let plan = try timings.measure(.write) { () throws(DiagnosticError) in
            let plan = try writer.plan(files)
            if !options.checkOnly { try writer.apply(plan, files: files, inputs: fingerprint) }
            return plan
        }
        report.plan = plan
        report.timings = timings
        return report
    }
}
