import ApigenKit
import ArgumentParser
import Foundation

extension DiffFormat: ExpressibleByArgument {}
extension DiffLevel: ExpressibleByArgument {}

/// `apigen diff OLD NEW`: a thin shell around `DiffInput`, `APIDiffer` and `DiffReporter`.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report what changed between two API versions, and what breaks.",
        discussion: """
            OLD and NEW are docs set folders (the ones holding api-resources/), single pages, or IR JSON files \
            written by `apigen dump`. Types, fields, operations and actions are matched by name: a rename is \
            reported as a removal plus an addition. `--list-rules` prints every rule with its level.

            Exit status: 0 when the diff ran (and no finding reached --fail-on), 1 when a finding at the \
            --fail-on level or above exists, 2 when an input cannot be read (missing, not docs, invalid IR JSON, \
            or a page with errors).
            """
    )

    @Argument(help: "The old docs set folder or IR JSON file.")
    var old: String?

    @Argument(help: "The new docs set folder or IR JSON file.")
    var new: String?

    @Option(help: "Output format: text (grouped by type), markdown (for a pull request) or json (ir-format.md).")
    var format: DiffFormat = .text

    @Option(help: "Exit with status 1 when a finding at this level or above exists: breaking, warning or info.")
    var failOn: DiffLevel?

    @Flag(help: "Print the rule catalogue (id, level, meaning) in the chosen format and exit.")
    var listRules = false

    func validate() throws {
        if !listRules, old == nil || new == nil {
            throw ValidationError("Give OLD and NEW, or --list-rules.")
        }
    }

    func run() throws {
        if listRules {
            print(try DiffReporter.renderRules(format: format), terminator: "")
            return
        }
        guard let old, let new else { return }
        let report: DiffReport
        do {
            report = APIDiffer.diff(old: try DiffInput.load(old), new: try DiffInput.load(new))
        } catch {
            throw Console.fail(error)
        }
        let colors = format == .text && isatty(STDOUT_FILENO) != 0
        print(try DiffReporter.render(report, format: format, colors: colors), terminator: "")
        let status = report.exitStatus(failOn: failOn)
        if status != 0 { throw ExitCode(status) }
    }
}
