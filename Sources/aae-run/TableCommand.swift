import AAEReport
import ArgumentParser
import Foundation

/// `aae-run table RUN_DIR...`: the evaluations of several runs as a Markdown table.
struct TableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: "Print the eval.csv of several runs as one Markdown table (one row per run folder; runs that "
            + "differ only by seed make one row of mean ± sample standard deviation).")

    @Argument(help: "Run folders, each holding eval.csv and metrics.csv, or sweep folders (each standing for its runs).")
    var runDirectories: [String]

    @Option(help: ArgumentHelp("The eval.csv metrics to show, in order, comma-separated (default: the usual ones).",
                               valueName: "metric,..."))
    var metrics: String?

    func run() throws {
        try CommandLineFailure.reporting {
            let chosen = metrics.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            print(try EvaluationTable(runDirectories: runDirectories.map { URL(fileURLWithPath: $0) },
                                      metrics: chosen).markdown,
                  terminator: "")
        }
    }
}
