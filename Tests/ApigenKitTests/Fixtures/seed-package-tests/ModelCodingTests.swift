// Copied into the generated seed package by GeneratedPackageTests (not compiled with apigen's own tests):
// the models' spelled-out Codable, Equatable and Hashable conformances, checked against real JSON.

import Foundation
import Testing
@testable import Rancher

@Suite("Generated model conformances")
struct ModelCodingTests {
    static let serviceJSON = #"""
        {"id":"1s5","name":"web","scale":3,"assignServiceIpAddress":true,"instanceIds":["1i1","1i2"],
         "metadata":{"tier":"front","weight":2},"launchConfig":{"imageUuid":"docker:nginx","labels":{"a":"b"},
         "created":"2016-05-04T18:26:01.250Z"},"vip":null,"type":"networkDriverService","links":{"self":"x"}}
        """#

    private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T { try Fixture.decode(type, json) }

    private func encode(_ value: some Encodable) throws -> String { try Fixture.encode(value) }

    @Test("Every field is read from its JSON key; absent and null fields are nil; unknown keys are ignored")
    func decodesFields() throws {
        let service = try decode(NetworkDriverService.self, Self.serviceJSON)
        #expect(service.id == "1s5")
        #expect(service.name == "web")
        #expect(service.scale == 3)
        #expect(service.assignServiceIpAddress == true)
        #expect(service.instanceIds == ["1i1", "1i2"])
        #expect(service.metadata == ["tier": .string("front"), "weight": .number(2)])
        #expect(service.launchConfig?.imageUuid == "docker:nginx")
        #expect(service.launchConfig?.labels == ["a": "b"])
        #expect(service.launchConfig?.created == Date(timeIntervalSince1970: 1_462_386_361.25))
        #expect(service.vip == nil)
        #expect(service.externalId == nil)
    }

    @Test("A field of the wrong JSON type is a decoding error naming the key")
    func wrongTypeFails() throws {
        #expect {
            try decode(NetworkDriverService.self, #"{"scale":"three"}"#)
        } throws: { error in
            guard case DecodingError.typeMismatch(_, let context)? = error as? DecodingError else { return false }
            return context.codingPath.map(\.stringValue) == ["scale"]
        }
        #expect(throws: DecodingError.self) { try decode(NetworkDriverService.self, #"["not an object"]"#) }
    }

    @Test("Encoding writes the JSON keys and leaves nil fields out; decoding it back gives an equal value")
    func roundTrip() throws {
        let service = try decode(NetworkDriverService.self, Self.serviceJSON)
        let json = try encode(service)
        #expect(!json.contains("null") && !json.contains("\"vip\"") && !json.contains("\"links\""))
        #expect(json.contains(#""instanceIds":["1i1","1i2"]"#))
        #expect(json.contains(#""created":"2016-05-04T18:26:01Z""#))
        let again = try decode(NetworkDriverService.self, json)
        #expect(again.launchConfig?.created == Date(timeIntervalSince1970: 1_462_386_361))
        #expect(try encode(again) == json)
    }

    @Test("Equality and hashing cover every field")
    func equalityAndHashing() throws {
        let service = try decode(NetworkDriverService.self, Self.serviceJSON)
        let same = try decode(NetworkDriverService.self, Self.serviceJSON)
        #expect(service == same)
        #expect(service.hashValue == same.hashValue)
        #expect(Set([service, same]).count == 1)
        let otherScale = try decode(NetworkDriverService.self, Self.serviceJSON.replacingOccurrences(of: #""scale":3"#, with: #""scale":4"#))
        #expect(service != otherScale)
        let nestedChange = try decode(NetworkDriverService.self, Self.serviceJSON.replacingOccurrences(of: "nginx", with: "httpd"))
        #expect(service != nestedChange)
        #expect(NetworkDriverService() == NetworkDriverService())
        #expect(NetworkDriverService(vip: "10.0.0.1") != NetworkDriverService())
    }

    @Test("Request bodies encode required fields always and optional ones only when set")
    func payloads() throws {
        let body = NetworkDriverService.Create(name: "web", networkDriver: NetworkDriver(), scale: 2)
        #expect(try encode(body) == #"{"name":"web","networkDriver":{},"scale":2}"#)
        #expect(body == NetworkDriverService.Create(name: "web", networkDriver: NetworkDriver(), scale: 2))
        #expect(body != NetworkDriverService.Create(name: "api", networkDriver: NetworkDriver(), scale: 2))
        #expect(try encode(NetworkDriverService.Update()) == "{}")
    }
}
