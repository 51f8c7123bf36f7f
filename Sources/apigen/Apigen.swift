import ApigenKit
import ArgumentParser
import Foundation

@main
struct Apigen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apigen",
        abstract: "Turns Rancher API documentation into a Swift SDK.",
        subcommands: [Generate.self, Dump.self, Diff.self, Context.self, Schemas.self],
        defaultSubcommand: Generate.self
    )
}

/// Options shared by the commands that read a docs set.
struct ReadingOptions: ParsableArguments {
    @Flag(help: "Treat warnings as errors.")
    var strict = false

    var loaderOptions: DocsSetLoader.Options { DocsSetLoader.Options(strict: strict) }

    /// Reads a docs set, reports its diagnostics on stderr, and stops (exit 1) when a page has errors, or
    /// (exit 2) when the folder cannot be read.
    func loadReporting(_ docs: String) throws -> APIDocument {
        let document: APIDocument
        do {
            document = try DocsSetLoader.load(URL(fileURLWithPath: docs), options: loaderOptions)
        } catch {
            throw Console.fail(error)
        }
        Console.report(document.diagnostics)
        if document.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
        return document
    }
}

enum Console {
    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static func reportTimings(_ timings: StageTimings) {
        for stage in StageTimings.Stage.allCases where timings.seconds(stage) > 0 {
            let label = stage.rawValue.padding(toLength: 30, withPad: " ", startingAt: 0)
            note("  \(label) " + String(format: "%8.1f ms", timings.seconds(stage) * 1000))
        }
    }

    static func fail(_ error: DiagnosticError) -> ExitCode {
        report([error.diagnostic])
        return ExitCode(2)
    }
}

struct Dump: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the IR of a docs set as JSON (see ir-format.md).",
        discussion: "Diagnostics go to stderr as file:line: severity: message. Exit status: 0 on success, 1 when a page has errors, 2 when the folder cannot be read."
    )

    @Argument(help: "A docs set folder (the one holding api-resources/) or any folder of pages.")
    var docs: String

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        let document = try reading.loadReporting(docs)
        print(try CanonicalJSON.encode(document), terminator: "")
    }
}
