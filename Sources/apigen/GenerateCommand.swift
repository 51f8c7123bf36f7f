import ApigenKit
import ArgumentParser
import Foundation

extension EmitOptions.AccessLevel: ExpressibleByArgument {}

/// `apigen DOCS OUT` (also `apigen generate DOCS OUT`): the SDK from a docs set.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a Swift package (models, async client, docs) from a docs set.",
        discussion: """
            Writes only files whose content changed, removes files it generated before that are no longer \
            produced, and never touches other files in OUT. Errors (and, with --strict, warnings) stop the run \
            before OUT is touched.

            Exit status: 0 on success (with --check: nothing would change), 1 when the docs have errors \
            (with --check: files would change), 2 when an input or the output folder cannot be used.
            """
    )

    @Argument(help: "A docs set folder (the one holding api-resources/) or any folder of pages.")
    var docs: String

    @Argument(help: "The package folder to write.")
    var output: String

    @Option(help: "The Swift module, package and library name (default: Rancher).")
    var moduleName: String?

    @Option(help: "Access level of the generated API: public (default) or internal.")
    var access: EmitOptions.AccessLevel?

    @Option(help: "A configuration file (default: apigen.yml in the current folder, when there is one). Flags override it.")
    var config: String?

    @Option(help: "A folder of *.mustache files replacing built-in templates of the same name (see Templates/README.md).")
    var templates: String?

    @Option(help: "Write only the module's Swift sources, combined into this one file in OUT (for build plugins).")
    var singleFile: String?

    @Flag(help: "Write nothing; list the files that would change and exit 1 if any would.")
    var check = false

    @Flag(help: "List every warning (by default one line per kind), and print per-stage timings and counts.")
    var verbose = false

    @OptionGroup var reading: ReadingOptions

    /// The configuration file's settings, if there is one; flags win over it.
    static func configuration(_ config: String?) throws(DiagnosticError) -> Configuration {
        if let config { return try Configuration.load(URL(fileURLWithPath: config)) }
        let implicit = URL(fileURLWithPath: "apigen.yml")
        return FileManager.default.fileExists(atPath: implicit.path) ? try Configuration.load(implicit) : Configuration()
    }

    func run() throws {
        let start = Date()
        let report: Generator.Report
        do {
            let file = try Self.configuration(config)
            let options = Generator.Options(
                loading: reading.loaderOptions,
                emitting: EmitOptions(
                    moduleName: moduleName ?? file.moduleName ?? "Rancher", access: access ?? file.access ?? .public,
                    templatesDirectory: templates.map { URL(fileURLWithPath: $0) } ?? file.templates,
                    singleFileName: singleFile, typeNameOverrides: file.names,
                    templateParameters: file.params),
                checkOnly: check, include: file.include, exclude: file.exclude)
            report = try Generator.run(docs: URL(fileURLWithPath: docs), output: URL(fileURLWithPath: output), options: options)
        } catch {
            throw Console.fail(error)
        }
        if verbose || report.failed {
            Console.report(report.diagnostics)
        } else {
            WarningSummary.lines(for: report.diagnostics, document: report.document).forEach(Console.note)
        }
        if report.failed {
            Console.note("apigen: errors in the docs; \(output) was not changed")
            throw ExitCode.failure
        }
        if verbose { Console.reportTimings(report.timings) }
        let elapsed = String(format: "%.2f", Date().timeIntervalSince(start))
        if check {
            for path in report.plan.changes { print("would change: \(path)") }
            print("apigen: \(report.plan.changes.count) file(s) would change in \(output) (\(elapsed) s)")
            if !report.plan.isEmpty { throw ExitCode.failure }
            return
        }
        if report.upToDate {
            print("apigen: \(output) is up to date (\(report.plan.unchanged.count) files; \(elapsed) s)")
            return
        }
        print("apigen: \(report.typeCount) types from \(report.pages) pages; \(report.plan.written.count) written, "
              + "\(report.plan.unchanged.count) unchanged, \(report.plan.removed.count) removed in \(output) (\(elapsed) s)")
    }
}
