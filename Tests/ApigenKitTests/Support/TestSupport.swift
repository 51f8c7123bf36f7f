import Foundation
import Testing
@testable import ApigenKit

/// Where the tests find the repository, the shared corpus and their fixtures.
enum TestPaths {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folder beside the repository where CI lays a read-only copy of the project's shared data.
    static let shared = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// The real Rancher docs (third-party text the repository does not ship): a folder holding
    /// `rancher/v1.x/en/api/…`. `APIGEN_CORPUS` (as `scripts/fetch-corpus` prints it), then `../shared/corpus`;
    /// nil when neither is there. A variable that is set is trusted: a wrong path fails the tests, not skips them.
    static let corpusRoot: URL? = ExternalData.locate(variable: "APIGEN_CORPUS", fallback: shared.appendingPathComponent("corpus"),
                                                      probe: "rancher/v1.6/en/api/v2-beta")

    /// Two real servers' `/schemas` output, the exact inputs of two docs sets: `APIGEN_ORACLE`, then `../shared/oracle`.
    static let oracle: URL? = ExternalData.locate(variable: "APIGEN_ORACLE", fallback: shared.appendingPathComponent("oracle"),
                                                  probe: "schemas-2016-05-04-fbbfa7d.json")

    static var corpus: URL { (corpusRoot ?? shared.appendingPathComponent("corpus")).appendingPathComponent("rancher") }

    static func oracleFile(_ name: String) -> URL { (oracle ?? shared.appendingPathComponent("oracle")).appendingPathComponent(name) }

    /// The six docs sets of the corpus.
    static let corpusSets = [
        "v1.0/en/api/v1", "v1.2/en/api/v2-beta", "v1.4/en/api/v1", "v1.4/en/api/v2-beta", "v1.6/en/api/v1",
        "v1.6/en/api/v2-beta",
    ]

    static func corpusSet(_ name: String) -> URL { corpus.appendingPathComponent(name) }

    static var fixturePages: URL {
        get throws {
            try #require(Bundle.module.url(forResource: "pages", withExtension: nil), "test fixtures are missing")
        }
    }

    static let seedPage = repositoryRoot.appendingPathComponent("input-docs/networkDriverService.md")

    /// The fixture docs sets (`Fixtures/docs-sets`): small pages written in the docs' format, with every quirk
    /// the corpus tests guard, so a fresh clone tests each path. Laid out as the corpus is.
    static let fixtureSets = ["v1.0/en/api/v1", "v1.6/en/api/v1", "v1.6/en/api/v2-beta"]

    static var fixtureDocsSets: URL {
        get throws {
            try #require(Bundle.module.url(forResource: "docs-sets", withExtension: nil), "fixture docs sets are missing")
        }
    }

    static func fixtureDocsSet(_ name: String) throws -> URL { try fixtureDocsSets.appendingPathComponent(name) }

    /// The `/schemas` a server would send for two fixture sets (`Fixtures/oracle`), as `../shared/oracle` holds
    /// the real servers' for two corpus sets.
    static let fixtureOraclePairs = [
        ("v1.0/en/api/v1", "schemas-fixture-v1.0-v1.json"),
        ("v1.6/en/api/v2-beta", "schemas-fixture-v1.6-v2-beta.json"),
    ]

    static func fixtureOracleFile(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: "oracle", withExtension: nil), "fixture oracle is missing")
            .appendingPathComponent(name)
    }
}

/// Finding data the repository does not ship, and skipping (saying how to get it) the tests that need it.
enum ExternalData {
    static func locate(variable: String, fallback: URL, probe: String) -> URL? {
        if let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty { return URL(fileURLWithPath: value) }
        return FileManager.default.fileExists(atPath: fallback.appendingPathComponent(probe).path) ? fallback : nil
    }
}

extension Trait where Self == ConditionTrait {
    /// For tests over the real Rancher docs: skipped, with how to get them, when they are not found.
    static var needsCorpus: Self {
        .enabled(if: TestPaths.corpusRoot != nil,
                 "needs the Rancher docs corpus: run scripts/fetch-corpus and set the APIGEN_CORPUS it prints")
    }

    /// For tests over the real servers' `/schemas` captures (and the docs sets made from them).
    static var needsOracle: Self {
        .enabled(if: TestPaths.oracle != nil && TestPaths.corpusRoot != nil,
                 "needs the servers' /schemas captures and the docs corpus: set APIGEN_ORACLE and APIGEN_CORPUS")
    }
}

/// A throw-away folder of pages for a test.
struct TemporaryDocs {
    let url: URL

    init(_ files: [String: String] = [:]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (path, contents) in files { try write(path, Data(contents.utf8)) }
    }

