import AAEExperiment
import AAEReport
import XCTest

final class SweepSeedSummaryTests: XCTestCase {
    private let header = ["run_id", "optimizer.lr", "seed", "status", "diverged_at_step", "step", "d_loss",
                          "best_heldout_recon_mse", "eval_knn_accuracy", "wall_time_s", "error"]

    func testEachPointGetsTheMeanAndSampleStandardDeviationOfItsCompletedSeeds() throws {
        let summary = CSVTable(header: header, rows: [
            ["lr=0.001,seed=1", "0.001", "1", "completed", "", "300", "0.6", "0.05", "0.80", "10", ""],
            ["lr=0.001,seed=2", "0.001", "2", "completed", "", "300", "0.7", "0.07", "0.90", "12", ""],
            ["lr=0.001,seed=3", "0.001", "3", "failed", "", "", "", "", "", "1", "disk full"],
            ["lr=0.01,seed=1", "0.01", "1", "completed", "", "300", "0.5", "0.04", "0.85", "11", ""],
            ["lr=0.01,seed=2", "0.01", "2", "diverged", "120", "120", "nan", "", "", "3", ""],
            ["lr=0.01,seed=3", "0.01", "3", "pending", "", "", "", "", "", "", ""],
        ])
        let table = try XCTUnwrap(SweepSeedSummary.table(summary: summary, keyPaths: ["optimizer.lr", "seed"]))
        XCTAssertEqual(table.header, ["optimizer.lr", "seeds", "completed", "d_loss_mean", "d_loss_sd",
                                      "best_heldout_recon_mse_mean", "best_heldout_recon_mse_sd",
                                      "eval_knn_accuracy_mean", "eval_knn_accuracy_sd", "wall_time_s_mean", "wall_time_s_sd"])
        XCTAssertEqual(table.rows.count, 2)
        XCTAssertEqual(Array(table.rows[0].prefix(3)), ["0.001", "1 2 3", "2"])
        XCTAssertEqual(Double(table.column(named: "eval_knn_accuracy_mean")![0])!, 0.85, accuracy: 1e-9)
        // Two values 0.1 apart: the sample standard deviation is 0.1 / √2 (the population one 0.05).
        XCTAssertEqual(Double(table.column(named: "eval_knn_accuracy_sd")![0])!, 0.1 / 2.0.squareRoot(), accuracy: 1e-6)
        XCTAssertEqual(Array(table.rows[1].prefix(3)), ["0.01", "1 2 3", "1"])
        XCTAssertEqual(table.column(named: "best_heldout_recon_mse_mean")![1], "0.04")
        XCTAssertEqual(table.column(named: "best_heldout_recon_mse_sd")![1], "", "one completed seed has no spread")
    }

    func testASweepWithoutSeveralSeedsHasNoSummaryOverSeeds() {
        let summary = CSVTable(header: header, rows: [
            ["lr=0.001", "0.001", "1", "completed", "", "300", "0.6", "0.05", "0.80", "10", ""],
            ["lr=0.01", "0.01", "1", "completed", "", "300", "0.5", "0.04", "0.85", "11", ""],
        ])
        XCTAssertNil(SweepSeedSummary.table(summary: summary, keyPaths: ["optimizer.lr"]), "seed not swept")
        XCTAssertNil(SweepSeedSummary.table(summary: summary, keyPaths: ["optimizer.lr", "seed"]), "one seed")
    }
}
