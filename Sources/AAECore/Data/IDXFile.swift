import Foundation

/// Parser for the IDX format that MNIST ships in (optionally gzip-compressed).
///
/// An IDX file is a big-endian header, `0x00 0x00 <type> <dimension count>` followed by one
/// 32-bit size per dimension, then the elements. Only unsigned-byte data (type 0x08) is
/// supported, which is all MNIST uses. The payload must be exactly as long as the sizes say:
/// a short file means a broken download and extra bytes mean a wrong file, and both would
/// otherwise silently shift every image.
public enum IDXFile {
    /// Magic number of a 3-D unsigned-byte file: images × rows × columns.
    public static let imagesMagic: UInt32 = 0x0000_0803
    /// Magic number of a 1-D unsigned-byte file: one label per image.
    public static let labelsMagic: UInt32 = 0x0000_0801

    private static let unsignedByteType: UInt8 = 0x08

    /// Reads and parses an images file (`*-idx3-ubyte`, gzip or plain).
    public static func readImages(_ url: URL) throws -> IDXImages {
        try parseImages(GzipFile.read(url), path: url.path)
    }

    /// Reads and parses a labels file (`*-idx1-ubyte`, gzip or plain).
    public static func readLabels(_ url: URL) throws -> IDXLabels {
        try parseLabels(GzipFile.read(url), path: url.path)
    }

    /// Parses the bytes of an images file; `path` is only used in error messages.
    public static func parseImages(_ bytes: [UInt8], path: String) throws -> IDXImages {
        let dims = try parseHeader(bytes, path: path, dimensionCount: 3, magic: imagesMagic,
                                   payloadName: "pixel data")
        let headerLength = 4 + 4 * dims.count
        return IDXImages(count: dims[0], rows: dims[1], cols: dims[2],
                         pixels: Array(bytes[headerLength...]))
    }

    /// Parses the bytes of a labels file; `path` is only used in error messages.
    public static func parseLabels(_ bytes: [UInt8], path: String) throws -> IDXLabels {
        let dims = try parseHeader(bytes, path: path, dimensionCount: 1, magic: labelsMagic,
                                   payloadName: "label data")
        let headerLength = 4 + 4 * dims.count
        return IDXLabels(labels: Array(bytes[headerLength...]))
    }

    /// Validates magic, type, dimension count and payload length; returns the dimension sizes.
    private static func parseHeader(_ bytes: [UInt8], path: String, dimensionCount: Int,
                                    magic: UInt32, payloadName: String) throws -> [Int] {
        func malformed(_ problem: String) -> DataError {
            DataError.malformedIDX(path: path, problem: problem)
        }
        let expectedMagic = hex(magic)
        guard bytes.count >= 4 else {
            throw malformed("file is \(bytes.count) bytes long, too short for the 4-byte magic number \(expectedMagic)")
        }
        let foundMagic = bigEndianUInt32(bytes, at: 0)
        guard bytes[0] == 0, bytes[1] == 0 else {
            throw malformed("bad magic number \(hex(foundMagic)), expected \(expectedMagic)")
        }
        guard bytes[2] == unsignedByteType else {
            throw malformed(String(format: "element type 0x%02X is not supported, expected 0x08 (unsigned byte)", bytes[2])
                            + " (magic number \(hex(foundMagic)), expected \(expectedMagic))")
        }
        guard Int(bytes[3]) == dimensionCount else {
            throw malformed("has \(bytes[3]) dimensions, expected \(dimensionCount) "
                            + "(magic number \(hex(foundMagic)), expected \(expectedMagic))")
        }
        let headerLength = 4 + 4 * dimensionCount
        guard bytes.count >= headerLength else {
            throw malformed("file is \(bytes.count) bytes long, too short for the \(headerLength)-byte header")
        }
        let dims = (0..<dimensionCount).map { Int(bigEndianUInt32(bytes, at: 4 + 4 * $0)) }
        var expectedPayload = 1
        for size in dims {
            let (product, overflow) = expectedPayload.multipliedReportingOverflow(by: size)
            guard !overflow else { throw malformed("dimensions \(dims) are too large") }
            expectedPayload = product
        }
        let foundPayload = bytes.count - headerLength
        guard foundPayload == expectedPayload else {
            let shape = dims.map(String.init).joined(separator: "×")
            let verdict = foundPayload < expectedPayload ? "file is truncated" : "file has trailing bytes"
            throw malformed("expected \(expectedPayload) bytes of \(payloadName), found \(foundPayload) "
                            + "(\(verdict); header says \(shape))")
        }
        return dims
    }

    private static func bigEndianUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<offset + 4].reduce(0) { ($0 << 8) | UInt32($1) }
    }

    private static func hex(_ value: UInt32) -> String {
        String(format: "0x%08X", value)
    }
}
