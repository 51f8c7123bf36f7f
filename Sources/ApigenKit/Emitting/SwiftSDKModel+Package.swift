/// The package-wide context: the README, `Package.swift`, the getting-started article and the resource-type registry.
extension SwiftSDKModel {
    func packageContext() -> PackageContext {
        func summary(_ type: APIType) -> ResourceSummary {
            let firstSentence = type.description.split(separator: ".", maxSplits: 1).first.map { String($0) + "." }
            return ResourceSummary(typeName: swiftTypeName(type.name), apiName: type.name,
                                   apiNameLiteral: SwiftNames.stringLiteral(type.name),
                                   accessorName: accessorName(of: type), summary: firstSentence)
        }
        let resourceSummaries = resources.map(summary)
        return PackageContext(
            access: access, moduleName: options.moduleName, docsVersion: document.docsVersion ?? "unknown",
            apiVersion: document.apiVersion ?? "unknown", resources: resourceSummaries, firstResource: resourceSummaries.first,
            types: modelTypes.values.filter { $0.kind != .resource || collectionPath(of: $0) == nil }
                .sorted { $0.name < $1.name }.map(summary),
            resourceModels: modelTypes.values.filter { $0.kind == .resource }.sorted { $0.name < $1.name }.map(summary),
            deployExample: deployExample(), exampleAction: exampleAction(),
            modules: options.packageModules.isEmpty
                ? [PackageModule(moduleName: options.moduleName, docsVersion: document.docsVersion ?? "unknown",
                                 apiVersion: document.apiVersion ?? "unknown")]
                : options.packageModules)
    }

    /// The README's deploy workflow (get a service, change its launchConfig's image, upgrade, wait, finish), for
    /// the first resource that has everything it needs, `service` preferred; `nil` where none has.
    private func deployExample() -> DeployExampleContext? {
        func model(_ name: String?) -> APIType? { name.flatMap { modelTypes[$0] } }
        func fieldType(_ field: String, of type: APIType?) -> APIType? {
            guard case .named(let name)? = type?.fields.first(where: { $0.name == field })?.type else { return nil }
            return model(name)
        }
        let candidates = resources.filter { $0.name == "service" } + resources.filter { $0.name != "service" }
        for resource in candidates {
            guard let upgrade = resource.actions.first(where: { $0.name == "upgrade" }),
                  resource.actions.contains(where: { $0.name == "finishupgrade" && $0.input == nil }),
                  let input = model(upgrade.input), let strategy = fieldType("inServiceStrategy", of: input),
                  let launchConfig = fieldType("launchConfig", of: strategy),
                  fieldType("launchConfig", of: resource)?.name == launchConfig.name,
                  launchConfig.fields.contains(where: { $0.name == "imageUuid" }),
                  strategy.fields.contains(where: { $0.name == "startFirst" })
            else { continue }
            return DeployExampleContext(
                accessorName: accessorName(of: resource), launchConfigType: swiftTypeName(launchConfig.name),
                imageProperty: SwiftNames.memberName("imageUuid"),
                upgradeType: swiftTypeName(input.name), strategyType: swiftTypeName(strategy.name),
                finishMethod: actionNames.methodName("finishupgrade"))
        }
        return nil
    }

    /// An action without input of the first resource, for the README's availability example.
    private func exampleAction() -> ExampleActionContext? {
        guard let resource = resources.first else { return nil }
        for action in resource.actions where action.input == nil {
            let methodName = actionNames.methodName(action.name)
            guard !SwiftDeclarations.collectionMemberNames.contains(methodName) else { continue }
            return ExampleActionContext(accessorName: accessorName(of: resource), methodName: SwiftNames.declaration(methodName),
                                        apiNameLiteral: SwiftNames.stringLiteral(action.name))
        }
        return nil
    }
}
