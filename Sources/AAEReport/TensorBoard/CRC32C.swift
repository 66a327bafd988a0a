/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum TensorFlow's
/// record files use, and its masked form.
///
/// The check value of the ASCII bytes "123456789" is 0xE3069283.
public enum CRC32C {
    /// The checksum of `bytes`.
    public static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    /// The checksum of `bytes` masked as TensorFlow stores it: rotated right by 15 bits
    /// plus 0xA282EAD8, so that a CRC of data that holds CRCs stays well distributed.
    public static func masked<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        let crc = checksum(bytes)
        return ((crc >> 15) | (crc << 17)) &+ 0xA282_EAD8
    }

    /// The remainder of every byte value, one table lookup per byte.
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? (value >> 1) ^ 0x82F6_3B78 : value >> 1
        }
        return value
    }
}
