/// Conversions between values and their little-endian bytes, the byte order
/// of the interchange formats (safetensors, .npy) whatever the host's.
enum LittleEndianBytes {
    /// The bytes of one integer.
    static func of<Value: FixedWidthInteger>(_ value: Value) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }

    /// The IEEE bits of `values`, four bytes each.
    static func of(_ values: [Float]) -> [UInt8] {
        #if _endian(little)
        return values.withUnsafeBytes { Array($0) }
        #else
        return values.flatMap { of($0.bitPattern) }
        #endif
    }

    /// The two's-complement bits of `values`, four bytes each.
    static func of(_ values: [Int32]) -> [UInt8] {
        #if _endian(little)
        return values.withUnsafeBytes { Array($0) }
        #else
        return values.flatMap { of($0) }
        #endif
    }

    /// The 32-bit words of `bytes`, whose count is a multiple of four.
    static func uint32s<Bytes: Collection>(_ bytes: Bytes) -> [UInt32] where Bytes.Element == UInt8, Bytes.Index == Int {
        let start = bytes.startIndex
        return (0..<(bytes.count / 4)).map { word in
            (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[start + word * 4 + $1]) << (8 * $1) }
        }
    }
}
