/// What a submission needs to know of the cluster, from `scontrol show config`.
public struct SlurmClusterConfig: Sendable, Equatable {
    /// Slurm's default MaxArraySize.
    public static let defaultMaxArraySize = 1001

    /// One more than the largest array index the cluster accepts: an array
    /// has at most this many tasks (indices 0 ..< maxArraySize).
    public var maxArraySize: Int

    public init(maxArraySize: Int = SlurmClusterConfig.defaultMaxArraySize) {
        self.maxArraySize = maxArraySize
    }

    /// Reads the lines `Name = value` that `scontrol show config` prints.
    public init(scontrolOutput text: String) {
        var size = Self.defaultMaxArraySize
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == "MaxArraySize", let value = Int(parts[1]), value > 0 { size = value }
        }
        maxArraySize = size
    }

    /// The configuration of the cluster the client commands reach.
    public static func query() throws -> SlurmClusterConfig {
        SlurmClusterConfig(scontrolOutput: try SlurmCommand.run("scontrol", ["show", "config"]))
    }
}