    func write(_ path: String, _ data: Data) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    func load(strict: Bool = false) throws -> APIDocument {
        try DocsSetLoader.load(url, options: .init(strict: strict))
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Builds small resource pages in the docs' own format.
enum PageBuilder {
    static func frontMatter(title: String = "API", version: String = "v1.6", api: String = "v2-beta") -> String {
        "---\ntitle: \(title)\nlayout: rancher-api-\(api)-default-\(version)\nversion: \(version)\nlang: en\napiVersion: \(api)\n---\n"
    }

    static func link(_ target: String) -> String {
        "[\(target)]({{site.baseurl}}/rancher/{{page.version}}/{{page.lang}}/api/{{page.apiVersion}}/api-resources/\(target)/)"
    }

    /// A type page: heading is the raw id; `rows` are `Field | Type | Create | Update | Default | Notes` rows.
    static func typePage(_ name: String, writeable rows: [String]) -> String {
        frontMatter() + "\n## \(name)\n\n### Resource Fields\n\n#### Writeable Fields\n\n"
            + "Field | Type | Create | Update | Default | Notes\n---|---|---|---|---|---\n"
            + rows.joined(separator: "\n") + "\n"
    }

    static func resourcePage(
        _ name: String, writeable: [String] = [], readOnly: [String] = [], create body: String? = nil,
        actions: [String] = []
    ) -> String {
        var page = frontMatter(title: "Rancher API - \(name)") + "\n## \(name.prefix(1).uppercased() + name.dropFirst())\n\n"
        page += "### Resource Fields\n\n"
        if !writeable.isEmpty {
            page += "#### Writeable Fields\n\nField | Type | Create | Update | Default | Notes\n---|---|---|---|---|---\n"
            page += writeable.joined(separator: "\n") + "\n\n"
        }
        if !readOnly.isEmpty {
            page += "#### Read Only Fields\n\nField | Type   | Notes\n---|---|---\n" + readOnly.joined(separator: "\n") + "\n\n"
        }
        if let body {
            page += """
                ### Operations
                {::options parse_block_html="true" /}
                <a id="create"></a>
                <div class="action"><span class="header">Create<span class="headerright">POST:  <code>/v2-beta/projects/${PROJECT_ID}/\(name)s</code></span></span>
                <div class="action-contents"> {% highlight json %}
                curl -u "${RANCHER_ACCESS_KEY}:${RANCHER_SECRET_KEY}" \\
                -X POST \\
                -d '\(body)' 'http://${RANCHER_URL}:8080/v2-beta/projects/${PROJECT_ID}/\(name)s'
                {% endhighlight %}
                </div></div>

                """
        }
        if !actions.isEmpty { page += "\n### Actions\n\n" + actions.joined(separator: "\n") }
        return page
    }

    /// An action block; `input` nil means "This action has no inputs".
    static func action(
        _ name: String, on resource: String, input: String? = nil, inputRows: [String] = [], body: String? = nil,
        output: String? = nil
    ) -> String {
        let inputLine = input.map { "<strong>Input:</strong> <a href=\"{{site.baseurl}}/rancher/{{page.version}}/{{page.lang}}/api/{{page.apiVersion}}/api-resources/\($0)/\">\($0.prefix(1).uppercased() + $0.dropFirst())</a></span>" }
            ?? "<strong>Input:</strong>This action has no inputs</span>"
        let table = inputRows.isEmpty ? "" : "Field | Type | Required | Default | Notes\n---|---|---|---|---\n" + inputRows.joined(separator: "\n") + "\n"
        let data = body.map { "-d '\($0)' " } ?? ""
        let outputLine = output.map {
            "<span class=\"output\"><strong>Output:</strong> An updated copy of the <a href=\"{{site.baseurl}}/rancher/{{page.version}}/{{page.lang}}/api/{{page.apiVersion}}/api-resources/\($0)/\">\($0)</a> resource</span>"
        } ?? ""
        return """
            <div class="action" id="\(name)">
            <span class="header">
            \(name)
            <span class="headerright">POST:  <code>/v2-beta/projects/${PROJECT_ID}/\(resource)s/${ID}?action=\(name)</code></span></span>
            <div class="action-contents">

            <br>
            <span class="input">
            \(inputLine)

            \(table)

            <br>
            {% highlight json %}
            curl -u "${RANCHER_ACCESS_KEY}:${RANCHER_SECRET_KEY}" \\
            -X POST \\
            \(data)'http://${RANCHER_URL}:8080/v2-beta/projects/${PROJECT_ID}/\(resource)s/${ID}?action=\(name)'
            {% endhighlight %}
            <br>
            \(outputLine)
            </div></div>

            """
    }
}

/// Runs a program to its end on a thread of its own, never on Swift concurrency's cooperative threads (two on a
/// two-core machine): a test waiting for a long child (a nested `swift build`) would otherwise hold one for minutes
/// and starve the suite's other tests, the runtime's loopback HTTP tests among them.
enum Subprocess {
    struct Result: Sendable {
        var status: Int32
        var stdout: Data
        var stderr: Data
    }

    /// Runs `executable` with `arguments` in `folder`; with `mergingOutput`, stderr goes to `stdout` too.
    static func run(_ executable: URL, _ arguments: [String], in folder: URL? = nil, mergingOutput: Bool = false) async throws -> Result {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Result, any Error>) in
            let thread = Thread {
                let process = Process()
                process.executableURL = executable
                process.arguments = arguments
                if let folder { process.currentDirectoryURL = folder }
                let out = Pipe()
                let err = mergingOutput ? out : Pipe()
                process.standardOutput = out
                process.standardError = err
                do {
                    try process.run()
                } catch {
                    continuation.resume(throwing: error)
                    return
                }
                // Both pipes are drained at once, so a child filling one of them cannot block.
                let stderr = Locked(Data())
                let drained = DispatchSemaphore(value: 0)
                if !mergingOutput {
                    Thread {
                        let data = err.fileHandleForReading.readDataToEndOfFile()
                        stderr.withLock { $0 = data }
                        drained.signal()
                    }.start()
                }
                let stdout = out.fileHandleForReading.readDataToEndOfFile()
                if !mergingOutput { drained.wait() }
                process.waitUntilExit()
                continuation.resume(returning: Result(status: process.terminationStatus, stdout: stdout,
                                                      stderr: stderr.withLock { $0 }))
            }
            thread.start()
        }
    }
}

/// A value behind a lock, for the tests' own threads.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
