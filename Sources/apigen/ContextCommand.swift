import ApigenKit
import ArgumentParser
import Foundation

struct Context: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print, as JSON, the context every template receives when generating from a docs set.",
        discussion: "What a custom template (--templates) can use: per generated file its template and context, and apigen.yml's params (as params.<name>). See Templates/README.md. Exit status: 0 on success, 1 when a page has errors, 2 when an input cannot be read."
    )

    @Argument(help: "A docs set folder (the one holding api-resources/) or any folder of pages.")
    var docs: String

    @Option(help: "Only the files this template renders, e.g. Swift/Model.swift.")
    var template: String?

    @Option(help: "The Swift module name (default: apigen.yml's, else Rancher).")
    var moduleName: String?

    @Option(help: "A configuration file (default: apigen.yml in the current folder, when there is one).")
    var config: String?

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        let output: String
        do {
            let file = try Generate.configuration(config)
            let document = try DocsSetLoader.load(URL(fileURLWithPath: docs), options: reading.loaderOptions)
            if document.diagnostics.contains(where: { $0.severity == .error }) {
                Console.report(document.diagnostics)
                throw ExitCode.failure
            }
            let selected = try TypeSelection.apply(include: file.include, exclude: file.exclude, to: document)
            let emitter = try SDKEmitter(options: EmitOptions(
                moduleName: moduleName ?? file.moduleName ?? "Rancher", access: file.access ?? .public,
                templatesDirectory: file.templates, typeNameOverrides: file.names, templateParameters: file.params))
            output = try emitter.contexts(selected, template: template)
        } catch let error as DiagnosticError {
            throw Console.fail(error)
        }
        print(output, terminator: "")
    }
}
