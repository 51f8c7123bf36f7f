import ApigenKit
import ArgumentParser
import Foundation

struct Schemas: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the API's /schemas collection, as a Rancher 1.x server sends it, from a docs set.",
        discussion: "One schema per documented type: resourceFields, methods, actions, collectionFilters, links. Only what the docs state; what they never do (nullable, maxLength, …) is left out. Exit status: 0 on success, 1 when a page has errors, 2 when the folder cannot be read."
    )

    @Argument(help: "A docs set folder (the one holding api-resources/) or any folder of pages.")
    var docs: String

    @Option(help: "The API version's URL the links start with (default: http://localhost:8080/<the docs' API version>).")
    var baseURL: String?

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        let document = try reading.loadReporting(docs)
        let base = baseURL ?? "http://localhost:8080/" + (document.apiVersion ?? "v2-beta")
        print(SchemaExporter(document: document).collection(baseURL: base).serialized())
    }
}
