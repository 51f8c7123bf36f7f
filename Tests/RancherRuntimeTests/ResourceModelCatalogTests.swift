// RancherRuntime tests: a resource of any type decoded as the model its `type` or `baseType` names.

import Foundation
import Testing
@_spi(Generated) @testable import RancherRuntime

/// A stand-in for a generated resource model.
private struct TestServiceModel: RancherResource {
    static var apiTypeName: String { "service" }
    typealias ID = ResourceID<Self>
    static var memberTypes: [String: any JSONConvertible.Type] { ["scale": Int.self] }
    var jsonObject: [String: JSONValue]

    init(jsonObject: [String: JSONValue]) { self.jsonObject = jsonObject }

    var scale: Int? { jsonObject[member: "scale"] }
}

/// The catalog a generated SDK declares as `ResourceTypes`.
private enum TestCatalog: ResourceModelCatalog {
    static func model(named name: String) -> (any RancherResource.Type)? {
        name == "service" ? TestServiceModel.self : nil
    }
}

@Suite("Resource model catalog")
struct ResourceModelCatalogTests {
    @Test("A resource decodes as the model of its type, else of its baseType, else as Resource; nothing is lost")
    func decodesByTypeThenBaseType() throws {
        let service = try TestCatalog.decode(Data(#"{"id":"1s1","type":"service","scale":2,"extra":true}"#.utf8))
        #expect((service as? TestServiceModel)?.scale == 2)
        #expect(service.additionalFields["extra"] == true)

        let balancer = try TestCatalog.decode(Data(#"{"id":"1s2","type":"loadBalancerService","baseType":"service","scale":3}"#.utf8))
        #expect((balancer as? TestServiceModel)?.scale == 3, "an unknown type falls back to its baseType's model")
        #expect(balancer.type == "loadBalancerService")

        let token = try TestCatalog.decode(Data(#"{"id":"1t1","type":"token","jwt":"x"}"#.utf8))
        #expect(token is Resource)
        #expect(token.additionalFields["jwt"] == "x")
    }

    @Test("A body that is not a JSON object is a decoding error naming what it is")
    func refusesNonObjects() {
        #expect(throws: DecodingError.self) { try TestCatalog.decode(Data("[1]".utf8)) }
        do {
            _ = try TestCatalog.decode(Data("\"text\"".utf8))
        } catch let DecodingError.typeMismatch(_, context) {
            #expect(context.debugDescription.hasPrefix("A resource is a JSON object, not "), "\(context.debugDescription)")
        } catch {
            Issue.record("expected typeMismatch, got \(error)")
        }
    }
}
