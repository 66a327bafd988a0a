import AAEExperiment
import AAEReport
import Foundation
import XCTest

final class SweepMetricFigureTests: XCTestCase {
    private let summary = CSVTable(
        header: ["run_id", "model.latent_dim", "prior", "status", "heldout_recon_mse"],
        rows: [["a", "2", "normal", "completed", "0.06"], ["b", "2", "uniform", "completed", "0.059"],
               ["c", "8", "normal", "completed", "0.035"], ["d", "8", "uniform", "failed", ""]])

    private func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("sweep-figure-\(UUID().uuidString).png")
    }

    func testWritesOnePanelPerSweptParameterAsAReproduciblePNG() throws {
        let first = temporaryFile(), second = temporaryFile()
        defer { try? FileManager.default.removeItem(at: first); try? FileManager.default.removeItem(at: second) }
        XCTAssertTrue(try SweepMetricFigure.write(summary: summary, keyPaths: ["model.latent_dim", "prior"],
                                                  metric: "heldout_recon_mse", title: "grid", to: first))
        try SweepMetricFigure.write(summary: summary, keyPaths: ["model.latent_dim", "prior"],
                                    metric: "heldout_recon_mse", title: "grid", to: second)
        let png = try Data(contentsOf: first)
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        XCTAssertGreaterThan(width, 1000, "two panels side by side")
        XCTAssertEqual(png, try Data(contentsOf: second))
    }

    func testNothingIsWrittenForAMetricTheSummaryLacks() throws {
        let url = temporaryFile()
        XCTAssertFalse(try SweepMetricFigure.write(summary: summary, keyPaths: ["prior"], metric: "eval_knn_accuracy",
                                                   title: "grid", to: url))
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))
    }
}
