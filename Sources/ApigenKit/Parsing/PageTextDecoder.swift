import Foundation

/// Turns a page's bytes into text, or explains why it cannot be read.
enum PageTextDecoder {
    enum Failure: Error, Equatable {
        case empty
        case binary
        case notUTF8(line: Int)

        var message: String {
            switch self {
            case .empty: "the page is empty"
            case .binary: "the file is binary, not a docs page"
            case .notUTF8: "the file is not valid UTF-8"
            }
        }

        var line: Int {
            if case .notUTF8(let line) = self { return line }
            return 0
        }
    }

    /// Decodes UTF-8, drops a byte-order mark and normalises CRLF/CR line ends to LF.
    static func text(from data: Data) -> Result<String, Failure> {
        text(from: [UInt8](data))
    }

    static func text(from bytes: [UInt8]) -> Result<String, Failure> {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .failure(.empty) }
        if contains(0, in: bytes) { return .failure(.binary) }
        if contains(0x0D, in: bytes) { bytes = normalizingLineEnds(bytes) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(.notUTF8(line: firstInvalidUTF8Line(in: bytes)))
        }
        return .success(text)
    }

    /// `memchr`: the generic `contains` reads a byte at a time, and this scans every page twice.
    private static func contains(_ byte: UInt8, in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, Int32(byte), buffer.count) != nil } ?? false
        }
    }

    /// CRLF and lone CR become LF.
    private static func normalizingLineEnds(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0D {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { continue }
                result.append(0x0A)
            } else {
                result.append(byte)
            }
        }
        return result
    }

    private static func firstInvalidUTF8Line(in bytes: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            if String(validating: bytes[start..<index], as: UTF8.self) == nil { return line }
            line += 1
            start = index + 1
        }
        return line
    }
}
