import ApigenKit
import ArgumentParser
import Foundation

extension EmitOptions.AccessLevel: ExpressibleByArgument {}

/// `apigen DOCS OUT` (also `apigen generate DOCS OUT`): the SDK from a docs set; `apigen DOCS DOCS… OUT` with a
/// `--module-name` each: one package with a module per docs set over one runtime.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a Swift package (models, async client, docs) from a docs set.",
        discussion: """
            Writes only files whose content changed, removes files it generated before that are no longer \
            produced, and never touches other files in OUT. Errors (and, with --strict, warnings) stop the run \
            before OUT is touched. Several docs sets (v2-beta and v1, say) make one package with a module each \
            over one runtime target: name each with its own --module-name, in the same order.

            Exit status: 0 on success (with --check: nothing would change), 1 when the docs have errors \
            (with --check: files would change), 2 when an input or the output folder cannot be used.
            """
    )

    @Argument(help: ArgumentHelp(
        "One or more docs set folders (the one holding api-resources/) or folders of pages, then the package folder to write.",
        valueName: "DOCS… OUT"))
    var paths: [String]

    @Option(help: "The Swift module, package and library name (default: Rancher); once per docs set when there are several.")
    var moduleName: [String] = []

    private var docs: [String] { Array(paths.dropLast()) }
    private var output: String { paths.last ?? "" }

    @Option(help: "Access level of the generated API: public (default) or internal.")
    var access: EmitOptions.AccessLevel?

    @Option(help: "A configuration file (default: apigen.yml in the current folder, when there is one). Flags override it.")
    var config: String?

    @Option(help: "A folder of *.mustache files replacing built-in templates of the same name (see Templates/README.md).")
    var templates: String?

    @Option(help: "Write only the module's Swift sources, combined into this one file in OUT, without the runtime: the target depends on apigen's RancherRuntime product (for build plugins).")
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

    func validate() throws {
        guard paths.count >= 2 else { throw ValidationError("give a docs folder and the output folder: apigen DOCS OUT") }
        if docs.count > 1, moduleName.count != docs.count {
            throw ValidationError("\(docs.count) docs sets make \(docs.count) modules: give --module-name \(docs.count) times, in order")
        }
        if docs.count == 1, moduleName.count > 1 { throw ValidationError("one docs set is one module: give --module-name once") }
    }

    func run() throws {
        let start = Date()
        let report: Generator.Report
        do {
            let file = try Self.configuration(config)
            let options = Generator.Options(
                loading: reading.loaderOptions,
                emitting: EmitOptions(
                    moduleName: moduleName.first ?? file.moduleName ?? "Rancher", access: access ?? file.access ?? .public,
                    templatesDirectory: templates.map { URL(fileURLWithPath: $0) } ?? file.templates,
                    singleFileName: singleFile, typeNameOverrides: file.names,
                    templateParameters: file.params),
                checkOnly: check, include: file.include, exclude: file.exclude)
            let modules = docs.count == 1
                ? [Generator.ModuleInput(docs: URL(fileURLWithPath: docs[0]), moduleName: options.emitting.moduleName)]
                : zip(docs, moduleName).map { Generator.ModuleInput(docs: URL(fileURLWithPath: $0), moduleName: $1) }
            report = try Generator.run(modules: modules, output: URL(fileURLWithPath: output), options: options)
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
