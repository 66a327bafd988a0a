/// Sizes of memory as the command line reads and writes them: `8GB`, `512 MB`,
/// `1.5GB`, a plain number of bytes; 1 KB is 1024 bytes.
enum ByteCount {
    private static let units = ["B", "KB", "MB", "GB", "TB"]

    /// `2.55 MB`, `293.93 GB`.
    static func text(_ bytes: Int) -> String {
        var value = Double(bytes), unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let rounded = (value * 100).rounded() / 100
        return unit == 0 ? "\(bytes) B" : "\(rounded.formatted) \(units[unit])"
    }

    /// The suffixes `parse` reads, longest first, with their multipliers.
    private static let suffixes: [(String, Double)] = [
        ("TB", Double(1 << 40)), ("GB", Double(1 << 30)), ("MB", Double(1 << 20)), ("KB", Double(1 << 10)),
        ("T", Double(1 << 40)), ("G", Double(1 << 30)), ("M", Double(1 << 20)), ("K", Double(1 << 10)), ("B", 1),
    ]

    /// The bytes `text` names (`8GB`, `8 gb`, `512M`, `1073741824`), nil when it is not a positive size.
    static func parse(_ text: String) -> Int? {
        let trimmed = text.filter { $0 != " " }.uppercased()
        let (suffix, multiplier) = suffixes.first { trimmed.hasSuffix($0.0) } ?? ("", 1)
        guard let value = Double(trimmed.dropLast(suffix.count)), value > 0, value.isFinite,
              value * multiplier < Double(Int.max) else { return nil }
        return Int(value * multiplier)
    }
}
