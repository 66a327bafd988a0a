/// One submitted job array: its tasks train the shards `firstShard ..<
/// firstShard + taskCount` (task i trains shard firstShard + i).
public struct SlurmArray: Sendable, Equatable {
    public var firstShard: Int
    public var taskCount: Int

    public init(firstShard: Int, taskCount: Int) {
        self.firstShard = firstShard
        self.taskCount = taskCount
    }

    /// The `--array` value: `0-(taskCount-1)`, with `%P` when at most P tasks may run at once.
    public func arraySpecification(maxParallel: Int?) -> String {
        "0-\(taskCount - 1)" + (maxParallel.map { "%\($0)" } ?? "")
    }

    /// The arrays `shardCount` shards need on a cluster whose arrays have at
    /// most `maxArraySize` tasks: as few as possible, all full but the last.
    public static func split(shardCount: Int, maxArraySize: Int) -> [SlurmArray] {
        let size = max(maxArraySize, 1)
        return stride(from: 0, to: shardCount, by: size).map {
            SlurmArray(firstShard: $0, taskCount: min(size, shardCount - $0))
        }
    }
}
