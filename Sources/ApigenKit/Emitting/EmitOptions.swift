import Foundation

/// How the SDK is emitted.
public struct EmitOptions: Sendable, Hashable {
    public enum AccessLevel: String, Sendable, Hashable, CaseIterable {
        case `public`, `internal`
    }

    /// The Swift module (and package, library product) name.
    public var moduleName: String
    public var access: AccessLevel
    /// A folder whose `*.mustache` files replace built-in templates of the same relative name.
    public var templatesDirectory: URL?
    /// Emit only the module's Swift sources, as this one file (for SwiftPM build plugins, which must name
    /// their outputs before the tool runs), instead of a whole package.
    public var singleFileName: String?
    /// Swift names chosen by the user for API types (`names:` in apigen.yml), by API name.
    public var typeNameOverrides: [String: String]
    /// Values every template can read as `params.<name>` (`params:` in apigen.yml), for custom templates.
    public var templateParameters: [String: String]

    public init(
        moduleName: String = "Rancher", access: AccessLevel = .public, templatesDirectory: URL? = nil,
        singleFileName: String? = nil, typeNameOverrides: [String: String] = [:], templateParameters: [String: String] = [:]
    ) {
        self.moduleName = moduleName
        self.access = access
        self.templatesDirectory = templatesDirectory
        self.singleFileName = singleFileName
        self.typeNameOverrides = typeNameOverrides
        self.templateParameters = templateParameters
    }
}

/// One file of the generated package.
public struct GeneratedFile: Sendable, Hashable {
    /// Relative to the output folder, `/`-separated.
    public var path: String
    public var contents: String
    /// The IR types it was generated from (empty for files that depend on the whole set).
    public var sourceTypes: [String]

    public init(path: String, contents: String, sourceTypes: [String] = []) {
        self.path = path
        self.contents = contents
        self.sourceTypes = sourceTypes
    }
}
