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

    private func run(_ name: String, eval: String, metrics: String, configuration: String? = nil) throws -> URL {
        let directory = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try eval.write(to: directory.appendingPathComponent("eval.csv"), atomically: true, encoding: .utf8)
        try metrics.write(to: directory.appendingPathComponent("metrics.csv"), atomically: true, encoding: .utf8)
        try configuration?.write(to: directory.appendingPathComponent("config.resolved.yaml"), atomically: true,
                                 encoding: .utf8)
        return directory
    }

    /// A run folder of experiment `name` with `seed`, whose eval.csv has `values` by metric.
    private func seededRun(_ folder: String, name: String = "semi", seed: Int, lr: String = "0.001",
                           values: [String: Double]) throws -> URL {
        let eval = "metric,value,standard_error\n" + values.sorted { $0.key < $1.key }
            .map { "\($0.key),\($0.value)," }.joined(separator: "\n") + "\n"
        return try run(folder, eval: eval, metrics: "step,loss\n2000,0.1\n",
                       configuration: "name: \(name)\nseed: \(seed)\noptimizer:\n  lr: \(lr)\n")
    }

    private func lines(_ table: EvaluationTable) -> [String] {
        table.markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
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

    func testRunsThatDifferOnlyBySeedMakeOneRowOfMeanAndSampleStandardDeviation() throws {
        let runs = try [(1, 0.10), (2, 0.12), (3, 0.14)].map { seed, error in
            try seededRun("seed=\(seed)", seed: seed, values: ["classification_error": error, "knn_accuracy": 0.9])
        }
        let table = try EvaluationTable(runDirectories: runs)
        XCTAssertEqual(table.rows.count, 1)
        XCTAssertEqual(table.rows[0].name, "semi", "a seeds-only sweep's row is named by its experiment")
        XCTAssertEqual(table.rows[0].seeds, ["1", "2", "3"])
        // Sample standard deviation: sqrt((0.02² + 0 + 0.02²) / 2) = 0.02 (the population one would be 0.01633).
        let lines = lines(table)
        XCTAssertEqual(lines[0], "| experiment | seeds | steps | classification error | held-out MSE | BCE / image | "
                       + "kNN-5 acc. | linear acc. | mean KS | MMD² | Parzen LL | −ELBO |")
        XCTAssertEqual(lines[2], "| semi | 1, 2, 3 | 2000 | 0.1200 ± 0.02000 | — | — | 0.9000 ± 0.000 | — | — | — | — | — |")
        XCTAssertTrue(lines[4].contains("mean ± sample standard deviation (n − 1)"), lines[4])
    }

    func testOneSeedGivesTheValueWithoutASpreadAndNoSeedsColumn() throws {
        let single = try seededRun("seed=1", seed: 1, values: ["classification_error": 0.1])
        let lines = lines(try EvaluationTable(runDirectories: [single]))
        XCTAssertEqual(lines[0].prefix(30), "| experiment | steps | classif")
        XCTAssertEqual(lines[2], "| seed=1 | 2000 | 0.1000 | — | — | — | — | — | — | — | — |")
        XCTAssertEqual(lines.count, 4, "no note under a table without rows over seeds")
    }

    func testAMetricOnlyOneSeedReportsFinitelyIsShownWithoutASpread() throws {
        let runs = [try seededRun("a", seed: 1, values: ["mmd2": 0.5]),
                    try seededRun("b", seed: 2, values: ["mmd2": .nan])]
        let row = try EvaluationTable(runDirectories: runs).rows
        XCTAssertEqual(row.count, 1)
        guard case .seeds(let spread) = row[0].cells["mmd2"] else { return XCTFail("no spread of mmd2") }
        XCTAssertEqual(spread.count, 1)
        XCTAssertEqual(spread.mean, 0.5)
        XCTAssertTrue(lines(try EvaluationTable(runDirectories: runs))[2].contains("| 0.5000 |"))
    }

    func testRunsOfDifferentConfigurationsOrOfTheSameSeedAreNotMerged() throws {
        let runs = [try seededRun("lr=0.001,seed=1", seed: 1, values: ["mmd2": 0.1]),
                    try seededRun("lr=0.01,seed=1", seed: 1, lr: "0.01", values: ["mmd2": 0.2]),
                    try seededRun("lr=0.001,seed=2", seed: 2, values: ["mmd2": 0.3]),
                    try seededRun("lr=0.01,seed=2", seed: 2, lr: "0.01", values: ["mmd2": 0.4]),
                    try seededRun("again", seed: 2, values: ["mmd2": 0.5])]
        let rows = try EvaluationTable(runDirectories: runs).rows
        XCTAssertEqual(rows.map(\.name), ["lr=0.001", "lr=0.01", "again"])
        XCTAssertEqual(rows.map(\.runCount), [2, 2, 1])
        XCTAssertEqual(rows[1].cells["mmd2"], .seeds(SampleSpread([0.2, 0.4])))
    }

    func testASweepFolderStandsForItsRunsInItsSummaryOrder() throws {
        for seed in [2, 1] { _ = try seededRun("sweep/seed=\(seed)", seed: seed, values: ["cluster_error": Double(seed)]) }
        try "run_id,seed,status\nseed=2,2,completed\nseed=1,1,completed\n"
            .write(to: root.appendingPathComponent("sweep/summary.csv"), atomically: true, encoding: .utf8)
        let table = try EvaluationTable(runDirectories: [root.appendingPathComponent("sweep")])
        XCTAssertEqual(table.rows.map(\.seeds), [["2", "1"]])
        XCTAssertEqual(table.rows[0].cells["cluster_error"], .seeds(SampleSpread([2, 1])))
    }

    func testMetricsChooseTheColumnsAndAnUnreportedOneIsRefused() throws {
        let run = try seededRun("one", seed: 1, values: ["cluster_error": 0.2, "knn_accuracy": 0.8])
        let lines = lines(try EvaluationTable(runDirectories: [run], metrics: ["knn_accuracy", "cluster_error"]))
        XCTAssertEqual(lines[0], "| experiment | steps | kNN-5 acc. | cluster error |")
        XCTAssertEqual(lines[2], "| one | 2000 | 0.8000 | 0.2000 |")
        XCTAssertThrowsError(try EvaluationTable(runDirectories: [run], metrics: ["accuracy"])) { error in
            XCTAssertEqual("\(error)", "--metrics: no listed run reports `accuracy`; their eval.csv metrics are "
                           + "cluster_error, knn_accuracy")
        }
    }
}
