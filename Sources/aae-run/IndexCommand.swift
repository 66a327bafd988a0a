import AAEReport
import ArgumentParser
import Foundation

/// `aae-run index [RESULTS_DIR]`: rebuilds the HTML overview of the results folder.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Write index.html pages that list every experiment and run under the results folder.",
        discussion: """
            Writes RESULTS_DIR/index.html and RESULTS_DIR/<experiment>/index.html: every run with its \
            status, hyperparameters, final metrics and figure thumbnails, in tables sortable by clicking \
            a header. The pages are static files; open RESULTS_DIR/index.html in a browser.
            """)

    @Argument(help: ArgumentHelp("The results folder.", valueName: "RESULTS_DIR"))
    var resultsDirectory: String = "results"

    func run() throws {
        try CommandLineFailure.reporting {
            let written = try ResultsIndex.write(resultsRoot: URL(fileURLWithPath: resultsDirectory, isDirectory: true))
            let pages = written.count - 1
            print("wrote \(written.last!.relativePath) and \(pages) experiment page\(pages == 1 ? "" : "s")")
        }
    }
}
