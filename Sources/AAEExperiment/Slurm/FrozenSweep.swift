import AAEReport
import Foundation

/// A sweep fixed before it goes to a cluster, so that an array task's index
/// always names the same runs, whatever happens to the experiment file later.
///
/// `<out>/.slurm/plan.csv` lists the runs in expansion order (`run_id`, then
/// the swept values); each run's settings are its folder's
/// config.resolved.yaml, written when the sweep is frozen. `<out>/summary.csv`
/// starts with every run pending, so `aae-run resume <out>` works at any time.
public enum FrozenSweep {
    /// The folder of the cluster's files in a sweep folder.
    public static let folderName = ".slurm"
    static let planFileName = "plan.csv"

    public static func folder(of sweepDirectory: URL) -> URL {
        sweepDirectory.appendingPathComponent(folderName, isDirectory: true)
    }

    static func planURL(of sweepDirectory: URL) -> URL {
        folder(of: sweepDirectory).appendingPathComponent(planFileName)
    }

    static func table(of plan: SweepPlan) -> CSVTable {
        CSVTable(header: ["run_id"] + plan.keyPaths, rows: plan.runs.map { [$0.id] + $0.values })
    }

    /// Writes the run folders' configurations, a pending summary (when the
    /// folder has none yet) and plan.csv.
    /// - Throws: `SweepError` when the folder holds another version of this
    ///   sweep (a run's configuration or the list of runs differs); nothing is written then.
    public static func freeze(_ plan: SweepPlan) throws {
        let planURL = planURL(of: plan.outputDirectory)
        let table = table(of: plan)
        if let existing = try? CSVTable.read(from: planURL), existing != table {
            throw SweepError("\(plan.outputDirectory.path) was frozen for another version of this sweep (\(planURL.path) "
                             + "lists other runs); remove the folder or write elsewhere with --out")
        }
        try plan.prepareFolders()
        let summary = SweepSummary(plan: plan, entries: plan.runs.map { _ in .pending })
        if !FileManager.default.fileExists(atPath: summary.url.path) { try summary.write() }
        try FileManager.default.createDirectory(at: folder(of: plan.outputDirectory), withIntermediateDirectories: true)
        try table.write(to: planURL)
    }

    /// The plan frozen in `sweepDirectory`.
    public static func load(directory sweepDirectory: URL) throws -> SweepPlan {
        let url = planURL(of: sweepDirectory)
        let table: CSVTable
        do {
            table = try CSVTable.read(from: url)
        } catch {
            throw SweepError("\(url.path): cannot read the frozen sweep (\(error)); submit the sweep with "
                             + "`aae-run sweep FILE --launcher slurm --out \(sweepDirectory.path)`")
        }
        guard table.header.first == "run_id" else { throw SweepError("\(url.path) is not a frozen sweep (no run_id column)") }
        return try SweepPlan.listed(in: table, at: url, keyPaths: Array(table.header.dropFirst()), directory: sweepDirectory)
    }
}
