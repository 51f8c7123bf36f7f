// RancherRuntime: where the server is, and which URLs may receive the credentials.

import Foundation

/// The server a `RancherClient` talks to, read from its base URL.
///
/// A base URL may be the server root (`https://host`), a path prefix behind a proxy (`https://host/rancher`),
/// an API version (`https://host/v2-beta`), or the environment endpoint the Rancher UI hands out
/// (`https://host/v2-beta/projects/1a5`). Docs paths already start with the version (`/v2-beta/…`), so
/// everything from the version segment on is dropped from the root, and the project is remembered instead:
/// no form of base URL repeats a segment in the final URL.
struct ServerEndpoint: Sendable, Hashable {
    /// Scheme, host, port and any proxy prefix; no user info, query or trailing slash.
    let root: URL
    /// The API version named in the base URL, e.g. `v2-beta`.
    let apiVersion: String?
    /// The project named in the base URL (`…/projects/1a5`).
    let projectID: String?

    init(baseURL: URL) {
        guard var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: true), components.host != nil else {
            // Unusable; building a request URL reports it.
            (root, apiVersion, projectID) = (baseURL, nil, nil)
            return
        }
        // Credentials go in the Authorization header only; a URL's user info would end up in logs.
        components.user = nil
        components.password = nil
        components.query = nil
        components.fragment = nil
        let segments = components.percentEncodedPath.split(separator: "/").map(String.init)
        var prefix = segments
        var version: String?
        var project: String?
        if let index = segments.firstIndex(where: Self.isVersionSegment) {
            prefix = Array(segments[..<index])
            version = segments[index]
            if segments.count > index + 2, segments[index + 1] == "projects" {
                project = segments[index + 2].removingPercentEncoding ?? segments[index + 2]
            }
        }
        components.percentEncodedPath = prefix.isEmpty ? "" : "/" + prefix.joined(separator: "/")
        root = components.url ?? baseURL
        apiVersion = version
        projectID = project
    }

    /// `v1`, `v2-beta`, `v3`: the segment that starts the docs paths.
    private static func isVersionSegment(_ segment: String) -> Bool {
        let bytes = Array(segment.utf8)
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "v"), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[1])
        else { return false }
        let rest = bytes.dropFirst(2).drop { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        return rest.isEmpty || rest.first == UInt8(ascii: "-")
    }

    /// The root with `percentEncodedPath` (which starts with `/`) and `percentEncodedQuery` appended.
    func url(path: String, query: String?) throws -> URL {
        guard var components = URLComponents(url: root, resolvingAgainstBaseURL: true), components.host != nil else {
            throw RancherError.invalidURL("Base URL \(root.absoluteString) is not a valid server URL.")
        }
        components.percentEncodedPath += path.hasPrefix("/") ? path : "/" + path
        components.percentEncodedQuery = query
        guard let url = components.url else { throw RancherError.invalidURL("Cannot build a URL for \(path).") }
        return url
    }

    /// Whether `url` has the root's scheme, host and port (default ports made explicit).
    func isSameOrigin(_ url: URL) -> Bool {
        Self.origin(of: url) == Self.origin(of: root)
    }

    /// Keeps a URL the server handed out (`pagination.next`, a resource's `links`) on the configured server:
    /// a URL of another origin, which Rancher behind a proxy often reports (its internal address), is moved
    /// onto the root, with the root's proxy prefix put in front of its path when missing. Credentials are
    /// thus never sent anywhere else.
    func rebase(_ url: URL) throws -> URL {
        guard let target = URLComponents(url: url, resolvingAgainstBaseURL: true) else {
            throw RancherError.invalidURL("Cannot follow \(url.absoluteString).")
        }
        if target.host != nil, isSameOrigin(url) { return url }
        let prefix = URLComponents(url: root, resolvingAgainstBaseURL: true)?.percentEncodedPath ?? ""
        var path = target.percentEncodedPath
        if !path.hasPrefix("/") { path = "/" + path }
        if !prefix.isEmpty, path != prefix, !path.hasPrefix(prefix + "/") {
            path = prefix + path
        }
        guard var components = URLComponents(url: root, resolvingAgainstBaseURL: true) else {
            throw RancherError.invalidURL("Cannot follow \(url.absoluteString).")
        }
        components.percentEncodedPath = path
        components.percentEncodedQuery = target.percentEncodedQuery
        guard let rebased = components.url else { throw RancherError.invalidURL("Cannot follow \(url.absoluteString).") }
        return rebased
    }

    private struct Origin: Hashable {
        var scheme: String?
        var host: String?
        var port: Int?
    }

    private static func origin(of url: URL) -> Origin {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: true)
        let scheme = components?.scheme?.lowercased()
        let defaultPort: Int? = switch scheme {
        case "http"?: 80
        case "https"?: 443
        default: nil
        }
        return Origin(scheme: scheme, host: components?.host?.lowercased(), port: components?.port ?? defaultPort)
    }
}
