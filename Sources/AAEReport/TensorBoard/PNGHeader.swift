import Foundation

/// The size and colour layout of a PNG file, read from its IHDR chunk: what an image
/// summary declares beside the PNG bytes.
public struct PNGHeader: Equatable, Sendable {
    public var width: Int
    public var height: Int
    /// TensorBoard's colorspace code: 1 grey, 2 grey and alpha, 3 RGB, 4 RGBA.
    public var colorspace: Int

    private static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The header of the PNG `data`; nil when `data` is not a PNG file or uses a palette.
    public init?(_ data: Data) {
        let bytes = [UInt8](data.prefix(26))
        guard bytes.count == 26, Array(bytes[0..<8]) == Self.signature,
              Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        func bigEndian(_ offset: Int) -> Int {
            (offset..<offset + 4).reduce(0) { $0 << 8 | Int(bytes[$1]) }
        }
        width = bigEndian(16)
        height = bigEndian(20)
        switch bytes[25] {
        case 0: colorspace = 1
        case 4: colorspace = 2
        case 2: colorspace = 3
        case 6: colorspace = 4
        default: return nil
        }
    }
}
