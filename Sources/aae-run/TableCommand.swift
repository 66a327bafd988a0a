import AAEReport
import ArgumentParser
import Foundation

/// `aae-run table RUN_DIR...`: the evaluations of several runs as a Markdown table.
struct TableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: "Print the eval.csv of several runs as one Markdown table (one row per run folder).")

    @Argument(help: "Run folders, each holding eval.csv and metrics.csv.")
    var runDirectories: [String]

    func run() throws {
        try CommandLineFailure.reporting {
            print(try EvaluationTable(runDirectories: runDirectories.map { URL(fileURLWithPath: $0) }).markdown,
                  terminator: "")
        }
    }
}
