import AAEReport
import Foundation
import XCTest

final class EvaluationTableTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("aae-table-\(UUID().uuidString)")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: root)
    }

    private func run(_ name: String, eval: String, metrics: String) throws -> URL {
        let directory = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try eval.write(to: directory.appendingPathComponent("eval.csv"), atomically: true, encoding: .utf8)
        try metrics.write(to: directory.appendingPathComponent("metrics.csv"), atomically: true, encoding: .utf8)
        return directory
    }

    func testRowsShowEachRunsMetricsWithStandardErrorsAndDashesForMissingOnes() throws {
        let aae = try run("aae_2d", eval: "metric,value,standard_error\nheldout_recon_mse,0.05306737,\nparzen_log_likelihood,201.234,4.5\n",
                          metrics: "step,d_loss\n100,0.5\n5000,0.4\n")
        let vae = try run("vae", eval: "metric,value,standard_error\nnegative_elbo,171.4828,1.084747\n",
                          metrics: "step,loss\n5000,160\n")
        let markdown = try EvaluationTable(runDirectories: [aae, vae]).markdown
        let lines = markdown.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4)
        XCTAssertTrue(lines[0].hasPrefix("| experiment | steps | held-out MSE |"))
        XCTAssertEqual(lines[2], "| aae_2d | 5000 | 0.05307 | — | — | — | — | — | 201.2 ± 4.500 | — |")
        XCTAssertEqual(lines[3], "| vae | 5000 | — | — | — | — | — | — | — | 171.5 ± 1.085 |")
    }

    func testMissingEvalFileIsAnError() throws {
        let directory = root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        XCTAssertThrowsError(try EvaluationTable(runDirectories: [directory]))
    }
}
