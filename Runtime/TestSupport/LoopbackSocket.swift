// RancherRuntime tests: POSIX socket helpers for LoopbackServer (Glibc on Linux, Darwin on Apple platforms).

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A lock-protected value; `@unchecked` is sound because every access holds the lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

/// Thin wrappers over the POSIX socket calls that differ between Glibc and Darwin.
enum LoopbackSocket {
    #if canImport(Glibc)
    static let streamType = Int32(SOCK_STREAM.rawValue)
    private static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    static let streamType = SOCK_STREAM
    private static let sendFlags: Int32 = 0
    #endif

    static func setOption(_ fd: Int32, _ option: Int32, _ value: Int32) throws {
        var value = value
        guard setsockopt(fd, SOL_SOCKET, option, &value, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw LoopbackServerError.socket("setsockopt", errno)
        }
    }

    /// Runs `body` with the URL of a loopback port that refuses connections: bound, never listening, and held
    /// until `body` returns, so no server of a test running in parallel can take it over (a closed server's
    /// port can be, and then answers in its place).
    static func withRefusingPort<T>(_ body: (URL) async throws -> T) async throws -> T {
        let fd = socket(AF_INET, streamType, 0)
        guard fd >= 0 else { throw LoopbackServerError.socket("socket", errno) }
        defer { close(fd) }
        let port = try bindLoopback(fd)
        guard let url = URL(string: "http://127.0.0.1:\(port)") else { throw LoopbackServerError.socket("url", 0) }
        return try await body(url)
    }

    /// Binds to `address` (dotted IPv4, e.g. 127.0.0.1) with an ephemeral port and returns the port.
    static func bindLoopback(_ fd: Int32, address host: String = "127.0.0.1") throws -> UInt16 {
        var address = sockaddr_in()
        #if canImport(Darwin)
        address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { throw LoopbackServerError.socket("inet_pton", errno) }
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else { throw LoopbackServerError.socket("bind", errno) }
        var actual = sockaddr_in()
        var actualLength = length
        let named = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &actualLength) }
        }
        guard named == 0 else { throw LoopbackServerError.socket("getsockname", errno) }
        return UInt16(bigEndian: actual.sin_port)
    }

    static func setTimeouts(_ fd: Int32, seconds: Int) {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        let size = socklen_t(MemoryLayout<timeval>.size)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, size)
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, size)
        #if canImport(Darwin)
        // Darwin has no MSG_NOSIGNAL; without this a closed peer would kill the test process.
        var one: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    /// Reads what is available; nil on end of stream, error or timeout.
    static func read(_ fd: Int32) -> Data? {
        var bytes = [UInt8](repeating: 0, count: 16_384)
        let count = bytes.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        return count > 0 ? Data(bytes[0..<count]) : nil
    }

    /// Writes all of `data`, giving up on error or timeout.
    static func write(_ fd: Int32, _ data: Data) {
        var offset = 0
        while offset < data.count {
            let written = data[(data.startIndex + offset)...].withUnsafeBytes {
                send(fd, $0.baseAddress, $0.count, sendFlags)
            }
            guard written > 0 else { return }
            offset += written
        }
    }
}
