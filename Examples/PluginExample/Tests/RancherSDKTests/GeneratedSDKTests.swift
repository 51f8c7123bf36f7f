import Foundation
import RancherSDK
import Testing

/// The SDK the build-tool plugin generated from docs/networkDriverService.md compiled into RancherSDK and
/// behaves like its docs page says.
struct GeneratedSDKTests {
    @Test func decodesAServiceAndEncodesACreateRequest() throws {
        let json = #"{"id": "1s5", "name": "cni", "scale": 2, "startOnCreate": true, "networkDriver": {"name": "ipsec"}}"#
        let service = try JSONDecoder().decode(NetworkDriverService.self, from: Data(json.utf8))
        #expect(service.name == "cni")
        #expect(service.scale == 2)
        #expect(service.networkDriver?.name == "ipsec")

        // name and networkDriver are required on create, so Create takes them as non-optional values.
        let create = NetworkDriverService.Create(name: "cni", networkDriver: NetworkDriver(name: "ipsec"))
        let body = try JSONSerialization.jsonObject(with: JSONEncoder().encode(create)) as? [String: Any]
        #expect(body?["name"] as? String == "cni")
        #expect((body?["networkDriver"] as? [String: Any])?["name"] as? String == "ipsec")
    }
}
