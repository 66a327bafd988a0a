import AAEReport
import Foundation

/// `<out>/.slurm/jobs`: the jobs a submission made, one line each: the arrays
/// (with the shards they train) and the collect job.
public struct SlurmJobs: Sendable, Equatable {
    public static let fileName = "jobs"
    static let columns = ["kind", "job_id", "first_shard", "task_count"]

    /// An array's job id and the shards its tasks train.
    public var arrays: [(jobID: String, array: SlurmArray)]
    public var collectJobID: String

    public init(arrays: [(jobID: String, array: SlurmArray)], collectJobID: String) {
        self.arrays = arrays
        self.collectJobID = collectJobID
    }

    /// Every job id, the arrays first.
    public var allJobIDs: [String] { arrays.map(\.jobID) + [collectJobID] }

    var table: CSVTable {
        CSVTable(header: Self.columns, rows: arrays.map { ["array", $0.jobID, String($0.array.firstShard), String($0.array.taskCount)] }
                 + [["collect", collectJobID, "", ""]])
    }

    public func write(in sweepDirectory: URL) throws {
        try table.write(to: FrozenSweep.folder(of: sweepDirectory).appendingPathComponent(Self.fileName))
    }

    /// The jobs of the last submission of `sweepDirectory`, nil when it has none.
    public static func read(in sweepDirectory: URL) -> SlurmJobs? {
        guard let table = try? CSVTable.read(from: FrozenSweep.folder(of: sweepDirectory).appendingPathComponent(fileName)),
              table.header == columns else { return nil }
        var arrays: [(jobID: String, array: SlurmArray)] = [], collect = ""
        for row in table.rows {
            if row[0] == "collect" { collect = row[1] }
            if row[0] == "array", let first = Int(row[2]), let count = Int(row[3]) {
                arrays.append((row[1], SlurmArray(firstShard: first, taskCount: count)))
            }
        }
        return SlurmJobs(arrays: arrays, collectJobID: collect)
    }

    public static func == (a: SlurmJobs, b: SlurmJobs) -> Bool {
        a.collectJobID == b.collectJobID && a.arrays.map(\.jobID) == b.arrays.map(\.jobID)
            && a.arrays.map(\.array) == b.arrays.map(\.array)
    }
}
