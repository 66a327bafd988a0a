import Foundation

/// The header of an IDX file alone: its magic number and dimension sizes,
/// read from the first bytes of the (possibly gzip-compressed) file.
///
/// Validating an experiment reads only this, so checking a file that names a
/// large data set stays cheap; the payload is checked when the data is loaded.
public struct IDXHeader: Equatable, Sendable {
    /// The dimension sizes: `[count, rows, cols]` for images, `[count]` for labels.
    public let dimensions: [Int]

    /// The number of items (images or labels) the file holds.
    public var count: Int { dimensions.first ?? 0 }

    /// Reads the header of an images file (magic 0x00000803: count × rows × cols).
    public static func readImages(_ url: URL) throws -> IDXHeader {
        try read(url, magic: IDXFile.imagesMagic, dimensionCount: 3)
    }

    /// Reads the header of a labels file (magic 0x00000801: count).
    public static func readLabels(_ url: URL) throws -> IDXHeader {
        try read(url, magic: IDXFile.labelsMagic, dimensionCount: 1)
    }

    private static func read(_ url: URL, magic: UInt32, dimensionCount: Int) throws -> IDXHeader {
        let length = 4 + 4 * dimensionCount
        let bytes = try GzipFile.readPrefix(url, count: length)
        func malformed(_ problem: String) -> DataError { .malformedIDX(path: url.path, problem: problem) }
        let expected = String(format: "0x%08X", magic)
        guard bytes.count == length else {
            throw malformed("file is \(bytes.count) bytes long, too short for the \(length)-byte header")
        }
        let found = bigEndianUInt32(bytes, at: 0)
        guard found == magic else {
            throw malformed("magic number \(String(format: "0x%08X", found)), expected \(expected)")
        }
        return IDXHeader(dimensions: (0..<dimensionCount).map { Int(bigEndianUInt32(bytes, at: 4 + 4 * $0)) })
    }

    private static func bigEndianUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<offset + 4].reduce(0) { ($0 << 8) | UInt32($1) }
    }
}
