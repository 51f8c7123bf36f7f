import Foundation
import Testing
@testable import ApigenKit

@Suite("apigen.yml")
struct ConfigurationTests {
    private func load(_ yaml: String) throws -> Configuration {
        let folder = try TemporaryDocs(["apigen.yml": yaml])
        defer { folder.remove() }
        return try Configuration.load(folder.url.appendingPathComponent("apigen.yml"))
    }

    @Test func readsEveryKey() throws {
        let configuration = try load("""
            moduleName: RancherSDK
            access: internal
            include: [networkDriverService]
            exclude: [build]
            names: { networkDriverService: NetworkDriver2 }
            templates: my-templates
            params: { company: Acme, year: 2026, beta: true }
            """)
        #expect(configuration.moduleName == "RancherSDK")
        #expect(configuration.access == .internal)
        #expect(configuration.include == ["networkDriverService"])
        #expect(configuration.exclude == ["build"])
        #expect(configuration.names == ["networkDriverService": "NetworkDriver2"])
        #expect(configuration.templates?.lastPathComponent == "my-templates")
        #expect(configuration.params == ["company": "Acme", "year": "2026", "beta": "true"])
    }

    @Test func paramsAreTextsUnderPlainNames() throws {
        for (yaml, line) in [("params: [a, b]\n", 1), ("params:\n  nested: { a: b }\n", 2), ("params:\n  a.b: c\n", 2)] {
            #expect(throws: DiagnosticError.self, "\(yaml)") { try load(yaml) }
            #expect((try? load(yaml)) == nil)
            do {
                _ = try load(yaml)
            } catch let error as DiagnosticError {
                #expect(error.diagnostic.line == line, "\(yaml)")
                #expect(error.diagnostic.message.hasPrefix("params"), "\(yaml)")
            }
        }
    }

    @Test func everyKeyIsOptional() throws {
        #expect(try load("") == Configuration())
        #expect(try load("# nothing\n") == Configuration())
    }

    @Test func unknownKeysAreErrorsThatNameTheKey() throws {
        #expect {
            try load("moduleName: A\nmodulName: B\n")
        } throws: { error in
            guard let diagnostic = (error as? DiagnosticError)?.diagnostic else { return false }
            return diagnostic.line == 2 && diagnostic.message.hasPrefix("unknown key 'modulName'")
        }
    }

    @Test(arguments: ["access: private", "moduleName: 1x", "include: service", "names: { a: struct }", "- a\n- b"])
    func badValuesAreErrors(_ yaml: String) {
        #expect(throws: DiagnosticError.self) { try load(yaml) }
    }

    @Test func includePullsInWhatTheTypesNeedAndExcludeDrops() throws {
        let document = try DocsSetLoader.load(TestPaths.repositoryRoot.appendingPathComponent("input-docs"))
        let selected = try TypeSelection.apply(include: ["serviceRestart"], exclude: [], to: document)
        #expect(selected.types.map(\.name) == ["rollingRestartStrategy", "serviceRestart"])
        let dropped = try TypeSelection.apply(include: nil, exclude: ["build"], to: document)
        #expect(dropped.type(named: "build") == nil)
        #expect(dropped.types.count == document.types.count - 1)
        #expect(throws: DiagnosticError.self) { try TypeSelection.apply(include: ["nope"], exclude: [], to: document) }
    }

    @Test func nameOverridesReachModelsReferencesAndFiles() throws {
        let document = try DocsSetLoader.load(TestPaths.repositoryRoot.appendingPathComponent("input-docs"))
        let files = try SDKEmitter(options: EmitOptions(typeNameOverrides: ["launchConfig": "ContainerLaunchConfig"])).emit(document)
        #expect(files.contains { $0.path == "Sources/Rancher/Models/ContainerLaunchConfig.swift" })
        let service = try #require(files.first { $0.path == "Sources/Rancher/Models/NetworkDriverService.swift" })
        #expect(service.contents.contains("public var launchConfig: ContainerLaunchConfig? {\n        jsonObject[member: \"launchConfig\"]"))
    }

    @Test func namesKeysMustBeTypesOfTheAPI() throws {
        let document = try DocsSetLoader.load(TestPaths.repositoryRoot.appendingPathComponent("input-docs"))
        try TypeSelection.checkNames(["launchConfig": "ContainerLaunchConfig"], in: document)
        #expect {
            try TypeSelection.checkNames(["lauchConfig": "X"], in: document)
        } throws: { error in
            (error as? DiagnosticError)?.diagnostic.message == "names: 'lauchConfig' is no type of the API; did you mean 'launchConfig'?"
        }
        #expect {
            try TypeSelection.apply(include: ["servicerestart"], exclude: [], to: document)
        } throws: { error in
            (error as? DiagnosticError)?.diagnostic.message == "unknown type 'servicerestart' in include/exclude; did you mean 'serviceRestart'?"
        }
        #expect(ClosestName.match(for: "zzzzzz", in: ["launchConfig"]) == nil, "not a typo of anything")
    }

    /// Two API names, one Swift name: two files at one path, one of them lost. An error names both instead,
    /// and `names:` resolves it.
    @Test func swiftNameCollisionsAreErrors() throws {
        let docs = try TemporaryDocs([
            "fooBar.md": PageBuilder.typePage("fooBar", writeable: ["a | string | Optional | - | - | "]),
            "foo-bar.md": PageBuilder.typePage("foo-bar", writeable: ["b | string | Optional | - | - | "]),
        ])
        defer { docs.remove() }
        let document = try docs.load()
        #expect {
            try SDKEmitter(options: EmitOptions()).checkNames(document)
        } throws: { error in
            let diagnostic = (error as? DiagnosticError)?.diagnostic
            return diagnostic?.message == "the types 'foo-bar' (foo-bar.md) and 'fooBar' (fooBar.md) both become the Swift type "
                + "'FooBar'; give one another name with names: in apigen.yml" && diagnostic?.file == "fooBar.md"
        }
        try SDKEmitter(options: EmitOptions(typeNameOverrides: ["foo-bar": "DashedFooBar"])).checkNames(document)
    }
}
