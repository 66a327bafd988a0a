/// One of `count` contiguous, near-equal blocks of a sweep's runs (`--shard
/// index/count`, 0-based): what one SLURM array task trains.
///
/// Block `index` holds the runs `index*R/count ..< (index+1)*R/count` of a
/// sweep of R runs (rounded down), so the blocks cover every run once and
/// differ in size by at most one.
public struct SweepShard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1, (0..<count).contains(index) else {
            throw SweepError("--shard \(index)/\(count): the index must be from 0 to the count less one, e.g. --shard 0/\(max(count, 1))")
        }
        self.index = index
        self.count = count
    }

    /// Reads `i/N`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw SweepError("--shard \(text): expected INDEX/COUNT, e.g. --shard 0/8")
        }
        try self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// The positions of this shard's runs in a sweep of `total` runs.
    /// - Throws: `SweepError` when there are more shards than runs.
    public func runIndices(total: Int) throws -> Range<Int> {
        guard count <= total else {
            throw SweepError("--shard \(self): the sweep has only \(total) run\(total == 1 ? "" : "s"), fewer than \(count) shards")
        }
        return (index * total / count)..<((index + 1) * total / count)
    }
}
