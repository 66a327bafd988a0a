import AAEExperiment
import ArgumentParser
import Foundation

/// `aae-run collect DIR`: the collect step of a sweep trained by SLURM array tasks.
struct CollectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Rebuild a sweep's summary.csv and figures from its run folders.",
        discussion: """
            What the collect job of `aae-run sweep --launcher slurm` runs once every array task has ended: \
            each run's status, metrics and evaluation are read from its own folder (status.csv, metrics.csv, \
            eval.csv); a run without status.csv is interrupted when it started, else pending. The runs are \
            those frozen in DIR/.slurm/plan.csv, else those of DIR/summary.csv. \
            Exit status: 0 all completed, 1 some failed, 3 some diverged, 130 some unfinished.
            """)

    @Argument(help: ArgumentHelp("The sweep folder.", valueName: "DIR"))
    var directory: String

    func run() throws {
        try CommandLineFailure.reporting {
            let folder = URL(fileURLWithPath: directory, isDirectory: true)
            let frozen = FileManager.default.fileExists(atPath: FrozenSweep.folder(of: folder).appendingPathComponent("plan.csv").path)
            let plan = frozen ? try FrozenSweep.load(directory: folder) : try SweepPlan.resuming(directory: folder)
            let outcome = try SweepCollection.collect(plan)
            print(outcome.text)
            if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
        }
    }
}
