import ApigenKit
import ArgumentParser
import Foundation
import Hummingbird
import RancherMock

@main
struct ApigenMock: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apigen-mock",
        abstract: "Serve a Rancher-compatible API, in memory, made from a docs set.",
        discussion: "Serves the API root and version, /schemas, every documented collection (filters, sort, pagination, include), resources that move through their states, actions, links, and Cattle's validation errors. Try: curl http://127.0.0.1:8080/v2-beta/schemas"
    )

    @Argument(help: "A docs set folder (the one holding api-resources/) or any folder of pages.")
    var docs: String

    @Option(help: "The address to listen on.")
    var hostname = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port, printed on start).")
    var port = 8080

    @Option(help: "Require HTTP Basic with this access key (and --secret-key).")
    var accessKey: String?

    @Option(help: "The secret key that goes with --access-key.")
    var secretKey: String?

    @Option(help: "A JSON Lines file the data is kept in and seeded from; it survives a restart.")
    var state: String?

    @Option(help: "Seconds a transition (activating, removing, …) takes.")
    var transitionDelay = 0.5

    func validate() throws {
        guard (accessKey == nil) == (secretKey == nil) else {
            throw ValidationError("--access-key and --secret-key go together")
        }
        guard transitionDelay >= 0 else { throw ValidationError("--transition-delay must not be negative") }
    }

    func run() async throws {
        let document: APIDocument
        do {
            document = try DocsSetLoader.load(URL(fileURLWithPath: docs))
        } catch {
            FileHandle.standardError.write(Data((error.diagnostic.description + "\n").utf8))
            throw ExitCode(2)
        }
        if document.diagnostics.contains(where: { $0.severity == .error }) {
            for diagnostic in document.diagnostics where diagnostic.severity == .error {
                FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
            }
            throw ExitCode.failure
        }
        let options = MockOptions(accessKey: accessKey, secretKey: secretKey, transitionDelay: transitionDelay,
                                  stateFile: state.map { URL(fileURLWithPath: $0) })
        let server: MockServer
        do {
            server = try MockServer(document: document, options: options)
        } catch {
            FileHandle.standardError.write(Data("apigen-mock: error: cannot use the state file \(state ?? ""): \(error)\n".utf8))
            throw ExitCode(2)
        }
        for problem in server.startupProblems { FileHandle.standardError.write(Data((problem + "\n").utf8)) }
        let version = server.catalog.apiVersion
        let application = Application(
            responder: MockResponder(server: server),
            configuration: .init(address: .hostname(hostname, port: port), serverName: "apigen-mock"),
            onServerRunning: { [hostname] channel in
                let bound = channel.localAddress?.port ?? 0
                // Straight to the file descriptor: scripts wait for this line through a pipe.
                let line = "apigen-mock: serving http://\(hostname):\(bound)/\(version) (\(server.catalog.resourceTypes.count) collections)\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            }
        )
        try await application.runService()
    }
}
