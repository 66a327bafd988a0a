import AAEReport
import ArgumentParser
import Foundation

/// `aae-run diff A B`: compares two runs, sweeps or CSV files cell by cell.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two run folders, sweep folders or CSV files cell by cell.",
        discussion: """
            Run folders: compares metrics.csv (rows by step) and eval.csv (rows by metric). \
            Sweep folders: compares summary.csv (rows by run_id) and every run folder present on both sides. \
            CSV files: rows are aligned by their common first column.

            Prints each differing cell with both values and the relative change, the columns and rows \
            present on one side only, then a summary line.

            Exit status: 0 when equal within the tolerance, 1 when different, 2 on error (missing path, \
            malformed CSV, A and B of different kinds), 64 on a usage error (such as a negative --tolerance).
            """)

    @Argument(help: ArgumentHelp("The first run folder, sweep folder or CSV file.", valueName: "A"))
    var a: String

    @Argument(help: ArgumentHelp("The second one, of the same kind as A.", valueName: "B"))
    var b: String

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp(
        "Relative tolerance for numeric cells: equal when |a-b| <= T*max(|a|,|b|), nan equals nan. "
            + "With 0, cells must be identical text. T must be 0 or more.", valueName: "T"))
    var tolerance: Double = 0

    func run() throws {
        guard tolerance >= 0 else {
            throw CommandLineFailure.usage("--tolerance must be 0 or more (a relative tolerance), found \(tolerance)")
        }
        let diff: ResultsDiff
        do {
            diff = try ResultsDiff.compare(URL(fileURLWithPath: a), URL(fileURLWithPath: b), tolerance: tolerance)
        } catch {
            CommandLineFailure.printError("aae-run diff: \(FileErrorMessage.describe(error))")
            throw ExitCode(DiffOutcome.failed.exitCode)
        }
        print(diff.text)
        let outcome = diff.outcome
        if outcome != .equal { throw ExitCode(outcome.exitCode) }
    }
}
