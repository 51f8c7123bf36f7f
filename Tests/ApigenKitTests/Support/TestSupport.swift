import Foundation
import Testing
@testable import ApigenKit

/// Where the tests find the repository, the shared corpus and their fixtures.
enum TestPaths {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the repository (CI lays a read-only copy there); `APIGEN_SHARED` overrides it.
    static let shared: URL = {
        if let override = ProcessInfo.processInfo.environment["APIGEN_SHARED"] { return URL(fileURLWithPath: override) }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    static let corpus = shared.appendingPathComponent("corpus/rancher")

    /// The six docs sets of the shared corpus.
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
