/// The 64-bit FNV-1a hash (Fowler, Noll, Vo): short, stable across machines and
/// releases (unlike `Hasher`, which is seeded per process), for checksums and
/// for names derived from text.
public struct FNV1a {
    public private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    public init() {}

    /// Mixes `bytes` into the hash.
    public mutating func combine<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        var hash = value
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        value = hash
    }

    /// The hash of `bytes`.
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hasher = FNV1a()
        hasher.combine(bytes)
        return hasher.value
    }

    /// The hash of the UTF-8 bytes of `text`.
    public static func hash(_ text: String) -> UInt64 { hash(text.utf8) }
}
