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
    /// their outputs before the tool runs), instead of a whole package. The runtime is not in it: the target
    /// depends on apigen's `RancherRuntime` product.
    public var singleFileName: String?
    /// Swift names chosen by the user for API types (`names:` in apigen.yml), by API name.
    public var typeNameOverrides: [String: String]
    /// Values every template can read as `params.<name>` (`params:` in apigen.yml), for custom templates.
    public var templateParameters: [String: String]
    /// Every API module of the package, this one among them, when the package holds several (v1 and v2-beta over
    /// one runtime target); empty for a package of this module alone. The first module's emitter writes the
    /// package's own files (manifest, README, runtime); each module's reference goes to `docs/<Module>/`.
    public var packageModules: [PackageModule] = []

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

/// One API module of a package that holds several.
public struct PackageModule: Sendable, Hashable {
    public var moduleName: String
    public var docsVersion: String
    public var apiVersion: String

    public init(moduleName: String, docsVersion: String, apiVersion: String) {
        self.moduleName = moduleName
        self.docsVersion = docsVersion
        self.apiVersion = apiVersion
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
